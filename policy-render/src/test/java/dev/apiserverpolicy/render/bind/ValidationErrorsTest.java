package dev.apiserverpolicy.render.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ClusterSpec;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.model.ExtraEgressRule;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.KubermaticConfiguration;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.Seed;
import dev.apiserverpolicy.read.ManifestReader;
import dev.apiserverpolicy.render.BoundInputs;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.Rendering;
import dev.apiserverpolicy.render.engine.ManifestRenderer;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One minimal input per validation error, and the near misses that must stay clean. */
public class ValidationErrorsTest {
  private static final ManifestReader READER = ManifestReader.create();

  public static final String SEED = """
      apiVersion: kubermatic.k8c.io/v1
      kind: Seed
      metadata: {name: europe}
      spec:
        datacenters: {dc-1: {}}
      """;
  public static final String CONTEXT = """
      apiVersion: apiserver-policy.dev/v1alpha1
      kind: RenderContext
      metadata: {name: europe}
      spec:
        seedAPIServerEndpoints: [10.0.0.10]
      """;

  public static String cluster(String name, String spec) {
    return "apiVersion: kubermatic.k8c.io/v1\nkind: Cluster\nmetadata: {name: " + name + "}\nspec:\n"
        + "  cloud: {dc: dc-1}\n" + spec.indent(2) + "status: {address: {externalName: c.example.com}}\n";
  }

  /** The seed's EndpointSlice of default/kubernetes, as kubectl prints it, with one ready address. */
  static String endpointSlice(String address) {
    return "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\naddressType: IPv4\n"
        + "metadata: {name: kubernetes, namespace: default, labels: {kubernetes.io/service-name: kubernetes}}\n"
        + "endpoints: [{addresses: [" + address + "], conditions: {ready: true}}]\n"
        + "ports: [{name: https, port: 6443, protocol: TCP}]\n";
  }

  /** The installation, appended to every input (after it, so that the positions of the rest stay). */
  public static final String KKP = "apiVersion: kubermatic.k8c.io/v1\nkind: KubermaticConfiguration\nmetadata: {name: "
      + "kubermatic}\n";

  static List<Diagnostic> findings(String... documents) {
    Inputs read = READER.read("in.yaml", String.join("---\n", documents) + "---\n" + KKP);
    assertFalse(read.hasErrors(), () -> "reading must be clean: " + read.diagnostics());
    return InputValidator.validate(read).diagnostics();
  }

