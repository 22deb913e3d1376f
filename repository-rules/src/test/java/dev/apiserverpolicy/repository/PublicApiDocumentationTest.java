package dev.apiserverpolicy.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.testing.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The public API is documented and shows no library types: every public type of the
 * library modules (and every {@code Abstract*} definition behind a generated public type)
 * has a Javadoc comment, and no public signature names Jackson, SnakeYAML, ipaddress or picocli.
 */
class PublicApiDocumentationTest {
  private static final Pattern TYPE = Pattern.compile(
      "(?m)^((?:public )?(?:abstract |final |sealed |non-sealed )*(?:class|interface|enum|record) (\\w+))");
  private static final Pattern LIBRARY_IMPORT = Pattern.compile(
      "(?m)^import (com\\.fasterxml|org\\.snakeyaml|org\\.yaml|inet\\.ipaddr|picocli)\\.");

  @Test
  void everyPublicTypeHasJavadoc() throws IOException {
    List<String> undocumented = new ArrayList<>();
    int checked = 0;
    for (String module : ProjectFiles.LIBRARY_MODULES) {
      for (Path file : ProjectFiles.mainSources(module)) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher m = TYPE.matcher(text);
        if (!m.find()) {
          continue;
        }
        boolean api = m.group(1).startsWith("public") || m.group(2).startsWith("Abstract");
        if (!api) {
          continue;
        }
        checked++;
        String before = text.substring(0, m.start()).replaceAll("(?m)^@[^\\n]*\\n", "").stripTrailing();
        // Multi-line annotations (e.g. @Value.Style(...)) sit between the comment and the type.
        before = before.replaceAll("(?s)@\\w+(\\.\\w+)*\\([^@]*\\)\\s*$", "").stripTrailing();
        if (!before.endsWith("*/")) {
          undocumented.add(file.getFileName() + " " + m.group(2));
        }
      }
    }
    assertEquals(List.of(), undocumented);
    assertTrue(checked > 40, "checked " + checked + " types");
  }

  @Test
  void libraryTypesStayOutOfPublicClasses() throws IOException {
    List<String> leaks = new ArrayList<>();
    for (String module : ProjectFiles.LIBRARY_MODULES) {
      for (Path file : ProjectFiles.mainSources(module)) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher type = TYPE.matcher(text);
        boolean publicType = type.find()
            && (type.group(1).startsWith("public") || type.group(2).startsWith("Abstract"));
        if (publicType && LIBRARY_IMPORT.matcher(text).find()) {
          leaks.add(file.getFileName().toString());
        }
      }
    }
    assertEquals(List.of(), leaks, "public types that import library types");
  }
}
