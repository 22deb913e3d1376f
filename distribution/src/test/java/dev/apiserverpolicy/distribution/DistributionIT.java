package dev.apiserverpolicy.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.testing.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a user gets it: unpacked into an empty folder, run with an empty
 * environment and a PATH that holds nothing but a shell, from another folder and through a
 * link; it prints what the CLI's jar prints; its checksum file is right; and a second build
 * writes the same bytes.
 */
class DistributionIT {
  @TempDir
  static Path tmp;

  private static Path archive;
  private static Path home;

  private record Run(int exit, String out, String err) {}

  @BeforeAll
  static void unpack() throws Exception {
    String version = System.getProperty("dist.version");
    archive = Path.of(System.getProperty("dist.out")).resolve("apiserver-policy-" + version + "-"
        + DistributionBuilder.platform() + ".tar.gz");
    assertTrue(Files.isRegularFile(archive), archive::toString);
    Path into = Files.createDirectories(tmp.resolve("unpacked"));
    Run tar = run(tmp, Map.of(), List.of("tar", "-xzf", archive.toString(), "-C", into.toString()));
    assertEquals(0, tar.exit(), tar.err());
    home = into.resolve("apiserver-policy-" + version);
  }

  /** Runs {@code command} in {@code dir} with exactly {@code env} as its environment. */
  private static Run run(Path dir, Map<String, String> env, List<String> command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), () -> "finished: " + command);
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err,
        StandardCharsets.UTF_8));
  }

  /** A folder holding only a shell (and, if asked, readlink): the PATH a bare machine has. */
  private static Path bareBin(boolean readlink) throws IOException {
    Path bin = Files.createDirectories(tmp.resolve(readlink ? "bin-with-readlink" : "bin-only-sh"));
    if (!Files.exists(bin.resolve("sh"))) {
      Files.createSymbolicLink(bin.resolve("sh"), Path.of("/bin/sh"));
      if (readlink) {
        Path tool = Files.exists(Path.of("/usr/bin/readlink")) ? Path.of("/usr/bin/readlink")
            : Path.of("/bin/readlink");
        Files.createSymbolicLink(bin.resolve("readlink"), tool);
      }
    }
    return bin;
  }

  /** What the CLI's own jar prints, on the JVM running this test. */
  private static Run jar(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", ProjectFiles.root().resolve("policy-cli/target/apiserver-policy.jar").toString()));
    command.addAll(List.of(args));
    return run(tmp, Map.of(), command);
  }

  private static Run archived(Path dir, Path bin, String launcher, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(launcher));
    command.addAll(List.of(args));
    return run(dir, Map.of("PATH", bin.toString()), command);
  }

  @Test
  void holdsTheRuntimeTheJarTheLauncherAndTheLicences() throws IOException {
    for (String file : List.of("bin/apiserver-policy", "runtime/bin/java", "lib/apiserver-policy.jar", "LICENSE",
        "NOTICE")) {
      assertTrue(Files.isRegularFile(home.resolve(file)), file);
    }
    assertTrue(Files.isExecutable(home.resolve("bin/apiserver-policy")));
    String launcher = Files.readString(home.resolve("bin/apiserver-policy"));
    assertEquals(Files.exists(home.resolve("lib/apiserver-policy.jsa")), launcher.contains("apiserver-policy.jsa"),
        "the launcher uses the class-data-sharing archive exactly when the archive holds one");
    String sha = Files.readString(archive.resolveSibling(archive.getFileName() + ".sha256"));
    assertEquals(DistributionBuilder.sha256(archive) + "  " + archive.getFileName() + "\n", sha);
  }

  /** A man page per command in share/man/man1, readable by man(1) where the machine has it. */
  @Test
  void holdsAManPagePerCommand() throws Exception {
    Path man1 = home.resolve("share/man/man1");
    for (String command : List.of("", "-render", "-lint", "-diff", "-explain", "-defaults", "-cleanup", "-resolve",
        "-completion")) {
      Path page = man1.resolve("apiserver-policy" + command + ".1");
      assertTrue(Files.isRegularFile(page), page::toString);
      String troff = Files.readString(page, StandardCharsets.UTF_8);
      assertTrue(troff.contains(".TH \"APISERVER-POLICY" + command.toUpperCase(java.util.Locale.ROOT) + "\" \"1\""),
          troff);
      assertTrue(troff.contains(".SH \"EXIT STATUS\""), troff);
    }
    Path manTool = Path.of("/usr/bin/man");
    if (Files.isExecutable(manTool)) {
      Run shown = run(tmp, Map.of("PATH", "/usr/bin:/bin", "MANWIDTH", "80", "LC_ALL", "C"),
          List.of(manTool.toString(), "-l", man1.resolve("apiserver-policy-render.1").toString()));
      assertEquals(0, shown.exit(), shown::err);
      assertTrue(shown.out().contains("-q, --quiet"), shown::out);
    }
  }

  @Test
  void runsTheQuickStartWithAnEmptyEnvironmentAndPrintsWhatTheJarPrints() throws Exception {
    String quickstart = ProjectFiles.quickstart().toString();
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    String launcher = home.resolve("bin/apiserver-policy").toString();
    for (List<String> args : List.of(List.of("render", quickstart, "--stdout"),
        List.of("lint", quickstart, "--format", "json"), List.of("explain", quickstart))) {
      Run archivedRun = archived(elsewhere, bareBin(false), launcher, args.toArray(String[]::new));
      Run jarRun = jar(args.toArray(String[]::new));
      assertEquals(jarRun.exit(), archivedRun.exit(), archivedRun::err);
      assertEquals(jarRun.out(), archivedRun.out(), String.join(" ", args));
      assertTrue(!archivedRun.out().isEmpty());
    }
  }

  /**
   * Unpacked elsewhere than it was built, the class-data-sharing archive still maps (-Xshare:on
   * fails if not). Only a JDK 17 runtime, whose dump is not reproducible, goes without one.
   */
  @Test
  void theClassDataSharingArchiveFitsTheUnpackedRuntime() throws Exception {
    Path jsa = home.resolve("lib/apiserver-policy.jsa");
    if (!Files.exists(jsa)) {
      assertTrue(Files.readString(home.resolve("runtime/release")).contains("JAVA_VERSION=\"17."),
          "no class-data-sharing archive, though the runtime is not JDK 17's");
      return;
    }
    Run r = run(tmp, Map.of(), List.of(home.resolve("runtime/bin/java").toString(), "-XX:+UseSerialGC",
        "-Xshare:on", "-XX:SharedArchiveFile=" + jsa, "-jar", home.resolve("lib/apiserver-policy.jar").toString(),
        "--version"));
    assertEquals(0, r.exit(), r::err);
  }

  @Test
  void runsThroughALinkAndNamesItsCommit() throws Exception {
    Path links = Files.createDirectories(tmp.resolve("links"));
    Path absolute = links.resolve("apiserver-policy");
    Files.createSymbolicLink(absolute, home.resolve("bin/apiserver-policy"));
    Path relative = links.resolve("relative-link");
    Files.createSymbolicLink(relative, links.relativize(home.resolve("bin/apiserver-policy")));
    for (Path link : List.of(absolute, relative)) {
      Run version = archived(tmp, bareBin(true), link.toString(), "--version");
      assertEquals(0, version.exit(), version::err);
      assertTrue(version.out().matches("apiserver-policy " + System.getProperty("dist.version")
          + " \\(commit ([0-9a-f]{12}|unknown)\\)\n"), version.out());
    }
  }

  /**
   * The shell's environment does not change where the launcher finds itself: CDPATH exported, a
   * relative link found through an empty PATH entry, and {@code sh link}.
   */
  @Test
  void theLauncherFindsItselfWhateverTheShellsEnvironment() throws Exception {
    Path links = Files.createDirectories(tmp.resolve("links-env"));
    Path link = links.resolve("apiserver-policy");
    Files.createSymbolicLink(link, links.relativize(home.resolve("bin/apiserver-policy")));
    String bare = bareBin(true).toString();
    List<Run> runs = List.of(
        run(home, Map.of("PATH", bare, "CDPATH", "."), List.of("bin/apiserver-policy", "--version")),
        run(links, Map.of("PATH", bare + ":"), List.of("/bin/sh", "-c", "apiserver-policy --version")),
        run(links, Map.of("PATH", bare), List.of("/bin/sh", "apiserver-policy", "--version")));
    for (Run r : runs) {
      assertEquals(0, r.exit(), r::err);
      assertTrue(r.out().startsWith("apiserver-policy " + System.getProperty("dist.version")), r.out());
    }
  }

  /** The repository's own launcher likewise: CDPATH, a link found through an empty PATH entry, sh link. */
  @Test
  void theRepositorysLauncherFindsItselfToo() throws Exception {
    Path links = Files.createDirectories(tmp.resolve("links-repo"));
    Path launcher = ProjectFiles.root().resolve("apiserver-policy").toRealPath();
    Files.createSymbolicLink(links.resolve("ap"), links.toRealPath().relativize(launcher));
    Path parent = launcher.getParent().getParent();
    String path = System.getenv("PATH");
    String java = Path.of(System.getProperty("java.home"), "bin").toString();
    Map<String, String> env = Map.of("PATH", java + ":" + path + ":", "CDPATH", ".", "HOME", tmp.toString());
    List<Run> runs = List.of(
        run(parent, env, List.of(parent.relativize(launcher).toString(), "--version")),
        run(links, env, List.of("/bin/sh", "-c", "ap --version")),
        run(links, env, List.of("/bin/sh", "ap", "--version")));
    for (Run r : runs) {
      assertEquals(0, r.exit(), r::err);
      assertTrue(r.out().startsWith("apiserver-policy "), r.out());
    }
  }

  @Test
  void aSecondBuildWritesTheSameBytes() throws Exception {
    Path again = Files.createDirectories(tmp.resolve("again"));
    Path root = ProjectFiles.root();
    Path second = DistributionBuilder.build(root.resolve("policy-cli/target/apiserver-policy.jar"),
        ProjectFiles.quickstart(), again, System.getProperty("dist.version"),
        java.time.Instant.parse(System.getProperty("dist.timestamp")).getEpochSecond(),
        DistributionBuilder.commit(root), Path.of(System.getProperty("dist.jdk")), root.resolve("LICENSE"),
        root.resolve("NOTICE"));
    assertEquals(-1, Files.mismatch(archive, second), "byte for byte the same archive");
  }
}
