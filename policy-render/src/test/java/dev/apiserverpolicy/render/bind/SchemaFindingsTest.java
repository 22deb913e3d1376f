package dev.apiserverpolicy.render.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.read.ManifestReader;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.Rendering;
import dev.apiserverpolicy.render.engine.ManifestRenderer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: which schema applies follows the profile. KKP v2.18.0's CRDs have no schema (they keep every
 * field), so under kkp-v2.18 what v2.31.0's schema refuses neither stops a cluster nor is reported.
 */
class SchemaFindingsTest {
  private static final String SEED = """
      apiVersion: kubermatic.k8c.io/v1
      kind: Seed
      metadata: {name: europe, namespace: kubermatic}
      spec:
        datacenters: {dc-1: {}}
        nodeportProxy: {envoy: {loadBalancerService: {sourceRanges: ["2001:db8::/32"]}}}
      """;
  private static final String CLUSTER = """
      apiVersion: kubermatic.k8c.io/v1
      kind: Cluster
      metadata: {name: c1}
      spec:
        cloud: {dc: dc-1}
        features: {apiserverNetworkPolicy: true}
        version: 1.30
        kubernetesDashbord: {enabled: false}
      status: {address: {port: 30443, externalName: c1.example.com}}
      """;

  private static String context(String profile) {
    return "apiVersion: apiserver-policy.dev/v1alpha1\nkind: RenderContext\nmetadata: {name: europe}\n"
        + "spec: {seedAPIServerEndpoints: [10.0.0.10]" + profile + "}\n";
  }

  private static Rendering render(String context, RenderOptions options) {
    Inputs read = ManifestReader.create().read("in.yaml", String.join("---\n", SEED, context, CLUSTER));
    return ManifestRenderer.renderAll(read, options);
  }

  private static List<String> schemaFindings(Rendering r) {
    return r.allDiagnostics().stream().filter(d -> d.kkpSchema().isPresent())
        .map(d -> d.severity() + " " + d.object().orElse("") + " " + d.path()).toList();
  }

  @Test
  void underAProfileReadingV231sSchemaWhatItRefusesStopsTheCluster() {
    Rendering r = render(context(""), RenderOptions.defaults());
    assertEquals(List.of("error Seed/europe spec.nodeportProxy.envoy.loadBalancerService.sourceRanges[0]",
        "error Cluster/c1 spec.version", "warning Cluster/c1 spec.kubernetesDashbord"), schemaFindings(r));
    ClusterManifests c1 = r.clusters().get(0);
    assertEquals(List.of(), c1.objects());
    assertTrue(c1.diagnostics().stream().anyMatch(d -> d.message().startsWith("not rendered")));
  }

  @Test
  void underKkpV218TheSameInputRendersWithNoFindingOfV231sSchema() {
    Rendering r = render(context(", profile: kkp-v2.18"), RenderOptions.defaults());
    assertEquals(List.of(), schemaFindings(r));
    assertFalse(r.clusters().get(0).objects().isEmpty());
    // The profile the options name wins over the context's, for the findings too.
    Rendering named = render(context(", profile: kkp-v2.18"),
        RenderOptions.builder().profile(Profile.KKP_V2_31).build());
    assertEquals(3, schemaFindings(named).size());
    Rendering overridden = render(context(""), RenderOptions.builder().profile(Profile.KKP_V2_18).build());
    assertEquals(List.of(), schemaFindings(overridden));
    assertFalse(overridden.clusters().get(0).objects().isEmpty());
  }

  @Test
  void anObjectNoClusterUsesIsJudgedUnderTheProfilesOfTheRun() {
    for (String profile : List.of("", ", profile: kkp-v2.18")) {
      Inputs read = ManifestReader.create().read("in.yaml", SEED + "---\n" + context(profile));
      List<String> found = schemaFindings(ManifestRenderer.renderAll(read, RenderOptions.defaults()));
      assertEquals(profile.isEmpty() ? 1 : 0, found.size(), profile + ": " + found);
    }
  }

  @Test
  void aProfileReportsTheFindingsOfItsOwnSchemaAndThoseOfNone() {
    Diagnostic plain = Diagnostic.builder().code(DiagnosticCode.FIELD_TYPE)
        .message("m").hint("h").build();
    Diagnostic v231 = Diagnostic.builder().from(plain).kkpSchema(Optional.of("v2.31.0")).build();
    assertTrue(Profile.KKP_V2_18.reports(plain));
    assertFalse(Profile.KKP_V2_18.reports(v231));
    assertTrue(Profile.LEAST_PRIVILEGE.reports(v231));
  }
}
