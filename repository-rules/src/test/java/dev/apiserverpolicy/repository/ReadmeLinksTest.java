package dev.apiserverpolicy.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.testing.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The tables of policies, diagnostic codes and commands are stated once, in docs/spec.md
 * sections 4, 7 and 8; README links to them. A row of either copied into README (where it would go stale, as
 * copies did) fails here, as does a link to a section that is not there.
 */
class ReadmeLinksTest {
  private static final Pattern ROW_KEY = Pattern.compile("(?m)^\\| `([^`]+)`");
  private static final Pattern SPEC_LINK = Pattern.compile("\\(docs/spec\\.md#([\\w-]+)\\)");

  private static String read(String path) throws IOException {
    return Files.readString(ProjectFiles.root().resolve(path), StandardCharsets.UTF_8);
  }

  private static String section(String spec, String heading, String next) {
    return spec.substring(spec.indexOf("\n" + heading), spec.indexOf("\n" + next));
  }

  @Test
  void readmeCopiesNoRowOfTheSpecsCodeAndCommandTables() throws IOException {
    String spec = read("docs/spec.md");
    String readme = read("README.md");
    List<String> keys = new ArrayList<>();
    for (String part : List.of(section(spec, "## 4. Egress catalogue", "### 4.1 "),
        section(spec, "## 7. Diagnostics", "## 8. CLI"), section(spec, "## 8. CLI", "## 9. "))) {
      Matcher row = ROW_KEY.matcher(part);
      while (row.find()) {
        keys.add(row.group(1));
      }
    }
    assertTrue(keys.size() > 60, "rows found in docs/spec.md: " + keys.size());
    List<String> copied = new ArrayList<>();
    Matcher row = ROW_KEY.matcher(readme);
    while (row.find()) {
      if (keys.contains(row.group(1))) {
        copied.add(row.group(1));
      }
    }
    assertEquals(List.of(), copied, "rows of docs/spec.md's tables copied into README.md; link to them instead");
  }

  @Test
  void readmesLinksIntoTheSpecNameSectionsItHas() throws IOException {
    String spec = read("docs/spec.md");
    Matcher link = SPEC_LINK.matcher(read("README.md"));
    int links = 0;
    while (link.find()) {
      links++;
      String anchor = link.group(1);
      boolean heading = spec.lines().filter(l -> l.startsWith("#")).map(ReadmeLinksTest::anchor)
          .anyMatch(anchor::equals);
      assertTrue(heading, "README.md links to docs/spec.md#" + anchor + ", which has no such heading");
    }
    assertTrue(links >= 3, "README.md links to docs/spec.md's tables");
  }

  /** GitHub's anchor for a heading: lower case, punctuation but hyphens dropped, spaces as hyphens. */
  static String anchor(String heading) {
    return heading.replaceFirst("^#+\\s*", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\w\\- ]", "")
        .replace(' ', '-');
  }
}
