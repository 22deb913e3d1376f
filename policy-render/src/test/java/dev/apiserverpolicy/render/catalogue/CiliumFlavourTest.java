package dev.apiserverpolicy.render.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.manifest.CiliumNetworkPolicy;
import dev.apiserverpolicy.model.manifest.KubernetesObject;
import dev.apiserverpolicy.model.manifest.NetworkPolicy;
import dev.apiserverpolicy.read.ManifestReader;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.Rendering;
import dev.apiserverpolicy.render.engine.CiliumSchemaTest;
import dev.apiserverpolicy.render.engine.ManifestRenderer;
import dev.apiserverpolicy.render.yaml.ManifestTrees;
import dev.apiserverpolicy.render.yaml.YamlManifestWriter;
import dev.apiserverpolicy.testing.ProjectFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The Cilium flavour on the quick start, its lints, and that off means byte for byte today's output. */
public class CiliumFlavourTest {
  private static final ManifestReader READER = ManifestReader.create();

  /** The quick start with its RenderContext changed by {@code edit}. */
  public static Rendering quickstart(UnaryOperator<String> edit) {
    return ManifestRenderer.renderAll(quickstartRead(edit), RenderOptions.builder().build());
  }

  /** The quick start as read, its RenderContext passed through {@code edit} first. */
  static Inputs quickstartRead(UnaryOperator<String> edit) {
    Inputs read = Inputs.builder().build();
    for (Map.Entry<String, byte[]> f : new TreeMap<>(ProjectFiles.quickstartFiles()).entrySet()) {
      String text = new String(f.getValue(), StandardCharsets.UTF_8);
      read = read.plus(READER.read(f.getKey(), f.getKey().equals("render-context.yaml") ? edit.apply(text) : text));
    }
    return read;
  }

  /** The quick start's context with the flavour on and no issuer, webhook or seed API address in it. */
  static String flavourOn(String context) {
    return context
        .replace("  cni: cilium\n", "  cni: cilium\n  cilium: {fqdnEgress: true, seedAPIServerEntity: true}\n")
        .replace("    ips: [203.0.113.20]\n", "").replace("    ips: [203.0.113.30]\n", "")
        .replace("  seedAPIServerEndpoints: [10.0.0.10, 10.0.0.11, 10.0.0.12]\n", "");
  }

  private static List<KubernetesObject> objects(Rendering r) {
    return r.clusters().stream().flatMap(c -> c.objects().stream()).toList();
  }

  private static CiliumNetworkPolicy cilium(Rendering r, String cluster, String name) {
    return r.clusters().stream().filter(c -> c.cluster().equals(cluster)).flatMap(c -> c.objects().stream())
        .filter(o -> o instanceof CiliumNetworkPolicy && o.metadata().name().equals(name))
        .map(CiliumNetworkPolicy.class::cast).findFirst().orElseThrow(() -> new AssertionError(cluster + "/" + name));
  }

