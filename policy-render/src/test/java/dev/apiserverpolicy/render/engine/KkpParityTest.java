package dev.apiserverpolicy.render.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apiserverpolicy.model.AuthorizationWebhook;
import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ClusterNetwork;
import dev.apiserverpolicy.model.ClusterSpec;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.model.OidcIssuer;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.Seed;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.Scenarios;
import dev.apiserverpolicy.render.TestInputs;
import dev.apiserverpolicy.render.YamlTrees;
import dev.apiserverpolicy.render.yaml.YamlManifestWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rendering the inputs KKP's fixtures were made from gives what KKP gives: the Services of
 * {@code testdata/kkp-fixtures/} (cluster de-test-01, LoadBalancer) and the policies KKP's
 * source renders for it (docs/kkp.md section 1). KKP rendered its fixtures on first create, before
 * a NodePort was allocated,
 * so the equivalent input has no {@code status.address.port}.
 */
class KkpParityTest {
  private static final String DEX = "https://dex.example.com/dex";

  private static Cluster deTest01(String provider, boolean externalCloudProvider) {
    return Cluster.builder()
        .name("de-test-01")
        .spec(ClusterSpec.builder()
            .putFeatures("externalCloudProvider", externalCloudProvider)
            .putFeatures(ClusterSpec.APISERVER_NETWORK_POLICY, true)
            .exposeStrategy(ExposeStrategy.LOAD_BALANCER)
            .datacenter("dc-1")
            .cloudProvider(provider)
            .clusterNetwork(ClusterNetwork.builder().konnectivityEnabled(true).build())
            .build())
        .build();
  }

  /** A seed as KKP leaves it by default: no nodeport-proxy annotations or ranges of its own. */
  private static Seed seed() {
    return Seed.builder().name("europe-west").addDatacenters("dc-1").build();
  }

  private static RenderContext context() {
    return RenderContext.builder().name("europe-west")
        .seedAPIServerEndpoints(List.of(Cidr.parseHost("10.0.0.10"), Cidr.parseHost("fd00::10")))
        .addOidcIssuers(OidcIssuer.builder().url(DEX).addIps(Cidr.parseHost("10.10.45.0")).build())
        .addAuthorizationWebhooks(AuthorizationWebhook.builder().cluster("de-test-01")
            .url("https://authz.example.com/authorize").addIps(Cidr.parseHost("203.0.113.7")).build())
        .build();
  }

  private static List<Map<String, Object>> render(Cluster cluster) {
    ClusterManifests m = ManifestRenderer.render(cluster, seed(), context(), Scenarios.INSTALLATION);
    assertEquals(List.of(), m.diagnostics());
    return YamlTrees.parseAll(YamlManifestWriter.write(m.objects(), "parity"));
  }

  private static Map<String, Object> fixture(String file) throws IOException {
    return YamlTrees.parseAll(Files.readString(TestInputs.kkpFixture(file))).get(0);
  }

  @ParameterizedTest(name = "{0} {1}, externalCloudProvider={2}")
  @CsvSource({
      "aws, front-loadbalancer, false, service-aws-1.35.0-front-loadbalancer.yaml",
      "aws, front-loadbalancer, true, service-aws-1.35.0-front-loadbalancer-externalCloudProvider.yaml",
      "azure, front-loadbalancer, false, service-azure-1.35.0-front-loadbalancer.yaml",
      "azure, front-loadbalancer, true, service-azure-1.35.0-front-loadbalancer.yaml",
      "aws, apiserver-external, false, service-aws-1.35.0-apiserver-external.yaml",
      "aws, apiserver-external, true, service-aws-1.35.0-apiserver-external.yaml",
      "aws, konnectivity-server, false, service-aws-1.35.0-konnectivity-server.yaml",
      "azure, konnectivity-server, true, service-aws-1.35.0-konnectivity-server.yaml",
  })
  void servicesEqualKkpFixtures(String provider, String service, boolean ecp, String file) throws IOException {
    Map<String, Object> ours = YamlTrees.named(render(deTest01(provider, ecp)), service);
    Map<String, Object> kkp = fixture(file);
    for (String path : List.of("metadata.name", "metadata.namespace", "metadata.annotations", "spec.type",
        "spec.ports", "spec.selector", "spec.loadBalancerSourceRanges")) {
      assertEquals(YamlTrees.at(kkp, path), YamlTrees.at(ours, path), service + " " + path);
    }
  }

