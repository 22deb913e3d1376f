package dev.apiserverpolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.testing.ProjectFiles;
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
    return java(dir, List.of(), args);
  }

  private static Run java(Path dir, List<String> jvmOptions, String... args) throws IOException,
      InterruptedException {
    return javaIn(null, dir, jvmOptions, args);
  }

  /** Runs in {@code workingDirectory} (null: this one's), with its output kept in {@code dir}. */
  private static Run javaIn(Path workingDirectory, Path dir, List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    Path jar = Path.of("target", "apiserver-policy.jar").toAbsolutePath();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(List.of(args));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    if (workingDirectory != null) {
      builder.directory(workingDirectory.toFile());
    }
    Process p = builder.start();
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

  /**
   * Two processes, one output folder: while this one holds the lock, the packaged command
   * waits its ten seconds, then exits 3 and writes nothing.
   */
  @Test
  void aSecondProcessWaitsForTheLockThenExits3() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("manifests")).toRealPath();
    try (OutputLock held = OutputLock.forWriting(out, java.time.Duration.ZERO)) {
      long start = System.nanoTime();
      Run r = java(tmp, "render", Cli.quickstart().toAbsolutePath().toString(), "--out", out.toString());
      long waited = (System.nanoTime() - start) / 1_000_000;
      assertEquals(3, r.exit(), r.err());
      assertTrue(r.err().contains("is in use by another apiserver-policy run"), r.err());
      assertTrue(waited >= OutputLock.DEFAULT_WAIT.toMillis(), "waited " + waited + " ms");
      try (Stream<Path> files = Files.list(out)) {
        assertEquals(List.of(out.resolve(OutputDirectory.LOCK_FILE)), files.toList(), "nothing written");
      }
    }
  }

  /**
   * One GitOps repository, its inputs spelled every way and the command run from three folders:
   * the same bytes each time, every run after the first finds all unchanged, none reports a file
   * as another input's.
   */
  @Test
  void sameBytesAndOwnershipWhateverTheSpellingAndWorkingDirectory() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.createDirectories(repo.resolve(".git"));
    Files.move(Cli.copyQuickstart(repo), repo.resolve("inputs"));
    Path inputs = repo.resolve("inputs");
    Path manifests = repo.resolve("manifests");
    List<List<Object>> runs = List.of(
        List.of(repo, "inputs", "manifests"),
        List.of(repo, "./inputs/", "manifests/"),
        List.of(repo, inputs.toAbsolutePath().toString(), "manifests"),
        List.of(repo, "inputs/../inputs", "./manifests"),
        List.of(inputs, ".", "../manifests"),
        List.of(tmp, "repo/inputs", "repo/manifests"),
        List.of(tmp, inputs.toAbsolutePath().toString(), manifests.toAbsolutePath().toString()));
    java.util.Map<String, String> first = null;
    for (List<Object> run : runs) {
      Run r = javaIn((Path) run.get(0), tmp, List.of(), "render", (String) run.get(1), "--out", (String) run.get(2));
      assertEquals(0, r.exit(), run + "\n" + r.err());
      assertTrue(!r.err().contains("two inputs write this file"), run + "\n" + r.err());
      if (first == null) {
        first = Cli.files(manifests);
        assertTrue(first.containsKey("kustomization.yaml") && first.values().stream()
            .allMatch(f -> f.startsWith("# Generated by apiserver-policy from inputs. DO NOT EDIT.\n")), "named "
            + "from the repository's top");
      } else {
        assertTrue(r.err().contains("unchanged " + Cli.QUICKSTART_FILES), run + "\n" + r.err());
        assertEquals(first, Cli.files(manifests), run.toString());
      }
    }
  }

  /**
   * Issue 16's acceptance, as a process with the JDK's resolver pointed at a hosts file: the quick
   * start without a typed-in address, plus kubectl's EndpointSlice list and what resolve wrote,
   * renders what the quick start renders; --check sees a moved address; a host that does not
   * resolve exits 3 and leaves the file alone.
   */
  @Test
  void resolveAgainstAHostsFileThenRenderAsAProcess() throws Exception {
    Path q = Cli.copyQuickstart(tmp);
    Path facts = ProjectFiles.root().resolve("examples/gitops/fresh-facts");
    Files.copy(facts.resolve("render-context.yaml"), q.resolve("render-context.yaml"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(facts.resolve("seed-endpoints.yaml"), q.resolve("seed-endpoints.yaml"));
    Path hosts = tmp.resolve("hosts");
    Files.writeString(hosts, "203.0.113.20 dex.example.com\n203.0.113.30 authz.example.com\n");
    List<String> jvm = List.of("-Djdk.net.hosts.file=" + hosts);
    Path file = q.resolve("resolved-hosts.yaml");

    Run resolve = java(tmp, jvm, "resolve", q.toString(), "--out", file.toString());
    assertEquals(0, resolve.exit(), resolve.err());
    // Under least-privilege, as the typed-in quick start; under kkp-v2.31 the terminating endpoint
    // 10.0.0.13 is allowed too, as KKP's controller allows it (RunTimeFactsTest holds that).
    Run fresh = java(tmp, "render", q.toString(), "--stdout", "--profile", "least-privilege");
    Run typed = java(tmp, "render", Cli.quickstart().toString(), "--stdout", "--profile", "least-privilege");
    assertEquals(0, fresh.exit(), fresh.err());
    assertEquals(typed.out().lines().skip(1).toList(), fresh.out().lines().skip(1).toList(),
        "the same policies and Services, after the header that names the input");

    assertEquals(0, java(tmp, jvm, "resolve", q.toString(), "--out", file.toString(), "--check").exit());
    Files.writeString(hosts, "203.0.113.21 dex.example.com\n203.0.113.30 authz.example.com\n");
    Run drift = java(tmp, jvm, "resolve", q.toString(), "--out", file.toString(), "--check");
    assertEquals(1, drift.exit(), drift.err());
    assertEquals("dex.example.com: added 203.0.113.21; removed 203.0.113.20\n", drift.out());

    String before = Files.readString(file);
    Files.writeString(hosts, "203.0.113.30 authz.example.com\n");
    Run gone = java(tmp, jvm, "resolve", q.toString(), "--out", file.toString());
    assertEquals(3, gone.exit(), gone.err());
    assertTrue(gone.err().contains("dex.example.com does not resolve"), gone.err());
    assertEquals(before, Files.readString(file));
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
