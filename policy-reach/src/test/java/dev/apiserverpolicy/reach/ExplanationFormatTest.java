package dev.apiserverpolicy.reach;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.ApiserverPolicy;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.GoldenFiles;
import dev.apiserverpolicy.testing.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every explain format has a golden file of the quick start (under
 * {@code policy-reach/src/test/resources/golden/explain}) and is named in docs/spec.md: a format
 * added without either fails here ({@code -Dgolden.update=true} writes the golden file; read it).
 */
class ExplanationFormatTest {
  private static List<AccessExplanation> quickstart() {
    return ApiserverPolicy.create().render(ProjectFiles.quickstartFiles()).clusters().stream()
        .filter(m -> !m.failed()).map(AccessExplainer::explain).toList();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ExplanationFormat.class)
  void eachFormatWritesTheQuickstartAsItsGoldenFileSays(ExplanationFormat format) {
    GoldenFiles.assertMatches(ProjectFiles.root().resolve("policy-reach/src/test/resources/golden/explain"),
        "quickstart." + format, format.write(quickstart()));
  }

  @Test
  void theSpecNamesEveryFormat() throws IOException {
    String spec = Files.readString(ProjectFiles.root().resolve("docs/spec.md"), StandardCharsets.UTF_8);
    String formats = Arrays.stream(ExplanationFormat.values()).map(ExplanationFormat::toString)
        .collect(Collectors.joining("\\|"));
    assertTrue(spec.contains("[--format " + formats + "]"), "docs/spec.md's explain row names the formats "
        + formats.replace("\\|", ", "));
  }

  /** The explanation comes from the rendered cluster alone: its inputs and the profile it recorded. */
  @Test
  void anExplanationNamesTheProfileTheClusterWasRenderedWith() {
    ClusterManifests m = ApiserverPolicy.create().withProfile("least-privilege").render(ProjectFiles
        .quickstartFiles()).clusters().stream().filter(c -> !c.failed()).findFirst().orElseThrow();
    assertTrue(AccessExplainer.explain(m).profile().equals("least-privilege"));
  }
}
