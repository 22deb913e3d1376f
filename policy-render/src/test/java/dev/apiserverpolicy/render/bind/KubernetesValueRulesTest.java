package dev.apiserverpolicy.render.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.read.ManifestReader;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.Rendering;
import dev.apiserverpolicy.render.engine.ManifestRenderer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every namespace, label and annotation key the input hands to a rendered object passes
 * Kubernetes' own rules (apimachinery's IsDNS1123Label, IsQualifiedName, IsValidLabelValue),
 * or the object that holds it is an error and nothing of its seed is rendered.
 */
class KubernetesValueRulesTest {
  private static final String SEED = ValidationErrorsTest.SEED;
  private static final String CONTEXT = ValidationErrorsTest.CONTEXT;
  private static final String CLUSTER = ValidationErrorsTest.cluster("c1", "features: {apiserverNetworkPolicy: true}");

  record Case(String name, String seed, String context, String object, String path) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> invalid() {
    return Stream.of(
        new Case("pod label key with a space", SEED, CONTEXT
            + "  clusterDNS: {namespace: kube-system, podLabels: {\"bad key!\": x}}\n",
            "RenderContext/europe", "spec.clusterDNS.podLabels[bad key!]"),
        new Case("pod label value with a space", SEED, CONTEXT
            + "  clusterDNS: {namespace: kube-system, podLabels: {k8s-app: \"kube dns\"}}\n",
            "RenderContext/europe", "spec.clusterDNS.podLabels.k8s-app"),
        new Case("label value of 64 characters", SEED, CONTEXT
            + "  clusterDNS: {namespace: kube-system, podLabels: {k8s-app: " + "a".repeat(64) + "}}\n",
            "RenderContext/europe", "spec.clusterDNS.podLabels.k8s-app"),
        new Case("cluster DNS namespace with capitals and spaces", SEED, CONTEXT
            + "  clusterDNS: {namespace: \"Not A Namespace\"}\n", "RenderContext/europe", "spec.clusterDNS.namespace"),
        new Case("ingress namespace with a dot", SEED, CONTEXT + "  ingressNamespace: ingress.nginx\n",
            "RenderContext/europe", "spec.ingressNamespace"),
        new Case("selector key with an empty prefix", SEED, CONTEXT
            + "  extraEgress:\n  - {name: a, description: d, to: [{podSelector: {matchLabels: {\"/app\": x}}}]}\n",
            "RenderContext/europe", "spec.extraEgress[0].to[0].podSelector.matchLabels[/app]"),
        new Case("expression value starting with a dash", SEED, CONTEXT
            + "  extraEgress:\n  - {name: a, description: d, to: [{namespaceSelector: {matchExpressions: "
            + "[{key: team, operator: In, values: [-x]}]}}]}\n",
            "RenderContext/europe", "spec.extraEgress[0].to[0].namespaceSelector.matchExpressions[0].values[0]"),
        new Case("seed annotation key with two slashes", SEED
            + "  nodeportProxy: {annotations: {\"a/b/c\": x}}\n", CONTEXT, "Seed/europe",
            "spec.nodeportProxy.annotations[a/b/c]"),
        new Case("load balancer annotation key with a space", SEED
            + "  nodeportProxy: {envoy: {loadBalancerService: {annotations: {\"my key\": x}}}}\n", CONTEXT,
            "Seed/europe", "spec.nodeportProxy.envoy.loadBalancerService.annotations[my key]"));
  }

  private static Rendering render(String seed, String context) {
    Inputs read = ManifestReader.create().read("in.yaml", String.join("---\n", seed, context, CLUSTER,
        ValidationErrorsTest.KKP));
    assertFalse(read.hasErrors(), () -> read.diagnostics().toString());
    return ManifestRenderer.renderAll(read, RenderOptions.defaults());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void aValueKubernetesWouldRefuseIsAnErrorAndNothingOfItsSeedIsRendered(Case c) {
    Rendering r = render(c.seed(), c.context());
    List<Diagnostic> found = r.diagnostics().stream().filter(d -> d.code() == DiagnosticCode.FIELD_VALUE).toList();
    assertEquals(1, found.size(), () -> r.allDiagnostics().toString());
    Diagnostic d = found.get(0);
    assertEquals(c.object(), d.object().orElse(""), d::describe);
    assertEquals(c.path(), d.path(), d::describe);
    assertTrue(d.line() > 1, d::describe);
    assertFalse(d.hint().isBlank());
    assertTrue(r.clusters().get(0).failed(), "the seed's cluster is not rendered");
    assertTrue(r.clusters().get(0).diagnostics().stream().anyMatch(x -> x.code() == DiagnosticCode.NOT_RENDERED));
  }

  @Test
  void nearMissesAreValid() {
    String context = CONTEXT
        + "  clusterDNS: {namespace: kube-system, podLabels: {k8s-app: kube-dns, \"app.kubernetes.io/name\": "
            + "CoreDNS_1.x,"
        + " empty: \"\"}}\n"
        + "  ingressNamespace: " + "n".repeat(63) + "\n"
        + "  extraEgress:\n  - {name: a, description: d, to: [{podSelector: {matchLabels: {\"example.com/Team_A\": "
        + "A-1.b_c}, matchExpressions: [{key: \"x.y/z\", operator: NotIn, values: [\"\", \"a\"]}]}}]}\n";
    String seed = SEED
        + "  nodeportProxy: {annotations: {\"Service.Beta.Kubernetes.IO/Whatever\": \"any value at all\"}}\n";
    Rendering r = render(seed, context);
    assertEquals(List.of(), r.allDiagnostics().stream()
        .filter(d -> d.severity() == dev.apiserverpolicy.model.Severity.ERROR)
        .toList());
  }
}