  record Case(String name, DiagnosticCode code, String object, String path, String[] documents) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> errors() {
    return Stream.of(
        new Case("ranges with NodePort", DiagnosticCode.ALLOWED_RANGES_STRATEGY, "Cluster/c1",
            "spec.apiServerAllowedIPRanges", new String[] {SEED, CONTEXT, cluster("c1",
                "exposeStrategy: NodePort\napiServerAllowedIPRanges: {cidrBlocks: [10.0.0.0/8]}")}),
        new Case("ranges with the seed's Tunneling", DiagnosticCode.ALLOWED_RANGES_STRATEGY, "Cluster/c1",
            "spec.apiServerAllowedIPRanges", new String[] {SEED + "  exposeStrategy: Tunneling\n", CONTEXT,
                cluster("c1", "apiServerAllowedIPRanges: {cidrBlocks: [10.0.0.0/8]}")}),
        new Case("default template without scope seed", DiagnosticCode.DEFAULT_TEMPLATE_SCOPE, "Seed/europe",
            "metadata.labels.scope", new String[] {SEED + "  defaultClusterTemplate: defaults\n",
                "apiVersion: kubermatic.k8c.io/v1\nkind: ClusterTemplate\nmetadata: {name: defaults, labels: "
                    + "{scope: project}}\n"}),
        new Case("seed endpoints missing (no context)", DiagnosticCode.SEED_ENDPOINTS_MISSING, "Cluster/c1",
            "spec.features.apiserverNetworkPolicy", new String[] {SEED,
                cluster("c1", "features: {apiserverNetworkPolicy: true}")}),
        new Case("seed endpoints empty", DiagnosticCode.SEED_ENDPOINTS_MISSING, "Cluster/c1",
            "spec.seedAPIServerEndpoints", new String[] {SEED,
                CONTEXT.replace("[10.0.0.10]", "[]"), cluster("c1", "features: {apiserverNetworkPolicy: true}")}),
        new Case("seed endpoints typed in and in the seed's EndpointSlice, different",
            DiagnosticCode.SEED_ENDPOINTS_CONFLICT, "RenderContext/europe", "spec.seedAPIServerEndpoints",
            new String[] {SEED, CONTEXT, endpointSlice("10.0.0.99")}),
        new Case("an EndpointSlice with two seeds and no RenderContext naming its file",
            DiagnosticCode.ENDPOINTS_BINDING, "EndpointSlice/default/kubernetes", "metadata",
            new String[] {SEED, SEED.replace("name: europe", "name: asia").replace("dc-1", "dc-2"),
                endpointSlice("10.0.0.10")}),
        new Case("two RenderContexts naming one file of endpoints", DiagnosticCode.ENDPOINTS_BINDING,
            "RenderContext/europe", "spec.seedAPIServerEndpointsFrom", new String[] {SEED, CONTEXT.replace(
                "seedAPIServerEndpoints: [10.0.0.10]", "seedAPIServerEndpointsFrom: nowhere.yaml")}),
        new Case("an extraEgress host nothing resolved", DiagnosticCode.HOST_UNRESOLVED, "RenderContext/europe",
            "spec.extraEgress[0].to", new String[] {SEED, CONTEXT
                + "  extraEgress:\n  - {name: audit, description: d, to: [{host: audit.example.com}]}\n"}),
        new Case("tunneling agent IP with LoadBalancer", DiagnosticCode.TUNNELING_AGENT_IP_STRATEGY, "Cluster/c1",
            "spec.clusterNetwork.tunnelingAgentIP", new String[] {SEED, CONTEXT, cluster("c1",
                "exposeStrategy: LoadBalancer\nclusterNetwork: {tunnelingAgentIP: 100.64.30.10}")}),
        new Case("the Cilium flavour without cni: cilium", DiagnosticCode.CILIUM_FLAVOUR_CNI, "RenderContext/europe",
            "spec.cilium", new String[] {SEED, CONTEXT + "  cni: calico\n  cilium: {fqdnEgress: true}\n"}),
        new Case("extraEgress without peers", DiagnosticCode.EXTRA_EGRESS_NO_PEERS, "RenderContext/europe",
            "spec.extraEgress[0].to", new String[] {SEED, CONTEXT
                + "  extraEgress:\n  - {name: audit, description: d, ports: [{port: 514}]}\n"}),
        new Case("extraEgress taking a built-in name", DiagnosticCode.EXTRA_EGRESS_NAME, "RenderContext/europe",
            "spec.extraEgress[0].name", new String[] {SEED, CONTEXT
                + "  extraEgress:\n  - {name: dns-allow, description: d, to: [{ipBlock: {cidr: 10.0.0.0/8}}]}\n"}),
        new Case("OIDC issuer URL without scheme", DiagnosticCode.URL_INVALID, "RenderContext/europe",
            "spec.oidcIssuers[0].url", new String[] {SEED, CONTEXT
                + "  oidcIssuers: [{url: dex.example.com, ips: [203.0.113.20]}]\n"}),
        new Case("cluster with no seed", DiagnosticCode.SEED_BINDING, "Cluster/c1", "spec.cloud.dc",
            new String[] {cluster("c1", "exposeStrategy: NodePort")}),
        new Case("datacenter in two seeds", DiagnosticCode.SEED_BINDING, "Cluster/c1", "spec.cloud.dc",
            new String[] {SEED, SEED.replace("name: europe", "name: asia"), cluster("c1", "exposeStrategy: NodePort")}),
        new Case("context for no seed", DiagnosticCode.CONTEXT_BINDING, "RenderContext/asia", "metadata.name",
            new String[] {SEED, SEED.replace("name: europe", "name: us").replace("dc-1", "dc-2"),
                CONTEXT.replace("name: europe", "name: asia")}),
        new Case("OIDC issuer the context cannot resolve", DiagnosticCode.OIDC_ISSUER_UNRESOLVED, "Cluster/c1",
            "spec.oidc.issuerURL", new String[] {SEED, CONTEXT, cluster("c1",
                "features: {apiserverNetworkPolicy: true}\noidc: {issuerURL: \"https://dex.example.com\"}")}),
        new Case("an OIDC issuer at the cloud metadata address", DiagnosticCode.ADDRESS_SPECIAL_PURPOSE, "Cluster/c1",
            "spec.oidc", new String[] {SEED, CONTEXT + "  oidcIssuers: [{url: \"https://dex.example.com\", ips: "
                + "[169.254.169.254]}]\n", cluster("c1",
                "features: {apiserverNetworkPolicy: true}\noidc: {issuerURL: \"https://dex.example.com\"}")}),
        new Case("authorization webhook the context cannot resolve", DiagnosticCode.AUTHORIZATION_WEBHOOK_UNRESOLVED,
            "Cluster/c1", "spec.authorizationConfig", new String[] {SEED, CONTEXT, cluster("c1",
                "features: {apiserverNetworkPolicy: true}\nauthorizationConfig: {enabledModes: [Webhook], "
                    + "authorizationWebhookConfiguration: {secretName: s, secretKey: k}}")}),
        new Case("an AuthenticationConfiguration whose issuers the context does not declare",
            DiagnosticCode.AUTHENTICATION_ISSUERS_UNKNOWN, "Cluster/c1", "spec.authenticationConfiguration",
            new String[] {SEED, CONTEXT, cluster("c1", "features: {apiserverNetworkPolicy: true}\n"
                + "authenticationConfiguration: {secretName: authn, secretKey: config.yaml}")}),
        new Case("least-privilege without cluster DNS", DiagnosticCode.CLUSTER_DNS_MISSING, "Cluster/c1", "spec",
            new String[] {SEED, CONTEXT + "  profile: least-privilege\n",
                cluster("c1", "features: {apiserverNetworkPolicy: true}")}),
        new Case("Tunneling without external name", DiagnosticCode.EXTERNAL_NAME_MISSING, "Cluster/c1",
            "status.address.externalName", new String[] {SEED, CONTEXT,
                cluster("c1", "exposeStrategy: Tunneling")
                    .replace("status: {address: {externalName: c.example.com}}\n", "")}),
        new Case("more source ranges than a Service can hold", DiagnosticCode.SOURCE_RANGES_TOO_LARGE, "Cluster/c1",
            "spec.apiServerAllowedIPRanges", new String[] {SEED, CONTEXT, cluster("c1",
                "exposeStrategy: LoadBalancer\napiServerAllowedIPRanges: {cidrBlocks: ["
                    + java.util.stream.IntStream.range(0, 20_000)
                        .mapToObj(i -> "10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255) + "/32")
                        .collect(Collectors.joining(", ")) + "]}")}),
        new Case("a namespace of Kubernetes itself", DiagnosticCode.NAMESPACE_RESERVED, "Cluster/c1",
            "status.namespaceName", new String[] {SEED, CONTEXT, cluster("c1", "exposeStrategy: NodePort")
                .replace("status: {address: {externalName: c.example.com}}", "status: {namespaceName: kube-system}")}),
        new Case("cluster defined twice", DiagnosticCode.DUPLICATE_OBJECT, "Cluster/c1", "metadata.name",
            new String[] {SEED, CONTEXT, cluster("c1", "exposeStrategy: NodePort"),
                cluster("c1", "exposeStrategy: NodePort")}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void eachErrorIsReportedOnceWithObjectPathAndHint(Case c) {
    List<Diagnostic> found = findings(c.documents());
    assertEquals(1, found.size(), () -> c.name() + ": " + found);
    Diagnostic d = found.get(0);
    assertEquals(c.code(), d.code(), d::describe);
    assertEquals(c.object(), d.object().orElse(""), d::describe);
    assertEquals(c.path(), d.path(), d::describe);
    assertTrue(d.line() > 0, d::describe);
    assertEquals("in.yaml", d.file().orElse(""));
    assertFalse(d.hint().isBlank());
  }

  @Test
  void everyValidationCodeHasACase() {
    Set<DiagnosticCode> validation = EnumSet.range(DiagnosticCode.ALLOWED_RANGES_STRATEGY,
        DiagnosticCode.EXTERNAL_NAME_MISSING);
    validation.add(DiagnosticCode.DUPLICATE_OBJECT);
    validation.remove(DiagnosticCode.DEFAULT_TEMPLATE_MISSING); // a warning, tested below
    validation.remove(DiagnosticCode.NAMESPACE_SHARED); // one finding per cluster that shares, tested below
    validation.remove(DiagnosticCode.KUBERMATIC_CONFIGURATION_MISSING); // needs an input without one, below
    // The reader's and the builders' (policy-read's RefusedNamesTest): such a cluster or seed never gets here.
    validation.remove(DiagnosticCode.CLUSTER_NAME_INVALID);
    validation.remove(DiagnosticCode.SEED_NAME_INVALID);
    Set<DiagnosticCode> covered = errors().map(Case::code).collect(Collectors.toSet());
    assertEquals(validation, covered);
  }

  /** Issue 22: with one Seed, a misspelt datacenter bound silently and lost the datacenter's settings. */
  @Test
  void aDatacenterTheOnlySeedDoesNotListIsAnErrorWithTheClosestOne() {
    String typo = cluster("c1", "").replace("cloud: {dc: dc-1}", "cloud: {dc: DC-1x}");
    List<Diagnostic> found = findings(SEED, CONTEXT, typo);
    assertEquals(List.of("seed-binding spec.cloud.dc: datacenter DC-1x is not one of seed europe's: dc-1 "
        + "(did you mean 'dc-1'?)"), found.stream().map(d -> d.code().id() + " " + d.path() + ": " + d.message()
        + " (" + d.hint() + ")").toList());
    String noDc = cluster("c1", "").replace("cloud: {dc: dc-1}", "cloud: {}");
    assertEquals(List.of(), findings(SEED, CONTEXT, noDc), "a cluster naming no datacenter still binds");
  }

  @Test
  void rangesMessageIsKkpsOwn() {
    Diagnostic d = findings(SEED, CONTEXT, cluster("c1",
        "exposeStrategy: NodePort\napiServerAllowedIPRanges: {cidrBlocks: [10.0.0.0/8]}")).get(0);
    assertTrue(d.message()
        .startsWith("Access control for API server is supported only for LoadBalancer expose strategy"));
    assertEquals(19, d.line(), "the line of apiServerAllowedIPRanges in the combined stream");
  }

  @Test
  void presentButEmptyRangesAreAllowedWithAnyStrategy() {
    for (String strategy : List.of("NodePort", "LoadBalancer", "Tunneling")) {
      assertEquals(List.of(), findings(SEED, CONTEXT, cluster("c1",
          "exposeStrategy: " + strategy + "\napiServerAllowedIPRanges: {cidrBlocks: []}")), strategy);
    }
  }

  @Test
  void nearMissesAreClean() {
    assertEquals(List.of(), findings(SEED, CONTEXT, cluster("c1",
        "exposeStrategy: LoadBalancer\napiServerAllowedIPRanges: {cidrBlocks: [10.0.0.0/8]}")));
    assertEquals(List.of(), findings(SEED, CONTEXT, cluster("c1",
        "exposeStrategy: Tunneling\nclusterNetwork: {tunnelingAgentIP: 100.64.30.10}")));
    assertEquals(List.of(), findings(SEED, cluster("c1", "features: {apiserverNetworkPolicy: false}")),
        "gate off needs no endpoints");
    assertEquals(List.of(), findings(SEED, CONTEXT.replace("[10.0.0.10]", "[]") + "  profile: kkp-v2.18\n",
        cluster("c1", "features: {apiserverNetworkPolicy: true}")), "kkp-v2.18 renders no seed-apiserver-allow");
    assertEquals(List.of(), findings(SEED + "  defaultClusterTemplate: defaults\n",
        "apiVersion: kubermatic.k8c.io/v1\nkind: ClusterTemplate\nmetadata: {name: defaults, labels: {scope: "
            + "seed}}\n"));
    assertEquals(List.of(), findings(SEED, CONTEXT.replace("name: europe", "name: only-one-seed"),
        cluster("c1", "features: {apiserverNetworkPolicy: true}")), "the only context applies to the only seed");
  }

  @Test
  void missingDefaultTemplateIsAWarning() {
    List<Diagnostic> found = findings(SEED + "  defaultClusterTemplate: defaults\n");
    assertEquals(1, found.size());
    assertEquals(DiagnosticCode.DEFAULT_TEMPLATE_MISSING, found.get(0).code());
    assertEquals(dev.apiserverpolicy.model.Severity.WARNING, found.get(0).severity());
  }

  @Test
  void bindingFollowsTheDatacenter() {
    String asia = SEED.replace("name: europe", "name: asia").replace("dc-1", "dc-2");
    Inputs read = READER.read("in.yaml", String.join("---\n", SEED, asia,
        cluster("c1", "exposeStrategy: NodePort").replace("dc-1", "dc-2")));
    BoundInputs bound = InputValidator.validate(read);
    assertEquals(List.of(), bound.diagnostics());
    assertEquals("asia", bound.clusters().get(0).seed().name());
  }

  @Test
  void twoClustersOfOneSeedInOneNamespaceAreBothErrorsNamingEachOther() {
    String taken = cluster("c2", "exposeStrategy: NodePort")
        .replace("status: {address: {externalName: c.example.com}}", "status: {namespaceName: cluster-c1}");
    List<Diagnostic> found = findings(SEED, CONTEXT, cluster("c1", "exposeStrategy: NodePort"), taken);
    assertEquals(2, found.size(), found::toString);
    assertTrue(found.stream().allMatch(d -> d.code() == DiagnosticCode.NAMESPACE_SHARED));
    assertEquals(List.of("Cluster/c1", "Cluster/c2"), found.stream().map(d -> d.object().orElse("")).toList());
    assertTrue(found.get(0).message().contains("is also the namespace of Cluster/c2"), found.get(0)::describe);
    assertTrue(found.get(1).message().contains("is also the namespace of Cluster/c1"), found.get(1)::describe);
    // In different seeds (different Kubernetes clusters), one namespace name is no collision.
    String asia = SEED.replace("name: europe", "name: asia").replace("dc-1", "dc-2");
    assertEquals(List.of(), findings(SEED, asia, CONTEXT, CONTEXT.replace("name: europe", "name: asia"),
        cluster("c1", "exposeStrategy: NodePort"), taken.replace("dc-1", "dc-2")));
  }

  @Test
  void aCollisionStopsBothClustersAndNoOther() {
    String taken = cluster("c2", "features: {apiserverNetworkPolicy: true}")
        .replace("status: {address: {externalName: c.example.com}}", "status: {namespaceName: cluster-c1}");
    Inputs read = READER.read("in.yaml", String.join("---\n", SEED, CONTEXT,
        cluster("c1", "features: {apiserverNetworkPolicy: true}"), taken, cluster("c3", "exposeStrategy: NodePort")));
    Rendering r = ManifestRenderer.renderAll(read, RenderOptions.defaults());
    assertEquals(List.of(true, true, false), r.clusters().stream().map(ClusterManifests::failed).toList());
  }

  @Test
  void withoutAKubermaticConfigurationWhetherKkpsIssuerAppliesIsUnknown() {
    String cluster = cluster("c1", "features: {apiserverNetworkPolicy: true}");
    Inputs read = READER.read("in.yaml", String.join("---\n", SEED, CONTEXT, cluster));
    List<Diagnostic> found = InputValidator.validate(read).diagnostics();
    assertEquals(List.of(DiagnosticCode.KUBERMATIC_CONFIGURATION_MISSING), found.stream().map(Diagnostic::code)
        .toList());
    Diagnostic d = found.get(0);
    assertEquals("Cluster/c1", d.object().orElse(""));
    assertTrue(d.hint().contains("KubermaticConfiguration"), d::describe);
    // A cluster that names its issuer, or whose gate is off, or under kkp-v2.18, needs none.
    String named = cluster("c1",
        "features: {apiserverNetworkPolicy: true}\noidc: {issuerURL: \"https://10.0.0.5/dex\"}");
    assertEquals(List.of(), InputValidator.validate(READER.read("in.yaml", String.join("---\n", SEED, CONTEXT, named)))
        .diagnostics());
    assertEquals(List.of(), InputValidator.validate(READER.read("in.yaml", String.join("---\n", SEED,
        CONTEXT + "  profile: kkp-v2.18\n", cluster))).diagnostics());
  }

  /**
   * The one-cluster API validates the seed and RenderContext it is handed, as renderAll does:
   * built in code, an extraEgress entry without peers would otherwise render "- {}", egress to
   * anywhere.
   */
  @Test
  void renderingOneClusterValidatesItsContextAndSeed() {
    Cluster cluster = Cluster.builder().name("c1").statusPort(30443).spec(ClusterSpec.builder().datacenter("dc")
        .putFeatures(ClusterSpec.APISERVER_NETWORK_POLICY, true).exposeStrategy(ExposeStrategy.NODE_PORT).build())
        .build();
    Seed seed = Seed.builder().name("s").addDatacenters("dc").build();
    RenderContext open = RenderContext.builder().name("s").seedAPIServerEndpoints(List.of(Cidr.parseHost("10.0.0.1")))
        .addExtraEgress(ExtraEgressRule.builder().name("open").description("anything").build()).build();
    KubermaticConfiguration kkp = KubermaticConfiguration.builder().name("kubermatic").build();
    ClusterManifests m = ManifestRenderer.render(cluster, seed, open, kkp);
    assertTrue(m.failed());
    assertEquals(List.of(), m.objects());
    assertEquals(List.of(DiagnosticCode.EXTRA_EGRESS_NO_PEERS, DiagnosticCode.NOT_RENDERED),
        m.diagnostics().stream().map(Diagnostic::code).toList());
    // A seed whose name Kubernetes refuses never reaches the renderer: its builder refuses it (RefusedNamesTest).
    assertThrows(IllegalArgumentException.class, () -> Seed.builder().name("S_1").addDatacenters("dc").build());
    RenderContext fine = RenderContext.builder().from(open).extraEgress(List.of()).build();
    assertFalse(ManifestRenderer.render(cluster, seed, fine, kkp).failed());
  }
}
