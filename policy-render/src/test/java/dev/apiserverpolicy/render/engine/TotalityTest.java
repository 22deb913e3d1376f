package dev.apiserverpolicy.render.engine;

import static dev.apiserverpolicy.model.Properties.qt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ClusterSpec;
import dev.apiserverpolicy.model.ClusterTemplate;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.Seed;
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.InputGenerators;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.Rendering;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * docs/spec.md section 10, invariant 7: any input either renders or yields diagnostics, never
 * an exception. Generated inputs are damaged at random (no context, no endpoints, bad
 * names, unknown issuers, missing external names, unscoped templates, foreign datacenters)
 * and rendered as new or existing clusters.
 */
class TotalityTest {
  private static Inputs damaged(ClusterInputs in, int damage) {
    Cluster cluster = in.cluster();
    Seed seed = in.seed();
    RenderContext context = in.context().orElseThrow();
    ClusterSpec.Builder spec = ClusterSpec.builder().from(cluster.spec());
    Inputs.Builder read = Inputs.builder();
    boolean withContext = true;
    boolean scopedTemplate = true;
    switch (damage) {
      case 0 -> withContext = false;
      case 1 -> context = RenderContext.builder().from(context).seedAPIServerEndpoints(List.of()).build();
      case 2 -> cluster = Cluster.builder().from(cluster).statusNamespace("kube-system").build();
      case 3 -> spec.oidcIssuerURL("https://unknown.example.com");
      case 4 -> context = RenderContext.builder().from(context).authorizationWebhooks(List.of()).build();
      case 5 -> cluster = Cluster.builder().from(cluster).statusExternalName(java.util.Optional.empty()).build();
      case 6 -> scopedTemplate = false;
      case 7 -> spec.datacenter("elsewhere");
      case 8 -> spec.apiServerAllowedIPRanges(List.of(Cidr.parse("10.0.0.0/8")));
      case 9 -> context = RenderContext.builder().from(context).clusterDNS(java.util.Optional.empty()).build();
      default -> { }
    }
    cluster = Cluster.builder().from(cluster).spec(spec.build()).build();
    read.addClusters(cluster)
        .addSeeds(Seed.builder().from(seed).defaultClusterTemplate("defaults").build())
        .addTemplates(ClusterTemplate.builder().name("defaults")
            .putLabels("scope", scopedTemplate ? "seed" : "project").build());
    if (withContext) {
      read.addContexts(context);
    }
    return read.build();
  }

  @Test
  void everyInputRendersOrSaysWhyNot() {
    qt(1000).forAll(InputGenerators.inputs(), Generate.range(0, 12), Generate.booleans())
        .checkAssert((in, damage, created) -> {
          Rendering r = ManifestRenderer.renderAll(damaged(in, damage),
              RenderOptions.builder().newClusters(created).build());
          assertEquals(1, r.clusters().size());
          ClusterManifests m = r.clusters().get(0);
          assertEquals(m.failed(), m.objects().isEmpty(), m.diagnostics()::toString);
          assertTrue(r.allDiagnostics().stream().noneMatch(d -> d.code() == DiagnosticCode.INTERNAL_ERROR),
              r.allDiagnostics()::toString);
          if (m.failed()) {
            assertTrue(m.diagnostics().stream().allMatch(d -> !d.message().isBlank() && !d.hint().isBlank()));
          }
        });
  }
}
