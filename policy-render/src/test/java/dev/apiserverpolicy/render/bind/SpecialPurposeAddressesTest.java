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
import dev.apiserverpolicy.render.catalogue.CiliumFlavourTest;
import dev.apiserverpolicy.render.engine.ManifestRenderer;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 22, item 5: no special-purpose address becomes an allow rule, typed in or resolved. */
class SpecialPurposeAddressesTest {
  private static final String RESOLVED = """
      apiVersion: apiserver-policy.dev/v1alpha1
      kind: ResolvedHosts
      metadata: {name: resolved-hosts}
      spec:
        hosts:
        - {name: audit.example.com, addresses: ["203.0.113.41", "%s"]}
      """;

  private static List<String> clusterFindings(Rendering r, String cluster) {
    return r.clusters().stream().filter(c -> c.cluster().equals(cluster)).flatMap(c -> c.diagnostics().stream())
        .filter(d -> d.code() == DiagnosticCode.ADDRESS_SPECIAL_PURPOSE).map(Diagnostic::message).toList();
  }

  private static boolean rendered(Rendering r, String cluster) {
    return r.clusters().stream().filter(c -> c.cluster().equals(cluster)).allMatch(c -> !c.objects().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"169.254.169.254", "127.0.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::", "::1",
      "fe80::1", "ff02::1"})
  void aTypedInIssuerOrWebhookAddressThatIsSpecialStopsItsCluster(String address) {
    UnaryOperator<String> issuer = c -> c.replace("ips: [203.0.113.20]", "ips: [203.0.113.20, \"" + address + "\"]");
    Rendering r = CiliumFlavourTest.quickstart(issuer);
    List<String> found = clusterFindings(r, "dev-tools");
    assertEquals(1, found.size(), () -> r.allDiagnostics().toString());
    assertTrue(found.get(0).startsWith("OIDC issuer dex.example.com has address " + address
        + " is special-purpose: "), found.get(0));
    assertFalse(rendered(r, "dev-tools"), "no allow rule to it is rendered");
    UnaryOperator<String> webhook = c -> c.replace("ips: [203.0.113.30]", "ips: [\"" + address + "\"]");
    Rendering w = CiliumFlavourTest.quickstart(webhook);
    assertTrue(clusterFindings(w, "payments").get(0).startsWith("authorization webhook "
        + "https://authz.example.com:8443/authorize has address " + address), () -> clusterFindings(w, "payments")
        .toString());
    assertFalse(rendered(w, "payments"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.20", "172.16.5.5", "192.168.1.1", "fd00::20", "100.64.0.1"})
  void privateAddressesStayAllowed(String address) {
    Rendering r = CiliumFlavourTest.quickstart(c -> c.replace("ips: [203.0.113.20]", "ips: [\"" + address + "\"]"));
    assertEquals(List.of(), clusterFindings(r, "dev-tools"));
    assertTrue(rendered(r, "dev-tools"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"169.254.169.254", "127.0.0.53", "fe80::1"})
  void aResolvedHostsEntryThatIsSpecialIsAnErrorAtItsLineAndItsHostIsNeverAllowed(String address) {
    Inputs read = ManifestReader.create().read("resolved.yaml", String.format(RESOLVED, address));
    List<Diagnostic> errors = read.diagnostics().stream()
        .filter(d -> d.code() == DiagnosticCode.ADDRESS_SPECIAL_PURPOSE).toList();
    assertEquals(1, errors.size(), read.diagnostics()::toString);
    assertEquals("spec.hosts[0].addresses[1]", errors.get(0).path());
    assertEquals(6, errors.get(0).line());
    assertTrue(errors.get(0).message().startsWith("host audit.example.com has address " + address), errors.get(0)
        .message());
    assertTrue(read.resolvedHosts().stream().allMatch(h -> h.hosts().isEmpty()), "the entry is not kept");
  }

  @ParameterizedTest
  @ValueSource(strings = {"169.254.169.254", "0.0.0.0"})
  void anExtraEgressHostResolvedToASpecialAddressStopsTheCluster(String address) {
    UnaryOperator<String> host = c -> c.replace("    - ipBlock: {cidr: 203.0.113.40/32}\n",
        "    - ipBlock: {cidr: 203.0.113.40/32}\n    - host: audit.example.com\n");
    Inputs read = Inputs.builder().build();
    for (var f : new java.util.TreeMap<>(dev.apiserverpolicy.testing.ProjectFiles.quickstartFiles()).entrySet()) {
      String text = new String(f.getValue(), java.nio.charset.StandardCharsets.UTF_8);
      read = read.plus(ManifestReader.create().read(f.getKey(),
          f.getKey().equals("render-context.yaml") ? host.apply(text) : text));
    }
    // Built in code, past the reader's check: the validator is the next line.
    read = read.plus(Inputs.builder().addResolvedHosts(dev.apiserverpolicy.model.ResolvedHosts.builder()
        .name("r").putHosts("audit.example.com", List.of(dev.apiserverpolicy.model.Cidr.parseHost(address))).build())
        .build());
    Rendering r = ManifestRenderer.renderAll(read, RenderOptions.builder().build());
    assertTrue(clusterFindings(r, "payments").get(0).startsWith("extraEgress audit-sink-allow host audit.example.com "
        + "has address " + address), () -> r.allDiagnostics().toString());
    assertFalse(rendered(r, "payments"));
  }
}
