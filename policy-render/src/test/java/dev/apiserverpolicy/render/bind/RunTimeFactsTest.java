package dev.apiserverpolicy.render.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.NetworkPolicyPeer;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.manifest.KubernetesObject;
import dev.apiserverpolicy.model.manifest.NetworkPolicy;
import dev.apiserverpolicy.read.ManifestReader;
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.Rendering;
import dev.apiserverpolicy.render.engine.ManifestRenderer;
import dev.apiserverpolicy.testing.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fresh facts from the seed itself (its EndpointSlices) and from DNS (ResolvedHosts) render what
 * typed-in addresses render; disagreement and missing facts stop the seed's clusters, never widen
 * a rule.
 */
class RunTimeFactsTest {
  private static final ManifestReader READER = ManifestReader.create();

  private static Rendering render(Map<String, String> files) {
    return render(files, RenderOptions.builder().build());
  }

  private static Rendering render(Map<String, String> files, RenderOptions options) {
    Inputs read = Inputs.builder().build();
    for (Map.Entry<String, String> f : files.entrySet()) {
      read = read.plus(READER.read(f.getKey(), f.getValue()));
    }
    return ManifestRenderer.renderAll(read, options);
  }

  private static List<KubernetesObject> objects(Rendering r) {
    return r.clusters().stream().flatMap(c -> c.objects().stream()).toList();
  }

