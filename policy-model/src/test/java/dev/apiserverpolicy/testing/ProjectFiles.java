package dev.apiserverpolicy.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The one place tests find the checkout: our examples, the documentation, every module's sources
 * and the third-party data in {@code testdata/}. Tests read nothing outside it.
 */
public final class ProjectFiles {
  /** The modules an embedding program uses: pure, documented, free of library types in their API. */
  public static final List<String> LIBRARY_MODULES =
      List.of("policy-model", "policy-read", "policy-render", "policy-reach");

  private ProjectFiles() {}

  /**
   * The checkout's root: the build passes it as {@code project.root}; a test run from a module
   * folder (an IDE) falls back to {@code ..}.
   */
  public static Path root() {
    String configured = System.getProperty("project.root");
    Path root = configured == null || configured.isEmpty() ? Path.of("..") : Path.of(configured);
    if (!Files.isDirectory(root.resolve("testdata"))) {
      throw new IllegalStateException("testdata/ not found under " + root.toAbsolutePath()
          + "; run the tests from the project root with mvn, or set -Dproject.root");
    }
    return root;
  }

  /** A third-party data folder under {@code testdata/} (its README names origin and licence). */
  public static Path testdata(String folder) {
    return root().resolve("testdata").resolve(folder);
  }

  /** Every Java file of {@code module}'s main sources, sorted. */
  public static List<Path> mainSources(String module) {
    return javaSources(module, "src/main/java");
  }

  /** The Java test sources of {@code module}, sorted. */
  public static List<Path> testSources(String module) {
    return javaSources(module, "src/test/java");
  }

  private static List<Path> javaSources(String module, String folder) {
    Path main = root().resolve(module).resolve(folder);
    if (!Files.isDirectory(main)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(main)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every YAML file of the quick start, by its path relative to the folder ('/' separators), sorted. */
  public static Map<String, byte[]> quickstartFiles() {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(quickstart())) {
      for (Path p : walk.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        files.put(quickstart().relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** The quick-start example's input folder. */
  public static Path quickstart() {
    return root().resolve("examples/quickstart");
  }
}
