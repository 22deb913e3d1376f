package dev.apiserverpolicy.read;

import dev.apiserverpolicy.testing.ProjectFiles;
import java.nio.file.Path;

/** The KKP fixtures the reader's tests read (testdata/kkp-fixtures). */
final class TestData {
  private TestData() {}

  static Path kkpFixtures() {
    return ProjectFiles.testdata("kkp-fixtures");
  }

  static Path fixture(String name) {
    return kkpFixtures().resolve(name);
  }
}
