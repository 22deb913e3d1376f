package dev.apiserverpolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as its own process, as users and CI run it. */
class CliProcessIT {
  @TempDir
  Path tmp;

  private record Run(int exit, String out, String err) {}

  private static Run java(Path dir, String... args) throws IOException, InterruptedException {
    Path jar = Path.of("target", "apiserver-policy.jar").toAbsolutePath();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    command.addAll(List.of(args));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process finished");
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err,
        StandardCharsets.UTF_8));
  }

  @Test
  void rendersTheQuickstartAsAProcess() throws Exception {
    Path out = tmp.resolve("manifests");
    Run r = java(tmp, "render", Cli.quickstart().toAbsolutePath().toString(), "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("rendered 5 of 5 clusters (" + Cli.QUICKSTART_OBJECTS
        + " objects) from 8 files; created " + Cli.QUICKSTART_FILES), r.err());
    try (Stream<Path> files = Files.walk(out)) {
      assertEquals(Cli.QUICKSTART_FILES, files.filter(Files::isRegularFile).count());
    }
    Run check = java(tmp, "render", Cli.quickstart().toAbsolutePath().toString(), "--out", out.toString(), "--check");
    assertEquals(0, check.exit(), check.err());
  }

  @Test
  void versionUsageAndUnreadableExitCodesAsAProcess() throws Exception {
    Run version = java(tmp, "--version");
    assertEquals(0, version.exit());
    assertTrue(version.out().startsWith("apiserver-policy 0."), version.out());
    assertEquals(2, java(tmp, "render").exit());
    Run missing = java(tmp, "lint", tmp.resolve("nope").toString());
    assertEquals(3, missing.exit());
    assertTrue(missing.err().contains("hint: check the path"), missing.err());
  }
}
