package dev.apiserverpolicy.render.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.Severity;
import dev.apiserverpolicy.read.ManifestReader;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.Rendering;
import dev.apiserverpolicy.render.YamlTrees;
import dev.apiserverpolicy.render.yaml.YamlManifestWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What KKP v2.31 renders, item by item, each expectation citing the KKP source it comes from
 * (kubermatic/kubermatic at v2.31.0; docs/kkp.md). Inputs go through the reader, binding,
 * validation and rendering, as the CLI's do.
 */
class KkpFidelityTest {
  private static final String SEED = """
      apiVersion: kubermatic.k8c.io/v1
      kind: Seed
      metadata: {name: europe, namespace: kubermatic}
      spec:
        datacenters: {dc-1: {}}
      """;
  private static final String CONTEXT = """
      apiVersion: apiserver-policy.dev/v1alpha1
      kind: RenderContext
      metadata: {name: europe}
      spec:
        seedAPIServerEndpoints: [10.0.0.10]
      """;
  private static final String KKP = """
      apiVersion: kubermatic.k8c.io/v1
      kind: KubermaticConfiguration
      metadata: {name: kubermatic}
      """;

  private static String cluster(String spec) {
    return "apiVersion: kubermatic.k8c.io/v1\nkind: Cluster\nmetadata: {name: c1}\nspec:\n  cloud: {dc: dc-1}\n"
        + "  features: {apiserverNetworkPolicy: true}\n" + spec.indent(2)
        + "status: {address: {port: 30443, externalName: c1.example.com}}\n";
  }

  private static Rendering render(String... documents) {
    Inputs read = ManifestReader.create().read("in.yaml", String.join("---\n", documents));
    assertFalse(read.hasErrors(), () -> read.diagnostics().toString());
    return ManifestRenderer.renderAll(read, RenderOptions.defaults());
  }

  private static List<Map<String, Object>> objects(Rendering r) {
    assertEquals(List.of(), r.allDiagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList());
    return YamlTrees.parseAll(YamlManifestWriter.write(r.clusters().get(0).objects(), "t"));
  }

  private static Object at(Rendering r, String object, String path) {
    return YamlTrees.at(YamlTrees.named(objects(r), object), path);
  }

  private static List<String> names(Rendering r) {
    return objects(r).stream().map(o -> (String) YamlTrees.at(o, "metadata.name")).toList();
  }

