package dev.apiserverpolicy.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the real inputs tests run on: KKP's objects in shared data and our own examples. */
final class TestInputs {
  private TestInputs() {}

  static Path sharedDir() {
    return existing(System.getProperty("shared.dir", "../../shared"), "shared data (beside the checkout)");
  }

  static Path projectRoot() {
    return existing(System.getProperty("project.root", ".."), "project root");
  }

  static Path kkpFixture(String name) {
    return sharedDir().resolve("reference/kkp-fixtures").resolve(name);
  }

  /** Every YAML file under {@code examples/quickstart}, sorted. */
  static List<Path> quickstartFiles() {
    try (Stream<Path> files = Files.walk(projectRoot().resolve("examples/quickstart"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path existing(String path, String what) {
    Path p = Path.of(path);
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException(what + " not found at " + p.toAbsolutePath());
    }
    return p;
  }
}
