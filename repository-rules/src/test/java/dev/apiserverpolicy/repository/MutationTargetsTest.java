package dev.apiserverpolicy.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
 * What -Pmutation mutates exists: every class pattern a module names in pit.targetClasses
 * matches a main source of that module. (After the renderer's classes moved into packages of
 * their own, its patterns still named the old package: PIT would have found nothing to mutate.)
 */
class MutationTargetsTest {
  private static final Pattern TARGETS = Pattern.compile("<pit.targetClasses>([^<]+)</pit.targetClasses>");
  private static final List<String> MUTATED = List.of("policy-model", "policy-render", "policy-reach");

  private static List<String> patterns(String module) throws IOException {
    String pom = Files.readString(ProjectFiles.root().resolve(module).resolve("pom.xml"), StandardCharsets.UTF_8);
    Matcher m = TARGETS.matcher(pom);
    List<String> patterns = new ArrayList<>();
    while (m.find()) {
      for (String p : m.group(1).split(",")) {
        patterns.add(p.trim());
      }
    }
    return patterns;
  }

  /** The class a pattern like {@code a.b.C*} starts with, as a source file's name under src/main/java. */
  private static boolean matchesASource(String pattern, List<Path> sources, Path root) {
    String prefix = pattern.replaceAll("\\*$", "").replace('.', '/');
    return sources.stream().map(s -> root.relativize(s).toString().replace('\\', '/'))
        .anyMatch(s -> s.startsWith(prefix) && s.endsWith(".java"));
  }

  @Test
  void everyMutationTargetNamesAMainClassOfItsModule() throws IOException {
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (String module : MUTATED) {
      Path root = ProjectFiles.root().resolve(module).resolve("src/main/java");
      List<Path> sources = ProjectFiles.mainSources(module);
      for (String pattern : patterns(module)) {
        checked++;
        if (!matchesASource(pattern, sources, root)) {
          missing.add(module + ": " + pattern);
        }
      }
    }
    assertFalse(checked < MUTATED.size(), "each mutated module names its targets");
    assertEquals(List.of(), missing, "patterns that match no class");
  }
}
