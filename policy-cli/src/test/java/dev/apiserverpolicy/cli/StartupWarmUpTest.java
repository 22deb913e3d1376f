package dev.apiserverpolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.read.ManifestReader;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.Rendering;
import dev.apiserverpolicy.render.engine.ManifestRenderer;
import org.junit.jupiter.api.Test;

/** The warm-up's built-in input must keep rendering fully, or it would quietly warm nothing. */
class StartupWarmUpTest {
  @Test
  void builtInInputRendersACompleteClusterWithoutErrors() {
    Rendering rendering = ManifestRenderer.renderAll(ManifestReader.create().read("warm-up", StartupWarmUp.INPUT),
        RenderOptions.defaults());
    assertFalse(rendering.hasErrors(), () -> rendering.allDiagnostics().toString());
    assertEquals(1, rendering.clusters().size());
    assertEquals(12, rendering.clusters().get(0).objects().size());
    assertTrue(StartupWarmUp.run() > 1000, "the warm-up writes the cluster's YAML");
  }
}
