package dev.apiserverpolicy.render.engine;

import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.facts.ClusterFacts;

/**
 * For tests of other packages: the renderer reached past every validator, as a future defect
 * might reach it. Main code cannot: {@code ManifestRenderer.renderValidated} is package-private.
 */
public final class PastTheValidators {
  private PastTheValidators() {}

  public static ClusterManifests render(ClusterFacts facts, RenderOptions options,
      ClusterManifests.Builder result) {
    return ManifestRenderer.renderValidated(facts, options, result);
  }
}
