package dev.apiserverpolicy.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.Severity;
import dev.apiserverpolicy.read.ManifestReader;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.Rendering;
import dev.apiserverpolicy.render.engine.ManifestRenderer;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The benchmark inputs are valid, and the Helm-equivalent one renders the Helm chart's 12 objects per cluster. */
class ScaleInputTest {
  private static Rendering render(int n, boolean mixed) throws IOException {
    StringWriter text = new StringWriter();
    ScaleInput.write(text, n, mixed);
    Inputs read = ManifestReader.create().read("scale.yaml", text.toString());
    return ManifestRenderer.renderAll(read, RenderOptions.defaults());
  }

  @Test
  void helmEquivalentInputRendersTwelveObjectsPerCluster() throws IOException {
    Rendering r = render(300, false);
    assertEquals(300, r.clusters().size());
    assertFalse(r.hasErrors(), r.allDiagnostics()::toString);
    for (ClusterManifests c : r.clusters()) {
      assertEquals(12, c.objects().size(), c.cluster());
    }
  }

  @Test
  void mixedInputRendersEveryClusterWithoutErrors() throws IOException {
    Rendering r = render(600, true);
    assertEquals(600, r.clusters().size());
    assertFalse(r.allDiagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR),
        r.allDiagnostics()::toString);
  }
}
