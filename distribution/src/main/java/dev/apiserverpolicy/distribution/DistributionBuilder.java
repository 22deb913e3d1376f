package dev.apiserverpolicy.distribution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds the release archive (a build tool, run by Maven in the {@code package} phase; not part
 * of any library): a runtime made with jlink from the JDK modules the CLI needs, the CLI's jar,
 * a class-data-sharing archive for that runtime, the launcher script, LICENSE and NOTICE, as
 * {@code apiserver-policy-<version>-<os>-<arch>.tar.gz} with a {@code .sha256} beside it.
 *
 * <p>Reproducible: every entry has the build's fixed timestamp, owner 0 and a sorted place; the
 * gzip header carries no time or name. The CDS archive is included only if the runtime's
 * {@code -Xshare:dump} writes the same bytes twice (JDK 25 does; JDK 17 does not), so the
 * archive is byte for byte the same whichever JDK builds it; without it a warning says so.
 *
 * <p>Arguments: {@code JAR QUICKSTART OUT_DIR VERSION TIMESTAMP CHECKOUT JDK_HOME LICENSE NOTICE}
 * (TIMESTAMP as {@code project.build.outputTimestamp} writes it; CHECKOUT the folder whose git
 * commit the launcher names).
 */
public final class DistributionBuilder {
  private DistributionBuilder() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 9) {
      throw new IllegalArgumentException("usage: JAR QUICKSTART OUT_DIR VERSION TIMESTAMP CHECKOUT JDK_HOME LICENSE "
          + "NOTICE");
    }
    Path archive = build(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), args[3],
        java.time.Instant.parse(args[4]).getEpochSecond(), commit(Path.of(args[5])), Path.of(args[6]), Path.of(args[7]),
        Path.of(args[8]));
    System.out.println("apiserver-policy: wrote " + archive);
  }

  /** The commit checked out in {@code checkout} (its first 12 hex digits), or {@code unknown} without git. */
  static String commit(Path checkout) {
    try {
      String head = run(List.of("git", "-C", checkout.toString(), "rev-parse", "HEAD")).strip();
      return head.matches("[0-9a-f]{40}") ? head.substring(0, 12) : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  /** The platform part of the archive's name, as release archives name it: {@code linux-x86_64}. */
  static String platform() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String osName = os.contains("linux") ? "linux" : os.contains("mac") ? "darwin" : os.contains("win") ? "windows"
        : os.replaceAll("[^a-z0-9]", "");
    String archName = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("aarch64")
        || arch.equals("arm64") ? "aarch64" : arch.replaceAll("[^a-z0-9_]", "");
    return osName + "-" + archName;
  }

  static Path build(Path jar, Path quickstart, Path outDir, String version, long epoch, String commit, Path jdk,
      Path license, Path notice) throws IOException, InterruptedException {
    String name = "apiserver-policy-" + version;
    Path work = outDir.resolve("work");
    deleteTree(work);
    Path home = work.resolve(name);
    Files.createDirectories(home.resolve("lib"));
    Files.createDirectories(home.resolve("bin"));

    String modules = run(List.of(tool(jdk, "jdeps"), "--print-module-deps", "--ignore-missing-deps",
        "--multi-release", "17", jar.toString())).strip();
    run(List.of(tool(jdk, "jlink"), "--add-modules", modules, "--strip-debug", "--no-header-files",
        "--no-man-pages", "--output", home.resolve("runtime").toString()));
    Files.copy(jar, home.resolve("lib/apiserver-policy.jar"));
    Files.copy(license, home.resolve("LICENSE"));
    Files.copy(notice, home.resolve("NOTICE"));
    // Class-data sharing records the jar's time and size: give it the archive's time first.
    setTimes(home, epoch);

    Path java = home.resolve("runtime/bin/java");
    // The man pages, made by the CLI from its own commands (the same source as docs/spec.md's reference).
    Path man = Files.createDirectories(home.resolve("share/man/man1"));
    run(List.of(java.toString(), "-cp", home.resolve("lib/apiserver-policy.jar").toString(),
        "dev.apiserverpolicy.cli.ManPages", man.toString(), version));
    setTimes(home, epoch);
    boolean cds = classDataSharing(java, home, quickstart, work);
    if (!cds) {
      System.out.println("apiserver-policy: WARNING: this JDK's -Xshare:dump does not write the same bytes twice "
          + "(JDK 17's does not), so the archive has no class-data-sharing archive and starts more slowly; "
          + "build it with JDK 25 (-Ddist.jdk=<its home>) to include one");
    }
    Path script = home.resolve("bin/apiserver-policy");
    Files.writeString(script, launcher(version, commit, cds), StandardCharsets.UTF_8);
    script.toFile().setExecutable(true, false);
    setTimes(home, epoch);

    Files.createDirectories(outDir);
    Path archive = outDir.resolve(name + "-" + platform() + ".tar.gz");
    Path temp = outDir.resolve(archive.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(temp)) {
      ReproducibleTarGz.write(work, name, epoch, out);
    }
    Files.move(temp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Files.writeString(outDir.resolve(archive.getFileName() + ".sha256"),
        sha256(archive) + "  " + archive.getFileName() + "\n", StandardCharsets.UTF_8);
    deleteTree(work);
    return archive;
  }

  /**
   * The CDS archive of the classes (and lambda proxies) a quick-start render loads, in
   * {@code lib/}. The list is made canonical: the runs use one thread (the common pool's
   * parallelism 0), and it keeps what every one of three runs recorded, by name, sorted, without
   * what a run records in no fixed way (ids, resolved constants). Kept only if a second dump
   * writes the same bytes.
   */
  private static boolean classDataSharing(Path java, Path home, Path quickstart, Path work)
      throws IOException, InterruptedException {
    Path list = work.resolve("classes.lst");
    Path appJar = home.resolve("lib/apiserver-policy.jar");
    java.util.TreeSet<String> classes = null;
    for (int i = 0; i < 3; i++) {
      run(List.of(java.toString(), "-XX:+UseSerialGC", "-Xshare:off",
          "-Djava.util.concurrent.ForkJoinPool.common.parallelism=0", "-XX:DumpLoadedClassList=" + list, "-jar",
          appJar.toString(), "render", quickstart.toString(), "--stdout"));
      java.util.TreeSet<String> loaded = new java.util.TreeSet<>();
      for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
        if (line.startsWith("#") || line.startsWith("@cp") || line.isBlank()) {
          continue;
        }
        loaded.add(line.startsWith("@") ? line : line.replaceAll(" id: [0-9]+$", ""));
      }
      if (classes == null) {
        classes = loaded;
      } else {
        classes.retainAll(loaded);
      }
    }
    // Classes first, then the lambda lines (which name classes listed before them).
    List<String> ordered = new ArrayList<>(classes.stream().filter(l -> !l.startsWith("@")).toList());
    ordered.addAll(classes.stream().filter(l -> l.startsWith("@")).toList());
    Files.write(list, ordered, StandardCharsets.UTF_8);
    Path first = work.resolve("first.jsa");
    Path second = work.resolve("second.jsa");
    for (Path jsa : List.of(first, second)) {
      // From the archive's folder, with the jar's relative path: the dump records the class path as
      // given, so an absolute one would put this machine's build folder into the archive's bytes.
      run(List.of(java.toString(), "-XX:+UseSerialGC", "-Xshare:dump", "-XX:SharedClassListFile=" + list,
          "-XX:SharedArchiveFile=" + jsa.toAbsolutePath(), "-cp", "lib/apiserver-policy.jar"), home);
    }
    if (Files.mismatch(first, second) != -1) {
      return false;
    }
    Files.move(first, home.resolve("lib/apiserver-policy.jsa"));
    return true;
  }

  /**
   * The launcher: the POSIX shell script {@code launcher.sh} beside this class (it needs
   * {@code readlink} only when started through a link), with the version and commit written in and,
   * without a class-data-sharing archive, the line that names it left out. It unsets CDPATH, which
   * would make {@code cd} print the folder into {@code $home}, and starts the JVM with the same
   * flags as the repository's launcher: quick start-up, small footprint.
   */
  static String launcher(String version, String commit, boolean cds) throws IOException {
    String script;
    try (InputStream in = DistributionBuilder.class.getResourceAsStream("launcher.sh")) {
      if (in == null) {
        throw new IOException("launcher.sh is not beside DistributionBuilder on the class path");
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!cds) {
      script = script.replace("  -XX:SharedArchiveFile=\"$home/lib/apiserver-policy.jsa\" \\\n", "");
      if (script.contains("apiserver-policy.jsa")) {
        throw new IOException("launcher.sh: the class-data-sharing line is not where it was expected");
      }
    }
    return script.replace("@VERSION@", version).replace("@COMMIT@", commit);
  }

  private static String tool(Path jdk, String name) {
    return jdk.resolve("bin").resolve(name).toString();
  }

  /** Runs a command; its output, or an exception with it when it fails. */
  static String run(List<String> command) throws IOException, InterruptedException {
    return run(command, null);
  }

  /** Runs a command in {@code dir} (null: this process's folder). */
  static String run(List<String> command, Path dir) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    Process p = pb.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = p.getInputStream()) {
      in.transferTo(out);
    }
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed:\n" + out.toString(StandardCharsets.UTF_8));
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void setTimes(Path root, long epoch) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        Files.setLastModifiedTime(p, FileTime.fromMillis(epoch * 1000));
      }
    }
  }

  static String sha256(Path file) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = Files.newInputStream(file)) {
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) > 0) {
          digest.update(buffer, 0, n);
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        p.toFile().setWritable(true);
        Files.delete(p);
      }
    }
  }
}
