package dev.apiserverpolicy.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.SeedApiEndpoints;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The seed's own objects (kubectl's EndpointSlices and Endpoints of default/kubernetes), the
 * ResolvedHosts file and extraEgress hosts, as the reader takes them.
 */
class SeedFactsReadTest {
  private final ManifestReader reader = ManifestReader.create();

  /** What kubectl prints on a dual-stack seed: a List, status fields and all. */
  private static final String KUBECTL_SLICES = """
      apiVersion: v1
      items:
      - addressType: IPv4
        apiVersion: discovery.k8s.io/v1
        endpoints:
        - addresses: [10.0.0.10]
          conditions: {ready: true, serving: true, terminating: false}
        - addresses: [10.0.0.11]
        - addresses: [10.0.0.12]
          conditions: {ready: false, serving: false, terminating: false}
        - addresses: [10.0.0.13]
          conditions: {ready: true, serving: true, terminating: true}
        kind: EndpointSlice
        metadata:
          creationTimestamp: "2026-11-02T09:14:31Z"
          generation: 57
          labels:
            endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io
            kubernetes.io/service-name: kubernetes
          name: kubernetes
          namespace: default
          resourceVersion: "48213377"
          uid: 6f0c3c2e-6f9e-4a7c-9d0e-3f3b1b9a2c11
        ports:
        - {name: https, port: 6443, protocol: TCP}
      - addressType: IPv6
        apiVersion: discovery.k8s.io/v1
        endpoints:
        - addresses: ["fd00::10"]
        kind: EndpointSlice
        metadata:
          labels: {kubernetes.io/service-name: kubernetes}
          name: kubernetes-v6
          namespace: default
        ports:
        - {name: https, port: 6443, protocol: TCP}
      kind: List
      metadata:
        resourceVersion: ""
      """;

  private static List<Diagnostic> ofCode(Inputs r, DiagnosticCode code) {
    return r.diagnostics().stream().filter(d -> d.code() == code).toList();
  }

  @Test
  void kubectlSlicesGiveTheReadyAddressesAndTheHttpsPort() {
    Inputs r = reader.read("slices.yaml", KUBECTL_SLICES);
    assertFalse(r.hasErrors(), r.diagnostics()::toString);
    assertEquals(2, r.seedApiEndpoints().size());
    SeedApiEndpoints v4 = r.seedApiEndpoints().get(0);
    assertEquals("EndpointSlice/default/kubernetes", v4.ref());
    assertEquals(List.of(Cidr.parseHost("10.0.0.10"), Cidr.parseHost("10.0.0.11")), v4.readyAddresses(),
        "unset conditions count as ready; not ready and terminating are not");
    assertEquals(List.of(Cidr.parseHost("10.0.0.10"), Cidr.parseHost("10.0.0.11"), Cidr.parseHost("10.0.0.12"),
        Cidr.parseHost("10.0.0.13")), v4.addresses(), "every address, in order, as KKP takes them");
    assertEquals(List.of(Cidr.parseHost("10.0.0.12"), Cidr.parseHost("10.0.0.13")), v4.notReadyAddresses());
    assertEquals(Optional.of(6443), v4.httpsPort());
    assertEquals(List.of(Cidr.parseHost("fd00::10")), r.seedApiEndpoints().get(1).addresses());
    List<Diagnostic> left = ofCode(r, DiagnosticCode.ENDPOINT_NOT_READY);
    assertEquals(2, left.size(), r.diagnostics()::toString);
    assertTrue(left.get(0).message().contains("10.0.0.12") && left.get(0).message().contains("not ready"));
    assertTrue(left.get(1).message().contains("10.0.0.13") && left.get(1).message().contains("terminating"));
    assertEquals("slices.yaml", left.get(0).file().orElse(""));
    assertEquals(9, left.get(0).line(), left.get(0)::describe);
  }