  private static Map<String, String> quickstartWithout(String... left) {
    Map<String, String> files = new LinkedHashMap<>();
    ProjectFiles.quickstartFiles().forEach((name, bytes) -> {
      if (!List.of(left).contains(name)) {
        files.put("examples/quickstart/" + name, new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
      }
    });
    return files;
  }

  private static Map<String, String> freshFacts() {
    Path folder = ProjectFiles.root().resolve("examples/gitops/fresh-facts");
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> list = Files.list(folder)) {
      for (Path p : list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        files.put("examples/gitops/fresh-facts/" + p.getFileName(), Files.readString(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static List<Cidr> ipBlocks(Rendering r, String cluster, String policy) {
    return r.clusters().stream().filter(c -> c.cluster().equals(cluster)).flatMap(c -> c.objects().stream())
        .filter(o -> o instanceof NetworkPolicy p && p.metadata().name().equals(policy))
        .flatMap(o -> ((NetworkPolicy) o).egress().stream()).flatMap(rule -> rule.peers().stream())
        .map(NetworkPolicyPeer::ipBlock).flatMap(java.util.Optional::stream).map(b -> b.cidr()).toList();
  }

  private static List<KubernetesObject> withoutSeedApiserver(Rendering r) {
    return objects(r).stream().filter(o -> !(o instanceof NetworkPolicy p
        && p.metadata().name().equals("seed-apiserver-allow"))).toList();
  }

  private static List<Diagnostic> codes(Rendering r, DiagnosticCode code) {
    return r.allDiagnostics().stream().filter(d -> d.code() == code).toList();
  }

  @Test
  void theQuickstartFromKubectlSlicesAndResolvedHostsRendersWhatTypedInAddressesRender() {
    Rendering typed = render(quickstartWithout());
    Map<String, String> files = quickstartWithout("render-context.yaml");
    files.putAll(freshFacts());
    assertFalse(files.get("examples/gitops/fresh-facts/render-context.yaml").contains("ips:"));
    assertFalse(files.get("examples/gitops/fresh-facts/render-context.yaml").contains("seedAPIServerEndpoints:"));
    Rendering fresh = render(files);
    assertFalse(fresh.hasErrors(), fresh.allDiagnostics()::toString);
    assertEquals(withoutSeedApiserver(typed), withoutSeedApiserver(fresh));
    assertEquals(hosts("10.0.0.10", "10.0.0.11", "10.0.0.12"), ipBlocks(typed, "dev-tools", "seed-apiserver-allow"));
    assertEquals(hosts("10.0.0.10", "10.0.0.11", "10.0.0.12", "10.0.0.13"),
        ipBlocks(fresh, "dev-tools", "seed-apiserver-allow"), "kkp-v2.31: the terminating one too, as KKP");
    Rendering least = render(files, RenderOptions.builder().profile(Profile.LEAST_PRIVILEGE).build());
    assertEquals(hosts("10.0.0.10", "10.0.0.11", "10.0.0.12"), ipBlocks(least, "dev-tools", "seed-apiserver-allow"),
        "least-privilege: the ready ones");
    assertEquals(5, fresh.clusters().size());
    assertEquals(1, codes(fresh, DiagnosticCode.ENDPOINT_NOT_READY).size(), "the terminating API server");
  }

  private static final String SEED = """
      apiVersion: kubermatic.k8c.io/v1
      kind: Seed
      metadata: {name: %s}
      spec: {datacenters: {%s: {}}}
      """;
  private static final String KKP = "apiVersion: kubermatic.k8c.io/v1\nkind: KubermaticConfiguration\n"
      + "metadata: {name: kubermatic}\n";

  private static String cluster(String name, String dc) {
    return "apiVersion: kubermatic.k8c.io/v1\nkind: Cluster\nmetadata: {name: " + name + "}\n"
        + "spec: {cloud: {dc: " + dc + "}, exposeStrategy: NodePort, features: {apiserverNetworkPolicy: true}}\n";
  }

  private static String context(String seed, String spec) {
    return "apiVersion: apiserver-policy.dev/v1alpha1\nkind: RenderContext\nmetadata: {name: " + seed + "}\n"
        + "spec:\n" + spec.indent(2);
  }

  private static String slices(String... addresses) {
    return "apiVersion: v1\nkind: List\nitems:\n- apiVersion: discovery.k8s.io/v1\n  kind: EndpointSlice\n"
        + "  addressType: IPv4\n  metadata: {name: kubernetes, namespace: default, labels: "
        + "{kubernetes.io/service-name: kubernetes}}\n  endpoints: [{addresses: [" + String.join(", ", addresses)
        + "]}]\n  ports: [{name: https, port: 443, protocol: TCP}]\n";
  }

  private static List<Cidr> hosts(String... addresses) {
    return Stream.of(addresses).map(Cidr::parseHost).toList();
  }

  @Test
  void withSeveralSeedsEachRenderContextNamesItsOwnKubectlOutput() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("seeds.yaml", SEED.formatted("eu", "dc-eu") + "---\n" + SEED.formatted("us", "dc-us") + "---\n" + KKP
        + "---\n" + cluster("a", "dc-eu") + "---\n" + cluster("b", "dc-us"));
    files.put("eu/context.yaml", context("eu", "seedAPIServerEndpointsFrom: endpoints.yaml"));
    files.put("eu/endpoints.yaml", slices("10.1.0.10", "10.1.0.11"));
    files.put("us/context.yaml", context("us", "seedAPIServerEndpointsFrom: ./kubectl/endpoints.yaml"));
    files.put("us/kubectl/endpoints.yaml", slices("10.2.0.10"));
    Rendering r = render(files);
    assertFalse(r.hasErrors(), r.allDiagnostics()::toString);
    assertEquals(hosts("10.1.0.10", "10.1.0.11"), ipBlocks(r, "a", "seed-apiserver-allow"));
    assertEquals(hosts("10.2.0.10"), ipBlocks(r, "b", "seed-apiserver-allow"));
  }

  @Test
  void aSliceNoRenderContextBindsIsAnErrorAndItsSeedRendersNoRuleFromGuesswork() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("seeds.yaml", SEED.formatted("eu", "dc-eu") + "---\n" + SEED.formatted("us", "dc-us") + "---\n" + KKP
        + "---\n" + cluster("a", "dc-eu"));
    files.put("endpoints.yaml", slices("10.1.0.10"));
    Rendering r = render(files);
    assertEquals(1, codes(r, DiagnosticCode.ENDPOINTS_BINDING).size(), r.allDiagnostics()::toString);
    assertTrue(codes(r, DiagnosticCode.ENDPOINTS_BINDING).get(0).hint().contains("seedAPIServerEndpointsFrom"));
    assertEquals(1, codes(r, DiagnosticCode.SEED_ENDPOINTS_MISSING).size());
    assertEquals(List.of(), objects(r).stream().filter(o -> o instanceof NetworkPolicy).toList());
  }

  @Test
  void typedInEndpointsThatDifferFromTheSeedsStopItsClustersAndNameBoth() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("seed.yaml", SEED.formatted("eu", "dc-eu") + "---\n" + KKP + "---\n" + cluster("a", "dc-eu"));
    files.put("context.yaml", context("eu", "seedAPIServerEndpoints: [10.1.0.10, 10.1.0.99]"));
    files.put("endpoints.yaml", slices("10.1.0.11", "10.1.0.10"));
    Rendering r = render(files);
    List<Diagnostic> conflict = codes(r, DiagnosticCode.SEED_ENDPOINTS_CONFLICT);
    assertEquals(1, conflict.size(), r.allDiagnostics()::toString);
    assertTrue(conflict.get(0).message().contains("10.1.0.99") && conflict.get(0).message().contains("endpoints"
        + ".yaml"), conflict.get(0)::describe);
    assertEquals("context.yaml", conflict.get(0).file().orElse(""));
    assertEquals(List.of(), objects(r));
    assertEquals(1, codes(r, DiagnosticCode.NOT_RENDERED).size());

    files.put("context.yaml", context("eu", "seedAPIServerEndpoints: [10.1.0.11, 10.1.0.10]"));
    Rendering same = render(files);
    assertFalse(same.hasErrors(), same.allDiagnostics()::toString);
    assertEquals(hosts("10.1.0.11", "10.1.0.10"), ipBlocks(same, "a", "seed-apiserver-allow"));

    files.put("context.yaml", context("eu", "seedAPIServerPort: 6443"));
    Rendering port = render(files);
    assertEquals(1, codes(port, DiagnosticCode.SEED_ENDPOINTS_CONFLICT).size(), port.allDiagnostics()::toString);
    assertEquals(List.of(), objects(port));
  }

  @Test
  void theSlicesPortIsTheSeedApiPortAndASeedWithoutContextGetsOne() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("seed.yaml", SEED.formatted("eu", "dc-eu") + "---\n" + KKP + "---\n" + cluster("a", "dc-eu"));
    files.put("endpoints.yaml", slices("10.1.0.10"));
    Rendering r = render(files);
    assertFalse(r.hasErrors(), r.allDiagnostics()::toString);
    ClusterInputs inputs = r.clusters().get(0).inputs().orElseThrow();
    assertEquals(443, inputs.context().orElseThrow().seedAPIServerPortOrDefault());
    assertEquals(hosts("10.1.0.10"), ipBlocks(r, "a", "seed-apiserver-allow"));
  }

  /** 50,000 copies of one address (as a hostile or broken kubectl output might hold) make one peer. */
  @Test
  @org.junit.jupiter.api.Timeout(60)
  void fiftyThousandCopiesOfOneAddressMakeOnePeer() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("seed.yaml", SEED.formatted("eu", "dc-eu") + "---\n" + KKP + "---\n" + cluster("a", "dc-eu"));
    files.put("endpoints.yaml", slices(java.util.Collections.nCopies(50_000, "10.1.0.10").toArray(String[]::new)));
    Rendering r = render(files);
    assertFalse(r.hasErrors(), () -> r.allDiagnostics().subList(0, Math.min(3, r.allDiagnostics().size())).toString());
    assertEquals(hosts("10.1.0.10"), ipBlocks(r, "a", "seed-apiserver-allow"));
  }

