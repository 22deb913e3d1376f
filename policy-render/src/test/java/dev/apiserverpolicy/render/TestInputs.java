package dev.apiserverpolicy.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the real inputs tests run on: our own examples and the third-party data in {@code testdata/}. */
public final class TestInputs {
  private TestInputs() {}

  /** The checkout's root: the build passes it; a test run from the module folder falls back to {@code ..}. */
  public static Path projectRoot() {
    Path root = Path.of(System.getProperty("project.root", ".."));
    if (!Files.isDirectory(root.resolve("testdata"))) {
      throw new IllegalStateException("testdata/ not found under " + root.toAbsolutePath()
          + "; run the tests from the project root with mvn, or set -Dproject.root");
    }
    return root;
  }

  /** A third-party data folder under {@code testdata/} (see its README for origin and licence). */
  public static Path testdata(String folder) {
    return projectRoot().resolve("testdata").resolve(folder);
  }

  static Path kkpFixture(String name) {
    return testdata("kkp-fixtures").resolve(name);
  }

  /** Every YAML file under {@code examples/quickstart}, sorted. */
  static List<Path> quickstartFiles() {
    try (Stream<Path> files = Files.walk(projectRoot().resolve("examples/quickstart"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
