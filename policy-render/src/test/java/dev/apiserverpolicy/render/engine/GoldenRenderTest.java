package dev.apiserverpolicy.render.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.GoldenFiles;
import dev.apiserverpolicy.render.Scenarios;
import dev.apiserverpolicy.render.yaml.YamlManifestWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario's rendered YAML equals its golden file. Regenerate with
 * {@code mvn -B verify -Dgolden.update=true} and review the diff.
 */
class GoldenRenderTest {
  static Stream<Scenarios.Scenario> scenarios() {
    return Scenarios.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void rendersAsGolden(Scenarios.Scenario s) {
    ClusterManifests m = ManifestRenderer.render(s.inputs(), s.options());
    assertEquals(List.of(), m.diagnostics().stream()
        .filter(d -> d.severity() == dev.apiserverpolicy.model.Severity.ERROR).toList(), s.name());
    GoldenFiles.assertMatches(s.name(), YamlManifestWriter.write(m.objects(), "golden/" + s.name()));
  }

  @Test
  void noStaleGoldenFiles() throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      return;
    }
    Set<String> expected = Scenarios.all().stream().map(Scenarios.Scenario::name).collect(Collectors.toSet());
    try (Stream<Path> files = Files.walk(GoldenFiles.dir())) {
      Set<String> present = files.filter(Files::isRegularFile)
          .map(p -> GoldenFiles.dir().relativize(p).toString().replace('\\', '/'))
          .filter(n -> n.endsWith(".yaml"))
          .collect(Collectors.toSet());
      present.removeAll(expected);
      assertTrue(present.isEmpty(), "golden files without a scenario: " + present);
    }
    assertTrue(expected.size() >= 18 + 10, "scenarios: " + expected.size());
  }
}