  @Test
  void endpointsGiveTheirAddressesAndLeaveOutTheNotReady() {
    Inputs r = reader.read("ep.yaml", """
        apiVersion: v1
        kind: Endpoints
        metadata: {name: kubernetes, namespace: default, uid: 1}
        subsets:
        - addresses: [{ip: 10.0.0.10}, {ip: 10.0.0.11}]
          notReadyAddresses: [{ip: 10.0.0.12}]
          ports: [{name: https, port: 443, protocol: TCP}]
        """);
    assertFalse(r.hasErrors(), r.diagnostics()::toString);
    SeedApiEndpoints e = r.seedApiEndpoints().get(0);
    assertEquals("Endpoints/default/kubernetes", e.ref());
    assertEquals(List.of(Cidr.parseHost("10.0.0.10"), Cidr.parseHost("10.0.0.11")), e.readyAddresses());
    assertEquals(List.of(Cidr.parseHost("10.0.0.12")), e.notReadyAddresses());
    assertEquals(Optional.of(443), e.httpsPort());
    assertEquals(1, ofCode(r, DiagnosticCode.ENDPOINT_NOT_READY).size());
  }

  /** Two EndpointSlices on different ports already conflict; two subsets of one Endpoints do too. */
  @Test
  void endpointsSubsetsOnDifferentPortsConflict() {
    Inputs r = reader.read("ep.yaml", """
        apiVersion: v1
        kind: Endpoints
        metadata: {name: kubernetes, namespace: default}
        subsets:
        - addresses: [{ip: 10.0.0.10}]
          ports: [{name: https, port: 6443, protocol: TCP}]
        - addresses: [{ip: 10.0.0.20}]
          ports: [{name: https, port: 443, protocol: TCP}]
        """);
    List<Diagnostic> conflicts = ofCode(r, DiagnosticCode.SEED_ENDPOINTS_CONFLICT);
    assertEquals(1, conflicts.size(), r.diagnostics()::toString);
    assertEquals(8, conflicts.get(0).line(), conflicts.get(0)::describe);
    assertTrue(conflicts.get(0).message().contains("[6443, 443]"), conflicts.get(0)::describe);
    assertTrue(r.hasErrorsFor("Endpoints/default/kubernetes"), r.diagnostics()::toString);
    assertEquals(List.of(), r.seedApiEndpoints(), "and gives the seed no endpoints to render on either port");
  }

  @Test
  void endpointsOfAnotherServiceAreSkippedWithANote() {
    Inputs r = reader.read("other.yaml", """
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        addressType: IPv4
        metadata: {name: dex-abc, namespace: dex, labels: {kubernetes.io/service-name: dex}}
        endpoints: [{addresses: [10.1.0.5]}]
        ---
        apiVersion: v1
        kind: Endpoints
        metadata: {name: kubernetes, namespace: kube-system}
        subsets: [{addresses: [{ip: 10.0.0.10}]}]
        """);
    assertEquals(List.of(), r.seedApiEndpoints());
    assertEquals(2, ofCode(r, DiagnosticCode.KIND_SKIPPED).size(), r.diagnostics()::toString);
    assertFalse(r.hasErrors());
  }

  @Test
  void anFqdnSliceOrABadAddressIsAnError() {
    Inputs fqdn = reader.read("fqdn.yaml", """
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        addressType: FQDN
        metadata: {name: kubernetes, namespace: default, labels: {kubernetes.io/service-name: kubernetes}}
        endpoints: [{addresses: [api.seed.example.com]}]
        """);
    assertEquals(List.of(), fqdn.seedApiEndpoints());
    assertEquals(DiagnosticCode.FIELD_VALUE, fqdn.diagnostics().get(0).code(), fqdn.diagnostics()::toString);
    assertTrue(fqdn.hasErrorsFor("EndpointSlice/default/kubernetes"));
    Inputs bad = reader.read("bad.yaml", """
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        addressType: IPv4
        metadata: {name: kubernetes, namespace: default, labels: {kubernetes.io/service-name: kubernetes}}
        endpoints: [{addresses: [10.0.0.0/8]}]
        """);
    assertTrue(bad.hasErrorsFor("EndpointSlice/default/kubernetes"), bad.diagnostics()::toString);
  }

  @Test
  void resolvedHostsReadBackAsWritten() {
    Inputs r = reader.read("resolved-hosts.yaml", """
        apiVersion: apiserver-policy.dev/v1alpha1
        kind: ResolvedHosts
        metadata: {name: resolved-hosts}
        spec:
          hosts:
          - addresses: ["203.0.113.20", "2001:db8::20"]
            name: dex.example.com
        """);
    assertFalse(r.hasErrors(), r.diagnostics()::toString);
    assertEquals(Map.of("dex.example.com", List.of(Cidr.parseHost("203.0.113.20"), Cidr.parseHost("2001:db8::20"))),
        r.resolvedHosts().get(0).hosts());
  }

