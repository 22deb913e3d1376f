package dev.apiserverpolicy.bench;

import dev.apiserverpolicy.examples.ScaleInput;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.reach.AccessExplainer;
import dev.apiserverpolicy.reach.AccessExplanation;
import dev.apiserverpolicy.read.ManifestReader;
import dev.apiserverpolicy.render.BoundInputs;
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.bind.ClusterValidator;
import dev.apiserverpolicy.render.bind.InputBinding;
import dev.apiserverpolicy.render.engine.ManifestRenderer;
import dev.apiserverpolicy.render.lint.OperationalLints;
import dev.apiserverpolicy.render.yaml.YamlManifestWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The library's hot paths, on the typical cluster of the Helm comparison (LoadBalancer,
 * kkp-v2.31, Konnectivity, two allowed ranges: 11 objects). Run with {@code -prof gc} to
 * see the allocation per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class RenderBenchmarks {
  private ClusterInputs typical;
  private ClusterManifests rendered;
  private byte[] tenThousand;

  @Setup
  public void setUp() throws IOException {
    typical = InputBinding.bind(read(1)).clusters().get(0);
    rendered = ManifestRenderer.render(typical, RenderOptions.defaults());
    StringWriter text = new StringWriter();
    ScaleInput.write(text, 10_000, false);
    tenThousand = text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Inputs read(int clusters) throws IOException {
    StringWriter text = new StringWriter();
    ScaleInput.write(text, clusters, false);
    return ManifestReader.create().read("bench.yaml", text.toString());
  }

  /** One typical cluster to objects (validation, lints, catalogue, Services). */
  @Benchmark
  public ClusterManifests renderToObjects() {
    return ManifestRenderer.render(typical, RenderOptions.defaults());
  }

  /** One typical cluster to YAML bytes. */
  @Benchmark
  public byte[] renderToYamlBytes() {
    ClusterManifests m = ManifestRenderer.render(typical, RenderOptions.defaults());
    return YamlManifestWriter.write(m.objects(), "bench.yaml").getBytes(StandardCharsets.UTF_8);
  }

  /** Reading and binding an input of 10,000 clusters. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public BoundInputs readAndBind10000Clusters() {
    return InputBinding.bind(ManifestReader.create().read("bench.yaml", tenThousand));
  }

  /** Every validation and lint finding for one typical cluster. */
  @Benchmark
  public List<Diagnostic> lint() {
    List<Diagnostic> out = new ArrayList<>(ClusterValidator.validate(typical));
    out.addAll(OperationalLints.lint(typical, typical.effectiveProfile()));
    return out;
  }

  /** The evaluator on one rendered cluster: every destination of its apiserver, and who may reach it. */
  @Benchmark
  public AccessExplanation evaluateReachability() {
    return AccessExplainer.explain(rendered);
  }
}
