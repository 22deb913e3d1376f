package dev.apiserverpolicy.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.NetworkPolicyPort;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.Protocol;
import dev.apiserverpolicy.model.RenderContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** JSON, several documents, List kinds, and our own RenderContext with every field. */
class ReaderFormatsTest {
  private final ManifestReader reader = ManifestReader.create();

  @Test
  void jsonReadsLikeYaml() {
    String json = "{\n\t\"apiVersion\": \"kubermatic.k8c.io/v1\",\n\t\"kind\": \"Cluster\",\n"
        + "\t\"metadata\": {\"name\": \"prod-1\"},\n"
        + "\t\"spec\": {\"exposeStrategy\": \"LoadBalancer\", \"features\": {\"apiserverNetworkPolicy\": true},\n"
        + "\t  \"apiServerAllowedIPRanges\": {\"cidrBlocks\": []}},\n"
        + "\t\"status\": {\"address\": {\"port\": 30000}}\n}\n";
    Inputs r = reader.read("c.json", json);
    assertEquals(List.of(), r.diagnostics());
    assertEquals(Optional.of(List.of()), r.clusters().get(0).spec().apiServerAllowedIPRanges(),
        "present but empty is kept apart from absent");
    assertEquals(Optional.of(30000), r.clusters().get(0).statusPort());
  }

  @Test
  void jsonWrongTypeIsLocated() {
    Inputs r = reader.read("c.json", "{\"apiVersion\": \"kubermatic.k8c.io/v1\", \"kind\": \"Cluster\",\n"
        + " \"metadata\": {\"name\": \"p\"}, \"spec\": {\"features\": {\"apiserverNetworkPolicy\": 1}}}");
    assertEquals(1, r.diagnostics().size());
    assertEquals(DiagnosticCode.FIELD_TYPE, r.diagnostics().get(0).code());
    assertEquals(2, r.diagnostics().get(0).line());
    assertEquals(77, r.diagnostics().get(0).column());
  }

  @Test
  void severalDocumentsAndListKindsAreAllRead() {
    String text = String.join("\n",
        "apiVersion: kubermatic.k8c.io/v1",
        "kind: Seed",
        "metadata: {name: europe}",
        "spec: {datacenters: {dc-1: {}}}",
        "---",
        "apiVersion: v1",
        "kind: List",
        "items:",
        "- {apiVersion: kubermatic.k8c.io/v1, kind: Cluster, metadata: {name: a}}",
        "- {apiVersion: v1, kind: ConfigMap, metadata: {name: cm}}",
        "---",
        "apiVersion: kubermatic.k8c.io/v1",
        "kind: ClusterList",
        "items:",
        "- metadata: {name: b}",
        "- metadata: {name: c}",
        "");
    Inputs r = reader.read("in.yaml", text);
    assertEquals(List.of("a", "b", "c"), r.clusters().stream().map(c -> c.name()).toList());
    assertEquals(1, r.seeds().size());
    assertEquals(1, r.diagnostics().size(), r.diagnostics()::toString);
    assertEquals(DiagnosticCode.KIND_SKIPPED, r.diagnostics().get(0).code());
    assertEquals(10, r.diagnostics().get(0).line());
  }

  @Test
  void renderContextWithEveryFieldOfTheDesign() {
    String text = String.join("\n",
        "apiVersion: apiserver-policy.dev/v1alpha1",
        "kind: RenderContext",
        "metadata:",
        "  name: europe-west",
        "spec:",
        "  profile: least-privilege",
        "  seedAPIServerEndpoints: [10.0.0.10, \"fd00::10\"]",
        "  seedAPIServerPort: 6443",
        "  clusterDNS: {namespace: kube-system, podLabels: {k8s-app: kube-dns}}",
        "  ingressNamespace: nginx-ingress-controller",
        "  oidcIssuers:",
        "  - {url: \"https://dex.example.com/dex\", ips: [203.0.113.20]}",
        "  authorizationWebhooks:",
        "  - {cluster: prod-1, url: \"https://authz.example.com:8443/authorize\", ips: [203.0.113.30]}",
        "  clientNetworks:",
        "    userClusterWorkers: [172.16.0.0/16]",
        "    kkpMasterNodes: [198.51.100.0/28]",
        "    seedNodes: [10.0.0.0/24]",
        "    seedPods: [10.244.0.0/16]",
        "  cni: cilium",
        "  extraEgress:",
        "  - name: audit-sink-allow",
        "    description: Audit webhook backend outside the seed.",
        "    to: [{ipBlock: {cidr: 203.0.113.40/32}}, {namespaceSelector: {matchExpressions: [{key: team, "
            + "operator: In, values: [a]}]}}]",
        "    ports: [{protocol: TCP, port: 514}, {protocol: UDP, port: 1000, endPort: 1010}, {port: metrics}]",
        "");
    Inputs r = reader.read("ctx.yaml", text);
    assertEquals(List.of(), r.diagnostics());
    RenderContext c = r.contexts().get(0);
    assertEquals("europe-west", c.name());
    assertEquals(Optional.of(Profile.LEAST_PRIVILEGE), c.profile());
    assertEquals(Optional.of(List.of(Cidr.parse("10.0.0.10/32"), Cidr.parse("fd00::10/128"))),
        c.seedAPIServerEndpoints());
    assertEquals(Map.of("k8s-app", "kube-dns"), c.clusterDNS().orElseThrow().podLabels());
    assertEquals("https://authz.example.com:8443/authorize", c.authorizationWebhooks().get(0).url());
    assertEquals(List.of(Cidr.parse("10.244.0.0/16")), c.clientNetworks().seedPods());
    assertEquals(Optional.of("cilium"), c.cni());
    assertEquals(2, c.extraEgress().get(0).to().size());
    assertEquals(List.of(
        NetworkPolicyPort.builder().protocol(Protocol.TCP).port(514).build(),
        NetworkPolicyPort.builder().protocol(Protocol.UDP).port(1000).endPort(1010).build(),
        NetworkPolicyPort.builder().namedPort("metrics").build()), c.extraEgress().get(0).ports());
  }

  @Test
  void renderContextTyposAreErrorsWithASuggestion() {
    Inputs r = reader.read("ctx.yaml", "apiVersion: apiserver-policy.dev/v1alpha1\nkind: RenderContext\n"
        + "metadata: {name: s}\nspec:\n  seedAPIServerEndpionts: [10.0.0.1]\n");
    assertEquals(1, r.diagnostics().size());
    assertEquals(DiagnosticCode.FIELD_UNKNOWN, r.diagnostics().get(0).code());
    assertEquals("spec.seedAPIServerEndpionts", r.diagnostics().get(0).path());
    assertEquals("did you mean 'seedAPIServerEndpoints'?", r.diagnostics().get(0).hint());
    assertTrue(r.hasErrorsFor("RenderContext/s"));
  }

  @Test
  void peerWithBothIpBlockAndSelectorIsAnError() {
    Inputs r = reader.read("ctx.yaml", "apiVersion: apiserver-policy.dev/v1alpha1\nkind: RenderContext\n"
        + "metadata: {name: s}\nspec:\n  extraEgress:\n  - name: x\n    description: d\n"
        + "    to: [{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}]\n");
    assertEquals(1, r.diagnostics().size(), r.diagnostics()::toString);
    assertEquals(DiagnosticCode.FIELD_VALUE, r.diagnostics().get(0).code());
    assertEquals("spec.extraEgress[0].to[0]", r.diagnostics().get(0).path());
  }
}
