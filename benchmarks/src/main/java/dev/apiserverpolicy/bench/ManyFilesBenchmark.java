package dev.apiserverpolicy.bench;

import dev.apiserverpolicy.ApiserverPolicy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading stays linear in the number of files: the front door over 10,000 and 40,000 small
 * files, side by side in one run (issue 24 asks for at most 5x). Each file holds one comment, so
 * the cost is joining what was read, not parsing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class ManyFilesBenchmark {
  @Param({"10000", "40000"})
  public int files;

  private Map<String, byte[]> input;

  @Setup
  public void setUp() {
    input = new TreeMap<>();
    byte[] comment = "# nothing here\n".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < files; i++) {
      input.put(String.format(java.util.Locale.ROOT, "clusters/%06d.yaml", i), comment);
    }
  }

  /** Reads every file (each an input-empty warning) and renders the no clusters they hold. */
  @Benchmark
  public ApiserverPolicy.Result frontDoor() {
    return ApiserverPolicy.create().render(input);
  }
}