  /** As an attacker would: 50,000 endpoints not ready beside one ready; least-privilege sorts them out linearly. */
  @Test
  @org.junit.jupiter.api.Timeout(60)
  void fiftyThousandEndpointsNotReadyAreLeftOutInLinearTime() {
    StringBuilder endpoints = new StringBuilder("[{addresses: [10.1.0.1]}");
    for (int i = 0; i < 50_000; i++) {
      endpoints.append(", {addresses: [10.2.").append(i / 250).append('.').append(i % 250 + 1)
          .append("], conditions: {ready: false}}");
    }
    Map<String, String> files = new LinkedHashMap<>();
    files.put("seed.yaml", SEED.formatted("eu", "dc-eu") + "---\n" + KKP + "---\n" + cluster("a", "dc-eu"));
    files.put("context.yaml", context("eu", "clusterDNS: {namespace: kube-system}"));
    files.put("endpoints.yaml", slices("10.1.0.1").replace("[{addresses: [10.1.0.1]}]", endpoints + "]"));
    Rendering r = render(files, RenderOptions.builder().profile(Profile.LEAST_PRIVILEGE).build());
    assertFalse(r.hasErrors(), () -> r.allDiagnostics().subList(0, Math.min(3, r.allDiagnostics().size())).toString());
    assertEquals(hosts("10.1.0.1"), ipBlocks(r, "a", "seed-apiserver-allow"));
  }

