package dev.apiserverpolicy.model.read;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared reference data that lies beside the project (CI has it there too). */
final class SharedData {
  private SharedData() {}

  static Path dir() {
    String configured = System.getProperty("shared.dir");
    Path dir = configured != null && !configured.isEmpty() ? Path.of(configured) : Path.of("..", "..", "shared");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("shared data not found at " + dir.toAbsolutePath()
          + "; it must lie beside the project checkout");
    }
    return dir;
  }

  static Path kkpFixtures() {
    return dir().resolve("reference").resolve("kkp-fixtures");
  }

  /** The project's root folder (the build passes it; tests run from a module folder otherwise). */
  static Path projectRoot() {
    String configured = System.getProperty("project.root");
    return configured != null && !configured.isEmpty() ? Path.of(configured) : Path.of("..");
  }

  static Path fixture(String name) {
    return dir().resolve("reference").resolve("kkp-fixtures").resolve(name);
  }
}
