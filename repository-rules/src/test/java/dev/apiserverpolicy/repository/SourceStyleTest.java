package dev.apiserverpolicy.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.testing.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one layout rule this project states instead of a formatter in the build: lines of at most
 * 120 characters, no tabs or trailing spaces, and imports as google-java-format orders them (all
 * static imports, then the others, each group in string order). Everything else follows the
 * code around it.
 */
class SourceStyleTest {
  static final int MAX_LINE = 120;

  private static List<Path> javaFiles() throws IOException {
    try (Stream<Path> files = Files.walk(ProjectFiles.root())) {
      return files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !ProjectFiles.root().relativize(p).toString().replace('\\', '/').matches("(.*/)?target/.*"))
          .sorted().toList();
    }
  }

  @Test
  void linesAreShortAndPlain() throws IOException {
    List<String> offenders = new ArrayList<>();
    List<Path> files = javaFiles();
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.length() > MAX_LINE || line.indexOf('\t') >= 0 || line.endsWith(" ")) {
          offenders.add(ProjectFiles.root().relativize(file) + ":" + (i + 1));
        }
      }
    }
    assertEquals(List.of(), offenders, "lines over " + MAX_LINE + " characters, with tabs or trailing spaces");
    assertTrue(files.size() > 150, "checked " + files.size() + " files");
  }

  @Test
  void importsAreInGoogleJavaFormatOrder() throws IOException {
    List<String> offenders = new ArrayList<>();
    for (Path file : javaFiles()) {
      List<String> imports = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .filter(l -> l.startsWith("import ")).toList();
      List<String> expected = new ArrayList<>();
      // By the imported name, so that a.B comes before a.B.C.
      Comparator<String> byName = Comparator.comparing(l -> l.substring(0, l.length() - 1));
      imports.stream().filter(l -> l.startsWith("import static ")).sorted(byName).forEach(expected::add);
      imports.stream().filter(l -> !l.startsWith("import static ")).sorted(byName).forEach(expected::add);
      if (!expected.equals(imports)) {
        offenders.add(ProjectFiles.root().relativize(file).toString());
      }
    }
    assertEquals(List.of(), offenders, "files whose imports are out of order");
  }
}