  @Test
  void theQuickstartWithTheFlavourRendersSchemaValidPoliciesByNameAndEntity() {
    Rendering r = quickstart(CiliumFlavourTest::flavourOn);
    assertFalse(r.hasErrors(), r.allDiagnostics()::toString);
    CiliumNetworkPolicy oidc = cilium(r, "dev-tools", "oidc-issuer-allow");
    assertEquals(List.of("dex.example.com"), oidc.egress().get(0).toFqdnNames());
    assertEquals(443, oidc.egress().get(0).ports().get(0).port().orElseThrow());
    CiliumNetworkPolicy webhook = cilium(r, "payments", "authorization-webhook-allow");
    assertEquals(List.of("authz.example.com"), webhook.egress().get(0).toFqdnNames());
    assertEquals(8443, webhook.egress().get(0).ports().get(0).port().orElseThrow());
    assertTrue(cilium(r, "payments", "dns-allow").egress().get(0).dnsProxy());
    assertEquals(List.of("kube-apiserver"), cilium(r, "payments", "seed-apiserver-allow").egress().get(0).toEntities());
    ObjectMapper json = new ObjectMapper();
    List<CiliumNetworkPolicy> all = objects(r).stream().filter(CiliumNetworkPolicy.class::isInstance)
        .map(CiliumNetworkPolicy.class::cast).toList();
    assertEquals(10, all.size(), "dns-allow, seed-apiserver-allow for the 4 gated clusters; the issuer; the webhook");
    for (CiliumNetworkPolicy p : all) {
      assertEquals(List.of(), CiliumSchemaTest.errors(json.valueToTree(ManifestTrees.of(p))), p::ref);
    }
    // Nothing by address that the flavour reaches by name: no seed endpoint, issuer or webhook ipBlock.
    assertTrue(objects(r).stream().filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast)
        .noneMatch(p -> List.of("seed-apiserver-allow", "authorization-webhook-allow").contains(p.metadata().name())));
    String yaml = YamlManifestWriter.writeDocuments(objects(r));
    assertFalse(yaml.contains("203.0.113.20") || yaml.contains("203.0.113.30") || yaml.contains("10.0.0.10/32"));
  }

  @Test
  void theFlavourOffIsByteForByteTodaysOutput() {
    String today = YamlManifestWriter.writeDocuments(objects(quickstart(UnaryOperator.identity())));
    String off = YamlManifestWriter.writeDocuments(objects(quickstart(c -> c.replace("  cni: cilium\n",
        "  cni: cilium\n  cilium: {fqdnEgress: false, seedAPIServerEntity: false}\n"))));
    assertEquals(today, off);
  }

  @Test
  void anIpLiteralIssuerStaysAnIpBlock() {
    // The cluster and the context both name the issuer by address: it stays an ipBlock, with no Cilium policy.
    Rendering literal = quickstartWithIssuer("https://203.0.113.25/dex");
    assertFalse(literal.hasErrors(), literal.allDiagnostics()::toString);
    assertTrue(objects(literal).stream().filter(o -> o instanceof CiliumNetworkPolicy)
        .noneMatch(o -> o.metadata().name().equals("oidc-issuer-allow")));
    assertTrue(YamlManifestWriter.writeDocuments(objects(literal)).contains("cidr: 203.0.113.25/32"));
  }

  private static Rendering quickstartWithIssuer(String url) {
    Inputs read = Inputs.builder().build();
    for (Map.Entry<String, byte[]> f : new TreeMap<>(ProjectFiles.quickstartFiles()).entrySet()) {
      String text = new String(f.getValue(), StandardCharsets.UTF_8).replace("https://dex.example.com/dex", url);
      read = read.plus(READER.read(f.getKey(), f.getKey().equals("render-context.yaml") ? flavourOn(text) : text));
    }
    return ManifestRenderer.renderAll(read, RenderOptions.builder().build());
  }

  @Test
  void aWildcardHostNeedsTheFlavourAndItsSwitch() {
    String extra = "  - name: logs-allow\n    description: The log shippers' endpoints.\n"
        + "    to: [{host: '*.logs.example.com'}]\n    ports: [{protocol: TCP, port: 6514}]\n";
    Rendering refused = quickstart(c -> flavourOn(c) + extra);
    assertTrue(refused.allDiagnostics().stream().anyMatch(d -> d.code() == DiagnosticCode.FIELD_VALUE
        && d.message().contains("wildcard")), refused.allDiagnostics()::toString);
    Rendering allowed = quickstart(c -> flavourOn(c).replace("seedAPIServerEntity: true}",
        "seedAPIServerEntity: true, allowWildcardHosts: true}") + extra);
    assertFalse(allowed.hasErrors(), allowed.allDiagnostics()::toString);
    assertEquals(List.of("*.logs.example.com"), cilium(allowed, "payments", "logs-allow").egress().get(0)
        .toFqdnPatterns());
  }
}
