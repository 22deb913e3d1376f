package dev.apiserverpolicy.render;

import dev.apiserverpolicy.testing.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the real inputs tests run on: our own examples and the third-party data in {@code testdata/}. */
public final class TestInputs {
  private TestInputs() {}

  /** A third-party data folder under {@code testdata/} (see its README for origin and licence). */
  public static Path testdata(String folder) {
    return ProjectFiles.testdata(folder);
  }

  public static Path kkpFixture(String name) {
    return testdata("kkp-fixtures").resolve(name);
  }

  /** Every YAML file under {@code examples/quickstart}, sorted. */
  public static List<Path> quickstartFiles() {
    try (Stream<Path> files = Files.walk(ProjectFiles.quickstart())) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
