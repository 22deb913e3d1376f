package dev.apiserverpolicy.render.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.IpBlock;
import dev.apiserverpolicy.model.NetworkPolicyPeer;
import dev.apiserverpolicy.model.manifest.NetworkPolicy;
import dev.apiserverpolicy.read.ManifestReader;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.Rendering;
import dev.apiserverpolicy.render.bind.ValidationErrorsTest;
import dev.apiserverpolicy.render.engine.ManifestRenderer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 23: what the context says about one cluster reaches that cluster's policies and no other's. */
class PerClusterFactsTest {
  private static final String WEBHOOK = """
      features: {apiserverNetworkPolicy: true}
      authorizationConfig:
        enabledModes: [Webhook]
        authorizationWebhookConfiguration: {secretName: s, secretKey: k}
      """;
  private static final String CONTEXT = """
      apiVersion: apiserver-policy.dev/v1alpha1
      kind: RenderContext
      metadata: {name: europe}
      spec:
        seedAPIServerEndpoints: [10.0.0.10]
        authorizationWebhooks:
        - {cluster: alpha, url: "https://alpha.example.com/authorize", ips: [203.0.113.1]}
        - {cluster: beta, url: "https://beta.example.com:9443/authorize", ips: [203.0.113.2, 203.0.113.3]}
      """;

  private static Rendering render() {
    String text = String.join("---\n", ValidationErrorsTest.SEED, CONTEXT,
        ValidationErrorsTest.cluster("alpha", WEBHOOK), ValidationErrorsTest.cluster("beta", WEBHOOK),
        ValidationErrorsTest.KKP);
    Inputs read = ManifestReader.create().read("in.yaml", text);
    return ManifestRenderer.renderAll(read, RenderOptions.defaults());
  }

  private static NetworkPolicy webhookPolicy(Rendering r, String cluster) {
    ClusterManifests c = r.clusters().stream().filter(m -> m.cluster().equals(cluster)).findFirst().orElseThrow();
    assertFalse(c.failed(), c.diagnostics()::toString);
    return c.objects().stream().filter(o -> o instanceof NetworkPolicy
        && o.metadata().name().equals("authorization-webhook-allow")).map(NetworkPolicy.class::cast)
        .findFirst().orElseThrow();
  }

  private static List<String> addresses(NetworkPolicy p) {
    return p.egress().get(0).peers().stream().map(NetworkPolicyPeer::ipBlock).flatMap(Optional::stream)
        .map(IpBlock::cidr).map(Object::toString).toList();
  }

  @Test
  void eachClusterGetsItsOwnWebhooksAddressesAndPort() {
    Rendering r = render();
    NetworkPolicy alpha = webhookPolicy(r, "alpha");
    NetworkPolicy beta = webhookPolicy(r, "beta");
    assertEquals(List.of("203.0.113.1/32"), addresses(alpha));
    assertEquals(443, alpha.egress().get(0).ports().get(0).port().orElseThrow());
    assertEquals(List.of("203.0.113.2/32", "203.0.113.3/32"), addresses(beta));
    assertEquals(9443, beta.egress().get(0).ports().get(0).port().orElseThrow());
  }
}