  @Test
  void aResolvedHostsFileWithAnEmptyListATwiceListedHostOrAStrayFieldIsAnError() {
    for (String hosts : List.of("- {name: dex.example.com, addresses: []}",
        "- {name: dex.example.com, addresses: [10.0.0.1]}\n  - {name: dex.example.com, addresses: [10.0.0.2]}",
        "- {name: Dex.Example.com, addresses: [10.0.0.1]}",
        "- {name: dex.example.com, addresses: [10.0.0.1], ttl: 30}",
        "- {name: 'a;$(reboot).example.com', addresses: [10.0.0.1]}",
        "- {name: \"b\\e[31m.example.com\", addresses: [10.0.0.1]}")) {
      Inputs r = reader.read("resolved-hosts.yaml", "apiVersion: apiserver-policy.dev/v1alpha1\n"
          + "kind: ResolvedHosts\nmetadata: {name: resolved-hosts}\nspec:\n  hosts:\n  " + hosts + "\n");
      assertTrue(r.hasErrorsFor("ResolvedHosts/resolved-hosts"), () -> hosts + ": " + r.diagnostics());
    }
  }

  /** The file a RenderContext names for its seed's endpoints stays beside or below it. */
  @Test
  void seedApiServerEndpointsFromCannotLeaveTheContextsFolder() {
    for (String from : List.of("../../etc/passwd", "/etc/passwd", "endpoints/../../x.yaml")) {
      Inputs r = reader.read("c.yaml", "apiVersion: apiserver-policy.dev/v1alpha1\nkind: RenderContext\n"
          + "metadata: {name: s}\nspec: {seedAPIServerEndpointsFrom: '" + from + "'}\n");
      assertTrue(r.hasErrorsFor("RenderContext/s"), () -> from + ": " + r.diagnostics());
      assertEquals(Optional.empty(), r.contexts().get(0).seedAPIServerEndpointsFrom());
    }
  }

  /** 50,000 copies of one endpoint read in bounded time and count once. */
  @Test
  @org.junit.jupiter.api.Timeout(60)
  void fiftyThousandCopiesOfOneEndpoint() {
    StringBuilder slice = new StringBuilder("apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\naddressType: IPv4\n"
        + "metadata: {name: kubernetes, namespace: default, labels: {kubernetes.io/service-name: kubernetes}}\n"
        + "endpoints:\n");
    for (int i = 0; i < 50_000; i++) {
      slice.append("- addresses: [10.0.0.10]\n");
    }
    Inputs r = reader.read("big.yaml", slice.toString());
    assertFalse(r.hasErrors(), () -> r.diagnostics().subList(0, Math.min(3, r.diagnostics().size())).toString());
    assertEquals(50_000, r.seedApiEndpoints().get(0).addresses().size());
    assertEquals(1, new java.util.HashSet<>(r.seedApiEndpoints().get(0).addresses()).size());
  }

  @Test
  void anExtraEgressHostIsReadAndAnAddressOrWildcardIsRefused() {
    String head = "apiVersion: apiserver-policy.dev/v1alpha1\nkind: RenderContext\nmetadata: {name: s}\nspec:\n"
        + "  extraEgress:\n  - name: audit\n    description: d\n    to: ";
    Inputs ok = reader.read("c.yaml", head + "[{host: audit.example.com}, {ipBlock: {cidr: 10.0.0.0/8}}]\n");
    assertFalse(ok.hasErrors(), ok.diagnostics()::toString);
    assertEquals(List.of("audit.example.com"), ok.contexts().get(0).extraEgress().get(0).hosts());
    assertEquals(1, ok.contexts().get(0).extraEgress().get(0).to().size());
    for (String peer : List.of("{host: 10.0.0.1}", "{host: '*.example.com'}", "{host: localhost}",
        "{host: a.example.com, ipBlock: {cidr: 10.0.0.0/8}}")) {
      Inputs r = reader.read("c.yaml", head + "[" + peer + "]\n");
      assertTrue(r.hasErrorsFor("RenderContext/s"), () -> peer + ": " + r.diagnostics());
    }
  }
}
