package dev.apiserverpolicy.render;

import static org.junit.jupiter.api.Assertions.fail;

import dev.apiserverpolicy.testing.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Golden files under {@code policy-render/src/test/resources/golden}: compared byte for
 * byte; {@code -Dgolden.update=true} rewrites them instead; a mismatch fails with a line
 * diff ({@code -} golden, {@code +} actual) and the command to accept it.
 */
public final class GoldenFiles {
  private GoldenFiles() {}

  public static Path dir() {
    return ProjectFiles.root().resolve("policy-render/src/test/resources/golden");
  }

  public static void assertMatches(String name, String actual) {
    assertMatches(dir(), name, actual);
  }

  /** The same, for golden files under {@code dir} (another module's). */
  public static void assertMatches(Path dir, String name, String actual) {
    Path file = dir.resolve(name);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(actual)) {
          Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        return;
      }
      if (!Files.exists(file)) {
        fail("golden file " + name + " does not exist; create it with: mvn -B verify -Dgolden.update=true");
      }
      String expected = Files.readString(file, StandardCharsets.UTF_8);
      if (!expected.equals(actual)) {
        fail("output differs from golden file " + name + " (- golden, + actual):\n" + diff(expected, actual)
            + "\nIf the change is intended: mvn -B verify -Dgolden.update=true, then review git diff.");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A unified-style diff of lines with two lines of context around each change. */
  public static String diff(String expected, String actual) {
    String[] a = expected.split("\n", -1);
    String[] b = actual.split("\n", -1);
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> lines = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        lines.add("  " + (i + 1) + "  " + a[i]);
        i++;
        j++;
      } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
        lines.add("- " + (i + 1) + "  " + a[i++]);
      } else {
        lines.add("+ " + (j + 1) + "  " + b[j++]);
      }
    }
    StringBuilder out = new StringBuilder();
    int lastShown = -1;
    for (int k = 0; k < lines.size(); k++) {
      boolean near = false;
      for (int d = -2; d <= 2; d++) {
        int n = k + d;
        if (n >= 0 && n < lines.size() && !lines.get(n).startsWith("  ")) {
          near = true;
        }
      }
      if (near) {
        if (lastShown >= 0 && k > lastShown + 1) {
          out.append("  ...\n");
        }
        out.append(lines.get(k)).append('\n');
        lastShown = k;
      }
    }
    return out.toString();
  }
}
