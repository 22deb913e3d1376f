package dev.apiserverpolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run that dies in the middle of writing (a writer that leaves a half-written temp file
 * behind and throws after N files, as a killed process would) leaves every output file
 * either its old or its new content; a rerun completes and clears the leftovers.
 */
class CrashSafetyTest {
  @TempDir
  Path tmp;

  private static final class DyingWriter implements ManifestFileWriter {
    private final int after;
    private final java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();

    DyingWriter(int after) {
      this.after = after;
    }

    @Override
    public void write(Path target, byte[] content) throws IOException {
      if (written.getAndIncrement() == after) {
        Path temp = target.getParent().resolve(TEMP_PREFIX + "crash" + TEMP_SUFFIX);
        Files.write(temp, java.util.Arrays.copyOf(content, content.length / 2));
        throw new IOException("simulated crash while writing " + target.getFileName());
      }
      ATOMIC.write(target, content);
    }
  }

  private static Map<String, String> files(Path root) throws IOException {
    Map<String, String> files = new HashMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  @ParameterizedTest(name = "dies after {0} files")
  @ValueSource(ints = {0, 1, 7, 30, 54})
  void everyFileIsOldOrNewAndARerunCompletes(int after) throws IOException {
    Path input = Cli.copyQuickstart(tmp);
    Path out = tmp.resolve("out");
    // Old state: rendered with another profile, and every file then edited, so that every file changes.
    assertEquals(0, Cli.run("render", input.toString(), "--out", out.toString(),
        "--profile", "least-privilege").exit());
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        Files.writeString(p, Files.readString(p) + "# old\n");
      }
    }
    Map<String, String> old = files(out);
    Path fresh = tmp.resolve("fresh");
    assertEquals(0, Cli.run("render", input.toString(), "--out", fresh.toString()).exit());
    Map<String, String> wanted = files(fresh);

    int leastPrivilegeObjects = dev.apiserverpolicy.ApiserverPolicy.create()
        .withProfile(dev.apiserverpolicy.model.Profile.LEAST_PRIVILEGE)
        .render(dev.apiserverpolicy.testing.ProjectFiles.quickstartFiles()).objects().size();
    assertEquals(leastPrivilegeObjects + Cli.QUICKSTART_FILES - Cli.QUICKSTART_OBJECTS, old.size(),
        "one file per object the least-privilege profile renders, and each cluster's kustomization");
    assertTrue(old.keySet().stream().noneMatch(k -> old.get(k).equals(wanted.get(k))), "every file changes");
    Cli.Result crashed = Cli.run(new DyingWriter(after), "render", input.toString(), "--out", out.toString());
    assertEquals(3, crashed.exit(), crashed::toString);
    assertTrue(crashed.err().contains("simulated crash"), crashed::toString);
    for (Map.Entry<String, String> f : files(out).entrySet()) {
      if (f.getKey().contains(ManifestFileWriter.TEMP_PREFIX)) {
        continue;
      }
      boolean oldOrNew = f.getValue().equals(old.get(f.getKey())) || f.getValue().equals(wanted.get(f.getKey()));
      assertTrue(oldOrNew, f.getKey() + " is neither its old nor its new content");
    }

    Cli.Result rerun = Cli.run("render", input.toString(), "--out", out.toString());
    assertEquals(0, rerun.exit(), rerun::toString);
    assertEquals(wanted, files(out), "the rerun completes and removes the leftovers");
  }

  @Test
  void theRealWriterLeavesNoTempFileWhenTheTargetCannotBeReplaced() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("d"));
    Path target = Files.createDirectories(dir.resolve("a-folder.yaml"));
    Files.writeString(target.resolve("inside"), "x");
    // A non-empty folder cannot be replaced by a file: the write must fail, and say so.
    assertThrows(IOException.class,
        () -> ManifestFileWriter.ATOMIC.write(target, "new".getBytes(StandardCharsets.UTF_8)));
    assertEquals("x", Files.readString(target.resolve("inside")), "what was there is untouched");
    try (Stream<Path> list = Files.list(dir)) {
      assertEquals(1, list.count(), "no temp file left behind");
    }
  }
}