  @Test
  void slicesWithNoReadyEndpointLeaveTheSeedWithoutEndpointsNeverWithAnEmptyRule() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("seed.yaml", SEED.formatted("eu", "dc-eu") + "---\n" + KKP + "---\n" + cluster("a", "dc-eu"));
    files.put("endpoints.yaml", slices("10.1.0.10").replace("[{addresses: [10.1.0.10]}]",
        "[{addresses: [10.1.0.10], conditions: {ready: false}}]"));
    Rendering kkp = render(files);
    assertFalse(kkp.hasErrors(), kkp.allDiagnostics()::toString);
    assertEquals(hosts("10.1.0.10"), ipBlocks(kkp, "a", "seed-apiserver-allow"), "as KKP: ready or not");
    files.put("context.yaml", context("eu", "clusterDNS: {namespace: kube-system}"));
    Rendering r = render(files, RenderOptions.builder().profile(Profile.LEAST_PRIVILEGE).build());
    assertEquals(1, codes(r, DiagnosticCode.SEED_ENDPOINTS_MISSING).size(), r.allDiagnostics()::toString);
    assertTrue(codes(r, DiagnosticCode.SEED_ENDPOINTS_MISSING).get(0).message()
        .contains("is not ready or terminating"), r.allDiagnostics()::toString);
    assertEquals(List.of(), objects(r));
  }

  private static final String RESOLVED = """
      apiVersion: apiserver-policy.dev/v1alpha1
      kind: ResolvedHosts
      metadata: {name: resolved-hosts}
      spec:
        hosts:
        - {name: audit.example.com, addresses: ["192.0.2.41", "192.0.2.40", "2001:db8::40"]}
        - {name: dex.example.com, addresses: ["203.0.113.21"]}
      """;

  @Test
  void resolvedHostsFillInIssuersAndExtraEgressHostsAndTypedInIpsWinWithAWarning() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("seed.yaml", SEED.formatted("eu", "dc-eu") + "---\n" + KKP + "---\n" + cluster("a", "dc-eu")
        .replace("exposeStrategy", "oidc: {issuerURL: 'https://dex.example.com/dex'}, exposeStrategy"));
    files.put("context.yaml", context("eu", """
        seedAPIServerEndpoints: [10.1.0.10]
        extraEgress:
        - name: audit
          description: The audit sink.
          to: [{ipBlock: {cidr: 10.9.0.0/16}}, {host: audit.example.com}]
          ports: [{protocol: TCP, port: 514}]
        """));
    files.put("resolved-hosts.yaml", RESOLVED);
    Rendering r = render(files);
    assertFalse(r.hasErrors(), r.allDiagnostics()::toString);
    assertEquals(hosts("203.0.113.21"), ipBlocks(r, "a", "oidc-issuer-allow"));
    assertEquals(List.of(Cidr.parse("10.9.0.0/16"), Cidr.parseHost("192.0.2.40"), Cidr.parseHost("192.0.2.41"),
        Cidr.parseHost("2001:db8::40")), ipBlocks(r, "a", "audit"));

    files.put("context.yaml", files.get("context.yaml").replace("seedAPIServerEndpoints: [10.1.0.10]",
        "seedAPIServerEndpoints: [10.1.0.10]\n"
            + "  oidcIssuers: [{url: 'https://DEX.example.com./', ips: [203.0.113.20]}]"));
    Rendering typed = render(files);
    assertEquals(hosts("203.0.113.20"), ipBlocks(typed, "a", "oidc-issuer-allow"));
    List<Diagnostic> differ = codes(typed, DiagnosticCode.RESOLVED_ADDRESSES_DIFFER);
    assertEquals(1, differ.size(), typed.allDiagnostics()::toString);
    assertEquals("spec.oidcIssuers[0].ips", differ.get(0).path());
  }

  @Test
  void anExtraEgressHostNothingResolvedStopsTheSeedsClusters() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("seed.yaml", SEED.formatted("eu", "dc-eu") + "---\n" + KKP + "---\n" + cluster("a", "dc-eu"));
    files.put("context.yaml", context("eu", """
        seedAPIServerEndpoints: [10.1.0.10]
        extraEgress:
        - {name: audit, description: The audit sink., to: [{host: elsewhere.example.com}]}
        """));
    files.put("resolved-hosts.yaml", RESOLVED);
    Rendering r = render(files);
    assertEquals(1, codes(r, DiagnosticCode.HOST_UNRESOLVED).size(), r.allDiagnostics()::toString);
    assertEquals(List.of(), objects(r));
  }

  @Test
  void twoResolvedHostsFilesThatDisagreeLeaveTheHostUnknown() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("seed.yaml", SEED.formatted("eu", "dc-eu") + "---\n" + KKP + "---\n" + cluster("a", "dc-eu")
        .replace("exposeStrategy", "oidc: {issuerURL: 'https://dex.example.com/dex'}, exposeStrategy"));
    files.put("context.yaml", context("eu", "seedAPIServerEndpoints: [10.1.0.10]"));
    files.put("a/resolved-hosts.yaml", RESOLVED);
    files.put("b/resolved-hosts.yaml", RESOLVED.replace("203.0.113.21", "203.0.113.99"));
    Rendering r = render(files);
    assertEquals(1, codes(r, DiagnosticCode.OIDC_ISSUER_UNRESOLVED).size(), r.allDiagnostics()::toString);
    assertTrue(r.hasErrors());
    assertEquals(List.of(), objects(r).stream().filter(o -> o instanceof NetworkPolicy).toList());
  }

  @Test
  void theHostsToResolveAreEveryNamedHostButIpLiterals() {
    Inputs read = READER.read("in.yaml", String.join("---\n", SEED.formatted("eu", "dc-eu"),
        cluster("a", "dc-eu").replace("exposeStrategy", "oidc: {issuerURL: 'https://Dex.Example.com./x'}, "
            + "exposeStrategy"),
        cluster("b", "dc-eu").replace("exposeStrategy", "oidc: {issuerURL: 'https://192.0.2.7/x'}, exposeStrategy"),
        context("eu", """
            authorizationWebhooks: [{cluster: a, url: 'https://authz.example.com:8443/authorize'}]
            extraEgress: [{name: audit, description: d, to: [{host: audit.example.com}]}]
            """)));
    assertEquals(List.of("audit.example.com", "authz.example.com", "dex.example.com"),
        List.copyOf(HostsToResolve.of(read).keySet()));
    assertEquals(List.of("Cluster/a"), HostsToResolve.of(read).get("dex.example.com"));
  }

  /**
   * Issue 24, item 8: a name the Cilium flavour's fqdnEgress reaches by name (toFQDNs) is not looked up;
   * a seed's and KKP's issuer only if a cluster reaching issuers by address inherits it; an unbound
   * cluster's always (when unsure, look it up).
   */
  @Test
  void theHostsToResolveAreOnlyThoseRenderTurnsIntoAddresses() {
    String fqdn = "cni: cilium\ncilium: {fqdnEgress: true}\n";
    String named = """
        oidcIssuers: [{url: 'https://ctx-%1$s.example.com'}]
        authorizationWebhooks: [{cluster: %1$s, url: 'https://hook-%1$s.example.com'}]
        extraEgress: [{name: audit, description: d, to: [{host: audit-%1$s.example.com}], ports: [{port: 514}]}]
        """;
    String kkp = KKP
        + "spec: {featureGates: {OpenIDAuthPlugin: true}, auth: {tokenIssuer: 'https://kkp.example.com'}}\n";
    String seed = "apiVersion: kubermatic.k8c.io/v1\nkind: Seed\nmetadata: {name: %1$s}\nspec: {datacenters: "
        + "{dc-%1$s: {}}, oidcProviderConfiguration: {issuerURL: 'https://seed-%1$s.example.com'}}\n";
    String seedEu = seed.formatted("eu");
    String seedUs = seed.formatted("us");
    String issuer = "oidc: {issuerURL: 'https://dex-%s.example.com'}, exposeStrategy";
    Inputs read = READER.read("in.yaml", String.join("---\n", seedEu, seedUs, kkp,
        cluster("a", "dc-eu").replace("exposeStrategy", issuer.formatted("a")),
        cluster("b", "dc-us").replace("exposeStrategy", issuer.formatted("b")),
        cluster("c", "dc-nowhere").replace("exposeStrategy", issuer.formatted("c")),
        context("eu", fqdn + named.formatted("a")), context("us", named.formatted("b"))));
    assertEquals(List.of(), read.diagnostics());
    assertEquals(List.of("audit-b.example.com", "ctx-b.example.com", "dex-b.example.com", "dex-c.example.com",
        "hook-b.example.com", "kkp.example.com", "seed-us.example.com"), List.copyOf(HostsToResolve.of(read).keySet()));
    Inputs onlyFqdn = READER.read("in.yaml", String.join("---\n", seedEu, kkp,
        cluster("a", "dc-eu").replace("exposeStrategy", issuer.formatted("a")),
        context("eu", fqdn + named.formatted("a"))));
    assertEquals(List.of(), List.copyOf(HostsToResolve.of(onlyFqdn).keySet()));
    assertTrue(HostsToResolve.fixedByResolving(DiagnosticCode.OIDC_ISSUER_UNRESOLVED));
    assertTrue(HostsToResolve.fixedByResolving(DiagnosticCode.HOST_UNRESOLVED));
    assertTrue(HostsToResolve.fixedByResolving(DiagnosticCode.AUTHORIZATION_WEBHOOK_UNRESOLVED));
    assertFalse(HostsToResolve.fixedByResolving(DiagnosticCode.ADDRESS_SPECIAL_PURPOSE));
  }
}
