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

  /** A public type of a library module and the Javadoc comment before it ("" when there is none). */
  private record PublicType(String name, String javadoc) {}

  private static List<PublicType> publicTypes(List<String> modules) throws IOException {
    List<PublicType> types = new ArrayList<>();
    for (String module : modules) {
      for (Path file : ProjectFiles.mainSources(module)) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher m = TYPE.matcher(text);
        if (!m.find() || !(m.group(1).startsWith("public") || m.group(2).startsWith("Abstract"))) {
          continue;
        }
        String before = text.substring(0, m.start()).replaceAll("(?m)^@[^\\n]*\\n", "").stripTrailing();
        // Multi-line annotations (e.g. @Value.Style(...)) sit between the comment and the type.
        before = before.replaceAll("(?s)@\\w+(\\.\\w+)*\\([^@]*\\)\\s*$", "").stripTrailing();
        String javadoc = before.endsWith("*/") ? before.substring(before.lastIndexOf("/**")) : "";
        types.add(new PublicType(file.getFileName() + " " + m.group(2), javadoc));
      }
    }
    return types;
  }

  @Test
  void everyPublicTypeHasJavadoc() throws IOException {
    List<PublicType> types = publicTypes(ProjectFiles.LIBRARY_MODULES);
    assertEquals(List.of(), types.stream().filter(t -> t.javadoc().isEmpty()).map(PublicType::name).toList());
    assertTrue(types.size() > 40, "checked " + types.size() + " types");
  }

  /** Every public type, the fabric8 adapter's too, says since which version it is there (docs/api.md). */
  @Test
  void everyPublicTypeSaysSinceWhen() throws IOException {
    List<String> modules = new ArrayList<>(ProjectFiles.LIBRARY_MODULES);
    modules.add("policy-fabric8");
    List<PublicType> types = publicTypes(modules);
    String since = "(?s).*\\n \\* @since \\d+\\.\\d+\\.\\d+\\n.*";
    assertEquals(List.of(), types.stream().filter(t -> !t.javadoc().matches(since)).map(PublicType::name).toList(),
        "public types without '@since X.Y.Z'");
    assertTrue(types.size() > 40, "checked " + types.size() + " types");
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