  private static List<Object> ipBlocks(Object rule) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> to = (List<Map<String, Object>>) ((Map<String, Object>) rule).get("to");
    return to.stream().map(p -> YamlTrees.at(p, "ipBlock.cidr")).collect(Collectors.toList());
  }

  @SuppressWarnings("unchecked")
  private static List<Object> yamlList(String yaml) {
    return (List<Object>) new org.snakeyaml.engine.v2.api.Load(org.snakeyaml.engine.v2.api.LoadSettings.builder()
        .build()).loadFromString(yaml);
  }

  private static Object firstRule(Rendering r, String policy) {
    return ((List<?>) at(r, policy, "spec.egress")).get(0);
  }

  /**
   * oidcIssuerDestinations (pkg/controller/seed-controller-manager/kubernetes/resources.go ~912-926): every
   * jwt[].issuer.url of the AuthenticationConfiguration comes first, spec.oidc.issuerURL is then not used;
   * hosts are lower-cased and trimmed of a trailing dot (~1112, ~1649-1651); an IP literal is the address
   * (hostnameToIPList, ~1627-1630).
   */
  @Test
  void theAuthenticationConfigurationsIssuersComeFirstWithHostsAsKkpMatchesThem() {
    String context = CONTEXT + """
          authenticationConfigurations:
          - secret: {namespace: cluster-c1, name: authn, key: config.yaml}
            issuers: ["https://login.example.org/realms/a", "https://10.1.2.3/realms/b"]
          oidcIssuers:
          - {url: "https://LOGIN.example.org./", ips: [203.0.113.51, 203.0.113.50]}
          - {url: "https://dex.example.com/dex", ips: [203.0.113.20]}
        """;
    Rendering r = render(SEED, context, KKP, cluster("""
        authenticationConfiguration: {secretName: authn, secretKey: config.yaml}
        oidc: {issuerURL: "https://dex.example.com/dex"}
        """));
    assertEquals(List.of("10.1.2.3/32", "203.0.113.50/32", "203.0.113.51/32"),
        ipBlocks(firstRule(r, "oidc-issuer-allow")), "in KKP's order: the issuers by host (line 1591), then each "
            + "one's addresses sorted (line 1642)");
  }

  /**
   * resolveAuthenticationConfigurationYAML (resources.go line 1747): the cluster's, else the
   * datacenter's, else the seed's.
   */
  @Test
  void theDatacenterThenTheSeedNameTheSecretWhenTheClusterDoesNot() {
    String seed = SEED.replace("datacenters: {dc-1: {}}", """
        datacenters:
            dc-1: {spec: {authenticationConfiguration: {secretName: dc-authn, secretKey: config}}}
          authenticationConfiguration: {secretName: seed-authn, secretKey: config}""");
    String context = CONTEXT + """
          authenticationConfigurations:
          - secret: {namespace: kubermatic, name: dc-authn, key: config}
            issuers: ["https://10.9.9.1/dc"]
          - secret: {namespace: kubermatic, name: seed-authn, key: config}
            issuers: ["https://10.9.9.2/seed"]
        """;
    assertEquals(List.of("10.9.9.1/32"), ipBlocks(firstRule(render(seed, context, KKP, cluster("")),
        "oidc-issuer-allow")));
    String seedOnly = SEED.replace("datacenters: {dc-1: {}}", """
        datacenters: {dc-1: {}}
          authenticationConfiguration: {secretName: seed-authn, secretKey: config}""");
    assertEquals(List.of("10.9.9.2/32"),
        ipBlocks(firstRule(render(seedOnly, context, KKP, cluster("")), "oidc-issuer-allow")));
    // A Secret nobody declared is an error that says what to add, never a policy left out.
    Rendering unknown = render(seedOnly, CONTEXT, KKP, cluster(""));
    Diagnostic d = unknown.clusters().get(0).diagnostics().get(0);
    assertEquals(DiagnosticCode.AUTHENTICATION_ISSUERS_UNKNOWN, d.code());
    assertTrue(d.hint().contains("{secret: {namespace: kubermatic, name: seed-authn, key: config}"), d::describe);
  }

  /**
   * KKP's own issuer when the seed-controller-manager runs with OpenIDAuthPlugin (resources.go ~929-931); the
   * KKP operator passes it the seed's oidcProviderConfiguration.issuerURL, else the KubermaticConfiguration's
   * spec.auth.tokenIssuer (pkg/controller/operator/seed/resources/kubermatic, the seed-controller-manager's args).
   */
  @Test
  void kkpsOwnIssuerUnderTheOpenIdAuthPluginGate() {
    String kkp = KKP
        + "spec: {featureGates: {OpenIDAuthPlugin: true}, auth: {tokenIssuer: \"https://10.7.7.7/dex\"}}\n";
    assertEquals(List.of("10.7.7.7/32"), ipBlocks(firstRule(render(SEED, CONTEXT, kkp, cluster("")),
        "oidc-issuer-allow")));
    String seedIssuer = SEED + "  oidcProviderConfiguration: {issuerURL: \"https://10.8.8.8/dex\"}\n";
    assertEquals(List.of("10.8.8.8/32"), ipBlocks(firstRule(render(seedIssuer, CONTEXT, kkp, cluster("")),
        "oidc-issuer-allow")));
    String off = KKP
        + "spec: {featureGates: {OpenIDAuthPlugin: false}, auth: {tokenIssuer: \"https://10.7.7.7/dex\"}}\n";
    assertFalse(names(render(SEED, CONTEXT, off, cluster(""))).contains("oidc-issuer-allow"));
  }

  /**
   * Rule B (PR #16014; the expectation of pkg/resources/apiserver/networkpolicy_test.go): the issuer's
   * address, the pods behind the seed LoadBalancer that fronts it, the ingress and envoy-gateway namespaces.
   */
  @Test
  void theOidcPolicyIsKkpsFourRules() {
    String context = CONTEXT + """
          oidcIssuers:
          - url: "https://dex.example.com/dex"
            ips: [10.10.45.0]
            loadBalancerBackends: [{namespace: tenant-a, podLabels: {app.kubernetes.io/name: tenant-a}}]
        """;
    Rendering r = render(SEED, context, KKP, cluster("oidc: {issuerURL: \"https://dex.example.com/dex\"}"));
    List<Object> expected = yamlList("""
        - to:
          - ipBlock: {cidr: 10.10.45.0/32}
        - to:
          - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: tenant-a}}
            podSelector: {matchLabels: {app.kubernetes.io/name: tenant-a}}
        - to:
          - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: nginx-ingress-controller}}
        - to:
          - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: envoy-gateway-controller}}
        """);
    assertEquals(expected, at(r, "oidc-issuer-allow", "spec.egress"));
  }

  /**
   * ipListToPeers (pkg/resources/apiserver/networkpolicy.go) writes an address with To4() != nil as IPv4 /32, but
   * other readers keep {@code ::ffff:a00:a} as IPv6: an IPv4-mapped seed endpoint is refused, with its IPv4 form.
   */
  @Test
  void anIpv4MappedSeedEndpointIsRefusedWithItsIpv4Form() {
    String context = CONTEXT.replace("[10.0.0.10]", "[\"::ffff:10.0.0.12\", 10.0.0.11, \"::ffff:a00:a\"]");
    Inputs read = ManifestReader.create().read("in.yaml", String.join("---\n", SEED, context, KKP, cluster("")));
    Rendering r = ManifestRenderer.renderAll(read, RenderOptions.defaults());
    List<String> hints = r.allDiagnostics().stream().filter(d -> d.code() == DiagnosticCode.CIDR_INVALID)
        .map(d -> d.path() + ": " + d.hint()).toList();
    assertEquals(List.of("spec.seedAPIServerEndpoints[0]: write the IPv4 form: 10.0.0.12 (with a prefix 96 shorter)",
        "spec.seedAPIServerEndpoints[2]: write the IPv4 form: 10.0.0.10/32"), hints);
    assertTrue(r.clusters().stream().allMatch(c -> c.objects().isEmpty()), "nothing is rendered from them");
  }

  /** IsWebhookAuthorizationEnabled (sdk/apis/kubermatic/v1/cluster.go ~534-548): the mode, secretName and secretKey. */
  @Test
  void theWebhookRuleNeedsTheModeTheSecretAndItsKey() {
    String context = CONTEXT
        + "  authorizationWebhooks: [{cluster: c1, url: \"https://authz.example.com\", ips: [203.0.113.7]}]\n";
    String nameOnly = "authorizationConfig: {enabledModes: [Webhook], authorizationWebhookConfiguration: "
        + "{secretName: s}}";
    assertFalse(names(render(SEED, context, KKP, cluster(nameOnly))).contains("authorization-webhook-allow"));
    String both = "authorizationConfig: {enabledModes: [Webhook], authorizationWebhookConfiguration: "
        + "{secretName: s, secretKey: k}}";
    assertTrue(names(render(SEED, context, KKP, cluster(both))).contains("authorization-webhook-allow"));
    String noMode = "authorizationConfig: {enabledModes: [RBAC], authorizationWebhookConfiguration: "
        + "{secretName: s, secretKey: k}}";
    assertFalse(names(render(SEED, context, KKP, cluster(noMode))).contains("authorization-webhook-allow"));
  }

  /**
   * The datacenter's apiServerServiceType replaces the type of apiserver-external (pkg/resources/apiserver/service.go
   * lines 64-66; sdk/apis/kubermatic/v1/datacenter.go ~600-605); KKP gives that load balancer no source ranges
   * (explain reports it: AccessExplainerTest).
   */
  @Test
  void theDatacentersServiceTypeReplacesApiserverExternals() {
    String lb = SEED.replace("dc-1: {}", "dc-1: {spec: {apiServerServiceType: LoadBalancer}}");
    Rendering r = render(lb, CONTEXT, KKP, cluster("exposeStrategy: NodePort"));
    assertEquals("LoadBalancer", at(r, "apiserver-external", "spec.type"));
    assertTrue(r.clusters().get(0).diagnostics().stream()
        .anyMatch(d -> d.code() == DiagnosticCode.APISERVER_LOAD_BALANCER_UNRESTRICTED));
    String clusterIp = SEED.replace("dc-1: {}", "dc-1: {spec: {apiServerServiceType: ClusterIP}}");
    Rendering c = render(clusterIp, CONTEXT, KKP, cluster("exposeStrategy: NodePort"));
    assertEquals("ClusterIP", at(c, "apiserver-external", "spec.type"));
    Map<?, ?> port = (Map<?, ?>) ((List<?>) at(c, "apiserver-external", "spec.ports")).get(0);
    assertFalse(port.containsKey("nodePort"), "a ClusterIP Service has no node port: " + port);
    Map<?, ?> nodePort = (Map<?, ?>) ((List<?>) at(r, "apiserver-external", "spec.ports")).get(0);
    assertEquals(30443, nodePort.get("nodePort"), "a LoadBalancer keeps it");
  }

  /** ensureNetworkPolicies (resources.go line 806 on): kyverno-webhook-allow with the gate alone. */
  @Test
  void kyvernoWebhookAllowWithTheGateAlone() {
    assertTrue(names(render(SEED, CONTEXT, KKP, cluster(""))).contains("kyverno-webhook-allow"));
    assertFalse(names(render(SEED, CONTEXT + "  profile: least-privilege\n  clusterDNS: {namespace: kube-system}\n",
        KKP, cluster(""))).contains("kyverno-webhook-allow"), "least-privilege: only where Kyverno is enabled");
  }

  /** pkg/validation/cluster.go line 499: "Konnectivity can no longer be disabled". */
  @Test
  void konnectivityOffIsAWarningUnderKkpV231() {
    Rendering r = render(SEED, CONTEXT, KKP, cluster("clusterNetwork: {konnectivityEnabled: false}"));
    assertTrue(r.clusters().get(0).diagnostics().stream().anyMatch(d -> d.code() == DiagnosticCode.KONNECTIVITY_DISABLED
        && d.message().contains("Konnectivity can no longer be disabled")));
  }

  /**
   * Issue 25, item 2. An absent konnectivityEnabled is off to KKP's controller (resources.go line 281:
   * {@code != nil && *...}): ensureNetworkPolicies (line 822-829) then adds openvpn-server-allow and
   * metrics-server-allow, not apiserver-internal-allow, and no konnectivity-server Service is made.
   * KKP's installer refuses to upgrade with such a cluster (pkg/install/stack/common/validation.go 111-112).
   * Only the create webhook sets it true (pkg/mutation/cluster/mutation.go 72-74): so does {@code --new}.
   */
  @Test
  void anAbsentKonnectivityIsOffWithAWarningAndOnForANewCluster() {
    for (String profile : List.of("kkp-v2.31", "kkp-v2.18")) {
      String context = CONTEXT + "  profile: " + profile + "\n";
      Rendering r = render(SEED, context, KKP, cluster(""));
      List<String> names = names(r);
      assertTrue(names.contains("openvpn-server-allow") && names.contains("metrics-server-allow"), profile + names);
      assertFalse(names.contains("apiserver-internal-allow") || names.contains("konnectivity-server"),
          profile + names);
      assertTrue(r.clusters().get(0).diagnostics().stream()
          .anyMatch(d -> d.code() == DiagnosticCode.KONNECTIVITY_DISABLED
          && d.message().contains("has not been migrated to Konnectivity yet")), profile);
      List<String> on = names(render(SEED, context, KKP, cluster("clusterNetwork: {konnectivityEnabled: true}")));
      assertTrue(on.contains("konnectivity-server"), profile + on);
      assertEquals(profile.equals("kkp-v2.31"), on.contains("apiserver-internal-allow"), profile + on);
    }
    Inputs read = ManifestReader.create().read("in.yaml", String.join("---\n", SEED, CONTEXT, KKP,
        cluster("").replace("  features: {apiserverNetworkPolicy: true}\n", "")));
    Rendering created = ManifestRenderer.renderAll(read, RenderOptions.builder().newClusters(true).build());
    assertTrue(names(created).contains("apiserver-internal-allow"), "a new cluster runs Konnectivity");
    assertFalse(created.allDiagnostics().stream().anyMatch(d -> d.code() == DiagnosticCode.KONNECTIVITY_DISABLED));
  }

  /**
   * Issue 25, item 3. oidcIssuerDestinations (resources.go 912-926): a named AuthenticationConfiguration
   * gives its jwt[] issuers and nothing else, even none; with no address, line 866 adds no
   * oidc-issuer-allow. spec.oidc and KKP's own issuer are then not used.
   */
  @Test
  void anAuthenticationConfigurationWithoutIssuersGivesNoIssuer() {
    String context = CONTEXT + """
          authenticationConfigurations:
          - secret: {namespace: cluster-c1, name: authn, key: config.yaml}
            issuers: []
          oidcIssuers: [{url: "https://dex.example.com/dex", ips: [203.0.113.20]}]
        """;
    String kkp = KKP
        + "spec: {featureGates: {OpenIDAuthPlugin: true}, auth: {tokenIssuer: \"https://10.7.7.7/dex\"}}\n";
    String named = cluster("""
        authenticationConfiguration: {secretName: authn, secretKey: config.yaml}
        oidc: {issuerURL: "https://dex.example.com/dex"}
        """);
    assertFalse(names(render(SEED, context, kkp, named)).contains("oidc-issuer-allow"));
    assertTrue(names(render(SEED, context, kkp, named.replace(
        "  authenticationConfiguration: {secretName: authn, secretKey: config.yaml}\n", "")))
        .contains("oidc-issuer-allow"), "without the Secret, spec.oidc");
  }

  /**
   * Issue 25, item 6. resolveAuthenticationConfigurationYAML (resources.go line 1751) reads the
   * datacenter's and the seed's Secret in namespace kubermatic, whatever the Seed's namespace; and
   * auth.tokenIssuer defaults to https://<ingress.domain>/dex (pkg/defaulting/configuration.go 503-505).
   */
  @Test
  void seedSecretsAreReadInKubermaticAndTheTokenIssuerDefaultsFromTheIngressDomain() {
    String seed = SEED.replace("namespace: kubermatic", "namespace: kkp-system").replace("datacenters: {dc-1: {}}", """
        datacenters: {dc-1: {}}
          authenticationConfiguration: {secretName: seed-authn, secretKey: config}""");
    String context = CONTEXT + """
          authenticationConfigurations:
          - secret: {namespace: kubermatic, name: seed-authn, key: config}
            issuers: ["https://10.9.9.2/seed"]
        """;
    assertEquals(List.of("10.9.9.2/32"), ipBlocks(firstRule(render(seed, context, KKP, cluster("")),
        "oidc-issuer-allow")));
    String kkp = KKP + "spec: {featureGates: {OpenIDAuthPlugin: true}, ingress: {domain: 10.6.6.6}}\n";
    Rendering r = render(SEED, CONTEXT, kkp, cluster(""));
    assertEquals(List.of("10.6.6.6/32"), ipBlocks(firstRule(r, "oidc-issuer-allow")));
  }

  /**
   * Issue 25, item 1. fetchKubernetesServiceIPList (resources.go 1481-1494) takes every address of the
   * default/kubernetes EndpointSlices, whatever the endpoint's conditions, in their order. The kkp-*
   * profiles do too (with an info); least-privilege allows the ready ones only.
   */
  @Test
  void theSeedEndpointsAreEveryAddressKkpTakesReadyOrNot() {
    String slice = """
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        addressType: IPv4
        metadata: {name: kubernetes, namespace: default, labels: {kubernetes.io/service-name: kubernetes}}
        endpoints:
        - {addresses: [10.0.0.12], conditions: {ready: false}}
        - {addresses: [10.0.0.10], conditions: {ready: true}}
        - {addresses: [10.0.0.11], conditions: {ready: true, terminating: true}}
        ports: [{name: https, port: 6443, protocol: TCP}]
        """;
    String noEndpoints = CONTEXT.replace("  seedAPIServerEndpoints: [10.0.0.10]\n",
        "  clusterDNS: {namespace: kube-system}\n");
    Rendering r = render(SEED, noEndpoints, KKP, slice, cluster("clusterNetwork: {konnectivityEnabled: true}"));
    assertEquals(List.of("10.0.0.12/32", "10.0.0.10/32", "10.0.0.11/32"),
        ipBlocks(firstRule(r, "seed-apiserver-allow")));
    assertEquals(2, r.allDiagnostics().stream().filter(d -> d.code() == DiagnosticCode.ENDPOINT_NOT_READY).count());
    Rendering least = render(SEED, noEndpoints + "  profile: least-privilege\n", KKP, slice,
        cluster("clusterNetwork: {konnectivityEnabled: true}"));
    assertEquals(List.of("10.0.0.10/32"), ipBlocks(firstRule(least, "seed-apiserver-allow")));
    String typedReady = CONTEXT + "  clusterDNS: {namespace: kube-system}\n";
    assertEquals(List.of("10.0.0.10/32", "10.0.0.12/32", "10.0.0.11/32"), ipBlocks(firstRule(render(SEED, typedReady,
        KKP, slice, cluster("")), "seed-apiserver-allow")), "typed-in ready ones agree; KKP's others follow");
  }

  /**
   * Issue 25, item 5. KKP's list orders: issuers by host, then port (resources.go line 1591); each host's
   * addresses bytewise as Go holds them, 4 bytes for IPv4, 16 for IPv6 (hostnameToIPList, 1642-1644);
   * each address once (oidcIssuerDestinationIPs, 961-979); rule B's peers by Service namespace, then name
   * (line 998); the webhook's addresses as an issuer's (line 851). Least-privilege keeps its own order.
   */
  @Test
  void listsComeInKkpsOrder() {
    String context = CONTEXT + """
          oidcIssuers:
          - url: "https://b.example.com:8443/x"
            ips: [203.0.113.20, "2001:db8::20", 10.0.0.1]
            loadBalancerBackends:
            - {namespace: tenant-b, service: lb, podLabels: {app: b}}
            - {namespace: tenant-a, service: z-lb, podLabels: {app: a2}}
            - {namespace: tenant-a, service: a-lb, podLabels: {app: a1}}
          - {url: "https://a.example.com/", ips: [203.0.113.20, 198.51.100.7]}
          authorizationWebhooks:
          - {cluster: c1, url: "https://authz.example.com/", ips: [203.0.113.30, "2001:db8::30", 192.0.2.30]}
          authenticationConfigurations:
          - secret: {namespace: cluster-c1, name: authn, key: config.yaml}
            issuers: ["https://b.example.com:8443/x", "https://a.example.com/"]
        """;
    String cluster = cluster("""
        authenticationConfiguration: {secretName: authn, secretKey: config.yaml}
        authorizationConfig:
          enabledModes: [Webhook]
          authorizationWebhookConfiguration: {secretName: authz, secretKey: config}
        """);
    Rendering r = render(SEED, context, KKP, cluster);
    assertEquals(List.of("198.51.100.7/32", "203.0.113.20/32", "10.0.0.1/32", "2001:db8::20/128"),
        ipBlocks(firstRule(r, "oidc-issuer-allow")), "a.example.com first; 203.0.113.20 once, at its first place");
    List<?> backends = (List<?>) ((Map<?, ?>) ((List<?>) at(r, "oidc-issuer-allow", "spec.egress")).get(1)).get("to");
    assertEquals(List.of("a1", "a2", "b"), backends.stream()
        .map(p -> ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) p).get("podSelector")).get("matchLabels")).get("app"))
        .toList(), "by Service namespace, then name");
    assertEquals(List.of("2001:db8::30/128", "192.0.2.30/32", "203.0.113.30/32"),
        ipBlocks(firstRule(r, "authorization-webhook-allow")));
  }

  /**
   * KKP's bytes: DNSAllowReconciler writes UDP then TCP (networkpolicy.go); the port mapping is
   * {"secure": "..."} (service.go, konnectivity/proxyservice.go); the source ranges are a string set, sorted
   * as strings and written as given, and so is the annotation (FrontLoadBalancerServiceReconciler,
   * pkg/resources/nodeportproxy/nodeportproxy.go 405-480). Least-privilege keeps the canonical forms.
   */
  @Test
  void theKkpProfilesWriteListsAsKkpDoes() {
    Rendering r = render(SEED + "  nodeportProxy: {envoy: {loadBalancerService: {sourceRanges: [192.0.2.0/24]}}}\n"
        + "  defaultAPIServerAllowedIPRanges: [10.250.0.0/16]\n", CONTEXT, KKP, cluster("""
        exposeStrategy: LoadBalancer
        apiServerAllowedIPRanges: {cidrBlocks: ["2001:DB8::/32", 9.0.0.0/8, 10.0.0.0/8]}
        """));
    assertEquals(List.of("UDP", "TCP"), ((List<?>) ((Map<?, ?>) firstRule(r, "dns-allow")).get("ports")).stream()
        .map(p -> ((Map<?, ?>) p).get("protocol")).toList());
    assertEquals(List.of("10.0.0.0/8", "10.250.0.0/16", "192.0.2.0/24", "2001:DB8::/32", "9.0.0.0/8"),
        at(r, "front-loadbalancer", "spec.loadBalancerSourceRanges"));
    assertEquals("10.0.0.0/8,10.250.0.0/16,192.0.2.0/24,2001:DB8::/32,9.0.0.0/8", ((Map<?, ?>) at(r,
        "front-loadbalancer", "metadata.annotations")).get("service.beta.kubernetes.io/load-balancer-source-ranges"));
    Rendering tunneling = render(SEED, CONTEXT, KKP, cluster("exposeStrategy: Tunneling"));
    assertEquals("{\"secure\": \"c1.example.com\"}", ((Map<?, ?>) at(tunneling, "apiserver-external",
        "metadata.annotations")).get("nodeport-proxy.k8s.io/port-mapping"));

    Rendering lp = render(SEED + "  defaultAPIServerAllowedIPRanges: [10.250.0.0/16]\n", CONTEXT
        + "  profile: least-privilege\n  clusterDNS: {namespace: kube-system}\n", KKP, cluster("""
        exposeStrategy: LoadBalancer
        apiServerAllowedIPRanges: {cidrBlocks: ["2001:DB8::/32", 9.0.0.0/8, 10.0.0.0/8]}
        """));
    assertEquals(List.of("9.0.0.0/8", "10.0.0.0/8", "10.250.0.0/16", "2001:db8::/32"),
        at(lp, "front-loadbalancer", "spec.loadBalancerSourceRanges"));
  }

  /** KKP v2.18's dns-allow (PR #7396): the cluster's dns-resolver pods, no ports. */
  @Test
  void kkpV218DnsGoesToTheClustersDnsResolverOnEveryPort() {
    Rendering r = render(SEED, CONTEXT + "  profile: kkp-v2.18\n", KKP, cluster(""));
    List<Object> expected = yamlList("""
        - to:
          - podSelector: {matchLabels: {app: dns-resolver, cluster: c1}}
        """);
    assertEquals(expected, at(r, "dns-allow", "spec.egress"));
  }
}
