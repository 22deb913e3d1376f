package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.testing.ProjectFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Runs the command line in-process and captures what it prints. */
final class Cli {
  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /**
   * What the quick start renders under its own profiles: objects, and files with one
   * kustomization per cluster (five), one for its seed and one at the top. Adding a target or a
   * cluster changes these two numbers, here only.
   */
  static final int QUICKSTART_OBJECTS = 54;
  static final int QUICKSTART_FILES = QUICKSTART_OBJECTS + 5 + Cli.LEVEL_FILES;

  /**
   * The quick start's kustomizations above its clusters (its seed's, the top one): written only by
   * a run that may prune, so a run with errors into a new folder writes the others only.
   */
  static final int LEVEL_FILES = 2;

  private Cli() {}

  static Result run(String... args) {
    return run((ManifestFileWriter) null, args);
  }

  /** Runs with {@code writer} (if not null) replacing the render command's file writer. */
  static Result run(ManifestFileWriter writer, String... args) {
    return run(writer, HostLookup.SYSTEM, args);
  }

  /** Runs with {@code resolve} asking {@code lookup} instead of DNS. */
  static Result run(HostLookup lookup, String... args) {
    return run(null, lookup, args);
  }

  private static Result run(ManifestFileWriter writer, HostLookup lookup, String... args) {
    // Standard output as the real command has it: characters and ready-encoded bytes mixed.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    var cl = ApiserverPolicyCommand.commandLine(new Utf8Output(out), new PrintWriter(err, true), null, lookup);
    if (writer != null) {
      ((RenderCommand) cl.getSubcommands().get("render").getCommand()).writer = writer;
    }
    int exit = cl.execute(args);
    cl.getOut().flush();
    return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString());
  }

  /** Every regular file below {@code root} (relative path with '/', to content), sorted by path. */
  static java.util.Map<String, String> files(Path root) throws IOException {
    java.util.Map<String, String> files = new java.util.TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString().replace('\\', '/'), new String(Files.readAllBytes(p),
            StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  static Path quickstart() {
    return ProjectFiles.quickstart();
  }

  /** The {@code n}th (from 0) {@code ```mermaid} block of README.md, without its fences. */
  static String readmeMermaidBlock(int n) throws IOException {
    String readme = Files.readString(ProjectFiles.root().resolve("README.md"));
    int start = -1;
    for (int i = 0; i <= n; i++) {
      start = readme.indexOf("```mermaid\n", start + 1);
    }
    String block = readme.substring(start + "```mermaid\n".length());
    return block.substring(0, block.indexOf("```"));
  }

  /** A copy of the quickstart example that a test may change. */
  static Path copyQuickstart(Path into) throws IOException {
    Path target = into.resolve("quickstart");
    try (Stream<Path> files = Files.walk(quickstart())) {
      for (Path p : files.toList()) {
        Path dest = target.resolve(quickstart().relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
    return target;
  }
}