  /** docs/kkp.md section 1, hand-rendered from KKP's source for de-test-01 (rule B of OIDC needs seed LBs). */
  private static final String SECTION_1_4 = """
      metadata: {name: default-deny-all-egress, namespace: cluster-de-test-01}
      spec:
        podSelector: {matchLabels: {app: apiserver}}
        policyTypes: [Egress]
      ---
      metadata: {name: dns-allow, namespace: cluster-de-test-01}
      spec:
        podSelector: {matchLabels: {app: apiserver}}
        policyTypes: [Egress]
        egress:
        - ports:
          - {protocol: UDP, port: 53}
          - {protocol: TCP, port: 53}
      ---
      metadata: {name: etcd-allow, namespace: cluster-de-test-01}
      spec:
        podSelector: {matchLabels: {app: apiserver}}
        policyTypes: [Egress]
        egress:
        - to:
          - podSelector: {matchLabels: {app: etcd, cluster: de-test-01}}
      ---
      metadata: {name: machine-controller-webhook-allow, namespace: cluster-de-test-01}
      spec:
        podSelector: {matchLabels: {app: apiserver}}
        policyTypes: [Egress]
        egress: [{to: [{podSelector: {matchLabels: {app: machine-controller-webhook}}}]}]
      ---
      metadata: {name: usercluster-webhook-allow, namespace: cluster-de-test-01}
      spec:
        podSelector: {matchLabels: {app: apiserver}}
        policyTypes: [Egress]
        egress: [{to: [{podSelector: {matchLabels: {app: usercluster-webhook}}}]}]
      ---
      metadata: {name: operating-system-manager-webhook-allow, namespace: cluster-de-test-01}
      spec:
        podSelector: {matchLabels: {app: apiserver}}
        policyTypes: [Egress]
        egress: [{to: [{podSelector: {matchLabels: {app: operating-system-manager-webhook}}}]}]
      ---
      metadata: {name: kyverno-webhook-allow, namespace: cluster-de-test-01}
      spec:
        podSelector: {matchLabels: {app: apiserver}}
        policyTypes: [Egress]
        egress: [{to: [{podSelector: {matchLabels: {app.kubernetes.io/component: admission-controller}}}]}]
      ---
      metadata: {name: apiserver-internal-allow, namespace: cluster-de-test-01}
      spec:
        podSelector: {matchLabels: {app: apiserver}}
        policyTypes: [Egress]
        egress: [{to: [{podSelector: {matchLabels: {app: apiserver}}}]}]
      ---
      metadata: {name: seed-apiserver-allow, namespace: cluster-de-test-01}
      spec:
        podSelector: {matchLabels: {app: apiserver}}
        policyTypes: [Egress]
        egress:
        - to:
          - ipBlock: {cidr: 10.0.0.10/32}
          - ipBlock: {cidr: "fd00::10/128"}
      ---
      metadata: {name: oidc-issuer-allow, namespace: cluster-de-test-01}
      spec:
        podSelector: {matchLabels: {app: apiserver}}
        policyTypes: [Egress]
        egress:
        - to:
          - ipBlock: {cidr: 10.10.45.0/32}
        - to:
          - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: nginx-ingress-controller}}
        - to:
          - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: envoy-gateway-controller}}
      ---
      metadata: {name: authorization-webhook-allow, namespace: cluster-de-test-01}
      spec:
        podSelector: {matchLabels: {app: apiserver}}
        policyTypes: [Egress]
        egress:
        - to:
          - ipBlock: {cidr: 203.0.113.7/32}
          ports:
          - {protocol: TCP, port: 443}
      """;

  @Test
  void kkpV231PoliciesEqualReferenceSection14() {
    Cluster cluster = Cluster.builder().from(deTest01("aws", true))
        .spec(ClusterSpec.builder().from(deTest01("aws", true).spec())
            .oidcIssuerURL(DEX).authorizationWebhook(true).build())
        .build();
    List<Map<String, Object>> ours = render(cluster).stream().filter(d -> "NetworkPolicy".equals(d.get("kind")))
        .toList();
    List<Map<String, Object>> expected = YamlTrees.parseAll(SECTION_1_4);
    assertEquals(expected.size(), ours.size());
    for (Map<String, Object> want : expected) {
      String name = (String) YamlTrees.at(want, "metadata.name");
      Map<String, Object> got = YamlTrees.named(ours, name);
      assertEquals(YamlTrees.at(want, "metadata.namespace"), YamlTrees.at(got, "metadata.namespace"), name);
      // Under kkp-v2.31 every list is in KKP's order too (dns-allow: UDP, then TCP): equal as written.
      assertEquals(want.get("spec"), got.get("spec"), name);
    }
  }
}
