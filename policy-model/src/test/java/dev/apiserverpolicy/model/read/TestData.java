package dev.apiserverpolicy.model.read;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the files tests read: the project's examples and the third-party data in {@code testdata/}. */
final class TestData {
  private TestData() {}

  /** The project's root folder (the build passes it; tests run from a module folder otherwise). */
  static Path projectRoot() {
    String configured = System.getProperty("project.root");
    Path root = configured != null && !configured.isEmpty() ? Path.of(configured) : Path.of("..");
    if (!Files.isDirectory(root.resolve("testdata"))) {
      throw new IllegalStateException("testdata/ not found under " + root.toAbsolutePath()
          + "; run the tests from the project root with mvn, or set -Dproject.root");
    }
    return root;
  }

  static Path kkpFixtures() {
    return projectRoot().resolve("testdata").resolve("kkp-fixtures");
  }

  static Path fixture(String name) {
    return kkpFixtures().resolve(name);
  }
}
