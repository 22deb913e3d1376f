package dev.apiserverpolicy.render.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.IpBlock;
import dev.apiserverpolicy.model.NetworkPolicyPeer;
import dev.apiserverpolicy.model.NetworkPolicyPort;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.Protocol;
import dev.apiserverpolicy.model.manifest.CiliumNetworkPolicy;
import dev.apiserverpolicy.model.manifest.KubernetesObject;
import dev.apiserverpolicy.model.manifest.NetworkPolicy;
import dev.apiserverpolicy.read.ManifestReader;
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.bind.InputBinding;
import dev.apiserverpolicy.render.bind.ValidationErrorsTest;
import dev.apiserverpolicy.render.catalogue.EgressCatalogue;
import dev.apiserverpolicy.render.catalogue.PeerGuard;
import dev.apiserverpolicy.render.facts.ClusterFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 23, item 4: what PIT found unchecked in per-cluster binding and in building peers, each tried on
 * the smallest input that shows it. Every test names what a mutant got wrong.
 */
class BindingAndPeersTest {
  private static final String SEED = ValidationErrorsTest.SEED;
  private static final String KKP = ValidationErrorsTest.KKP;

  private static String context(String spec) {
    return "apiVersion: apiserver-policy.dev/v1alpha1\nkind: RenderContext\nmetadata: {name: europe}\nspec:\n"
        + "  seedAPIServerEndpoints: [10.0.0.10]\n" + spec.indent(2);
  }

  private static Inputs read(String... documents) {
    return ManifestReader.create().read("in.yaml", String.join("---\n", documents));
  }

  private static List<Diagnostic> all(String... documents) {
    return ManifestRenderer.renderAll(read(documents), RenderOptions.defaults()).allDiagnostics();
  }

  private static List<KubernetesObject> objects(String cluster, String... documents) {
    return ManifestRenderer.renderAll(read(documents), RenderOptions.defaults()).clusters().stream()
        .filter(c -> c.cluster().equals(cluster)).findFirst().orElseThrow().objects();
  }

  private static List<String> describe(List<Diagnostic> found, DiagnosticCode code) {
    return found.stream().filter(d -> d.code() == code)
        .map(d -> d.object().orElse("") + ": " + d.message() + " | " + d.hint()).toList();
  }

  @Test
  void aSecondObjectOfTheSameNameIsReportedWhereItStandsAndWhereTheFirstDoes() {
    String template = "apiVersion: kubermatic.k8c.io/v1\nkind: ClusterTemplate\nmetadata: {name: t}\nspec: {}\n";
    List<Diagnostic> found = all(SEED, SEED, context(""), context(""), template, template, KKP);
    List<String> duplicates = describe(found, DiagnosticCode.DUPLICATE_OBJECT);
    assertEquals(List.of(
        "Seed/europe: Seed/europe is defined twice; the first is at in.yaml:1 | remove or rename one; this one is "
            + "ignored",
        "RenderContext/europe: RenderContext/europe is defined twice; the first is at in.yaml:13 | remove or rename "
            + "one; this one is ignored",
        "ClusterTemplate/t: ClusterTemplate/t is defined twice; the first is at in.yaml:25 | remove or rename one; "
            + "this one is ignored"), duplicates);
  }

  @Test
  void aContextThatNamesNoSeedSaysWhichSeedsThereAre() {
    String other = SEED.replace("europe", "asia");
    String orphan = context("").replace("name: europe", "name: africa");
    assertEquals(List.of("RenderContext/africa: RenderContext africa names no Seed in the input | name it after one "
        + "of the seeds: europe, asia"), describe(all(SEED, other, orphan, KKP), DiagnosticCode.CONTEXT_BINDING));
    assertEquals(List.of("RenderContext/africa: RenderContext africa names no Seed in the input | add the Seed it "
        + "applies to"), describe(all(orphan, KKP), DiagnosticCode.CONTEXT_BINDING));
  }

  @Test
  void theOnlySeedTakesAClusterItCannotCheck() {
    String noDc = "apiVersion: kubermatic.k8c.io/v1\nkind: Cluster\nmetadata: {name: c}\nspec:\n"
        + "  features: {apiserverNetworkPolicy: true}\nstatus: {address: {externalName: c.example.com}}\n";
    assertFalse(objects("c", SEED, context(""), noDc, KKP).isEmpty(), "no datacenter: the only seed");
    String listsNone = SEED.replace("  datacenters: {dc-1: {}}\n", "");
    assertFalse(objects("c", listsNone, context(""), ValidationErrorsTest.cluster("c",
        "features: {apiserverNetworkPolicy: true}"), KKP).isEmpty(), "a seed that lists no datacenters");
  }

  @Test
  void aClusterNoSeedTakesSaysWhy() {
    String cluster = ValidationErrorsTest.cluster("c", "features: {apiserverNetworkPolicy: true}");
    assertEquals(List.of("Cluster/c: no Seed in the input, so the cluster cannot be rendered | add the Seed that "
        + "hosts this cluster to the input"), describe(all(cluster, KKP), DiagnosticCode.SEED_BINDING));
    String asia = SEED.replace("europe", "asia").replace("dc-1", "dc-2");
    assertEquals(List.of("Cluster/c: no seed lists datacenter dc-9 and the input has 2 seeds | set spec.cloud.dc "
        + "to a datacenter of one of: europe, asia"), describe(all(SEED, asia, cluster.replace("dc-1", "dc-9"),
            KKP), DiagnosticCode.SEED_BINDING));
    String noDc = cluster.replace("  cloud: {dc: dc-1}\n", "");
    assertEquals(List.of("Cluster/c: the cluster names no datacenter (spec.cloud.dc) and the input has 2 seeds | set "
        + "spec.cloud.dc to a datacenter of one of: europe, asia"), describe(all(SEED, asia, noDc, KKP),
            DiagnosticCode.SEED_BINDING));
  }

  @Test
  void aDatacenterTwoLettersOffIsSuggestedAndThreeIsNot() {
    String seed = SEED.replace("{dc-1: {}}", "{dc-1: {}, europe-west3: {}}");
    for (String[] c : new String[][] {{"DC-1", "did you mean 'dc-1'?"}, {"xc-2", "did you mean 'dc-1'?"},
        {"xy-2", "set spec.cloud.dc to one of the seed's datacenters"}}) {
      String cluster = ValidationErrorsTest.cluster("c", "features: {apiserverNetworkPolicy: true}")
          .replace("dc: dc-1", "dc: " + c[0]);
      List<Diagnostic> found = all(seed, context(""), cluster, KKP).stream()
          .filter(d -> d.code() == DiagnosticCode.SEED_BINDING).toList();
      assertEquals(c[1], found.get(0).hint(), c[0]);
    }
  }

  private static final String WEBHOOK = """
      features: {apiserverNetworkPolicy: true}
      authorizationConfig:
        enabledModes: [Webhook]
        authorizationWebhookConfiguration: {secretName: s, secretKey: k}
      """;

  @Test
  void aWebhookWrittenAsAnAddressStaysAnAddressRuleUnderTheCiliumFlavour() {
    String ctx = context("cni: cilium\ncilium: {fqdnEgress: true}\nauthorizationWebhooks:\n"
        + "- {cluster: c, url: \"https://203.0.113.30:8443/authorize\", ips: [203.0.113.30]}");
    List<KubernetesObject> objects = objects("c", SEED, ctx, ValidationErrorsTest.cluster("c", WEBHOOK), KKP);
    NetworkPolicy webhook = objects.stream().filter(o -> o instanceof NetworkPolicy
        && o.metadata().name().equals("authorization-webhook-allow")).map(NetworkPolicy.class::cast).findFirst()
        .orElseThrow(() -> new AssertionError("no NetworkPolicy for an IP-literal webhook: " + objects));
    assertEquals(List.of("203.0.113.30/32"), webhook.egress().get(0).peers().stream().map(NetworkPolicyPeer::ipBlock)
        .flatMap(Optional::stream).map(IpBlock::cidr).map(Object::toString).toList());
    assertTrue(objects.stream().noneMatch(o -> o instanceof CiliumNetworkPolicy
        && o.metadata().name().equals("authorization-webhook-allow")), "not by name");
  }

  @Test
  void eachOidcIssuerGetsItsOwnAddressesWhateverTheSpellingOfItsHost() {
    String ctx = context("""
        oidcIssuers:
        - {url: "https://other.example.com/dex", ips: [203.0.113.99]}
        - {url: "https://dex.example.com/dex", ips: [203.0.113.20]}
        - {url: "https://[2001:db8::20]/dex"}
        """);
    for (String[] c : new String[][] {{"https://Dex.Example.com./dex", "203.0.113.20/32"},
        {"https://[2001:DB8::20]/dex", "2001:db8::20/128"}}) {
      String cluster = ValidationErrorsTest.cluster("c",
          "features: {apiserverNetworkPolicy: true}\noidc: {issuerURL: \"" + c[0] + "\"}");
      NetworkPolicy oidc = objects("c", SEED, ctx, cluster, KKP).stream().filter(o -> o instanceof NetworkPolicy
          && o.metadata().name().equals("oidc-issuer-allow")).map(NetworkPolicy.class::cast).findFirst().orElseThrow();
      assertEquals(List.of(c[1]), oidc.egress().get(0).peers().stream().map(NetworkPolicyPeer::ipBlock)
          .flatMap(Optional::stream).map(IpBlock::cidr).map(Object::toString).toList(), c[0]);
    }
  }

  @Test
  void anInvalidIssuerUrlOrAMissingTokenIssuerIsAnError() {
    String bad = ValidationErrorsTest.cluster("c", "features: {apiserverNetworkPolicy: true}\n"
        + "oidc: {issuerURL: \"ftp://dex.example.com/dex\"}");
    assertEquals(1, describe(all(SEED, context(""), bad, KKP), DiagnosticCode.URL_INVALID).size());
    String gateOn = KKP + "spec: {featureGates: {OpenIDAuthPlugin: true}}\n";
    String plain = ValidationErrorsTest.cluster("c", "features: {apiserverNetworkPolicy: true}");
    assertTrue(all(SEED, context(""), plain, gateOn).stream().anyMatch(d -> d.code() == DiagnosticCode.FIELD_MISSING
        && d.message().startsWith("the OpenIDAuthPlugin gate is on")));
  }

  @Test
  void theContextsIngressNamespaceMustBeTheOverrideOfTheInstallation() {
    String kkp = KKP + "spec: {ingress: {namespaceOverride: ingress-a}}\n";
    String plain = ValidationErrorsTest.cluster("c", "features: {apiserverNetworkPolicy: true}");
    assertTrue(all(SEED, context("ingressNamespace: ingress-b"), plain, kkp).stream().anyMatch(d -> d.code()
        == DiagnosticCode.FIELD_VALUE && d.message().startsWith("ingressNamespace ingress-b differs")));
    assertTrue(all(SEED, context("ingressNamespace: ingress-a"), plain, kkp).stream()
        .noneMatch(d -> d.code() == DiagnosticCode.FIELD_VALUE));
  }

  @Test
  void theContextsUrlsAreChecked() {
    String ctx = context("""
        authenticationConfigurations:
        - secret: {namespace: kubermatic, name: auth, key: config.yaml}
          issuers: ["https://ok.example.com", "ftp://bad.example.com"]
        authorizationWebhooks:
        - {cluster: c, url: "ftp://authz.example.com/x", ips: [203.0.113.30]}
        """);
    List<String> paths = all(SEED, ctx, KKP).stream().filter(d -> d.code() == DiagnosticCode.URL_INVALID)
        .map(Diagnostic::path).toList();
    assertEquals(List.of("spec.authenticationConfigurations[0].issuers[1]", "spec.authorizationWebhooks[0].url"),
        paths);
  }

  @Test
  void aDefaultTemplateTheInputLacksIsReported() {
    String seed = SEED + "  defaultClusterTemplate: golden\n";
    String other = "apiVersion: kubermatic.k8c.io/v1\nkind: ClusterTemplate\nmetadata: {name: silver}\nspec: {}\n";
    assertEquals(1, all(seed, context(""), other, KKP).stream()
        .filter(d -> d.code() == DiagnosticCode.DEFAULT_TEMPLATE_MISSING).count());
    String golden = other.replace("silver", "golden");
    assertEquals(0, all(seed, context(""), golden, KKP).stream()
        .filter(d -> d.code() == DiagnosticCode.DEFAULT_TEMPLATE_MISSING).count());
  }

  @Test
  void portsAreOrderedByProtocolNumberNameAndRangeEnd() {
    List<NetworkPolicyPort> ports = new ArrayList<>(List.of(
        NetworkPolicyPort.builder().protocol(Protocol.TCP).namedPort("https").build(),
        NetworkPolicyPort.builder().protocol(Protocol.TCP).port(80).endPort(90).build(),
        NetworkPolicyPort.builder().protocol(Protocol.TCP).namedPort("dns").build(),
        NetworkPolicyPort.builder().protocol(Protocol.TCP).port(80).endPort(85).build(),
        NetworkPolicyPort.builder().protocol(Protocol.TCP).port(80).build()));
    ports.sort(EgressCatalogue.PORT_ORDER);
    assertEquals("TCP dns, TCP https, TCP 80, TCP 80-85, TCP 80-90", PeerGuard.describe(ports));
  }

  @Test
  void anExtraEgressHostsPortsAreSortedUnderTheCiliumFlavour() {
    String ctx = context("""
        cni: cilium
        cilium: {fqdnEgress: true}
        extraEgress:
        - name: backup-allow
          description: Backups.
          to: [{host: backup.example.com}]
          ports: [{protocol: TCP, port: 9000}, {protocol: TCP, port: 443}]
        """);
    String[] docs = {SEED, ctx, ValidationErrorsTest.cluster("c", "features: {apiserverNetworkPolicy: true}"), KKP};
    CiliumNetworkPolicy backup = objects("c", docs).stream().filter(o -> o instanceof CiliumNetworkPolicy
            && o.metadata().name().equals("backup-allow")).map(CiliumNetworkPolicy.class::cast).findFirst()
        .orElseThrow(() -> new AssertionError(all(docs)));
    assertEquals("TCP 443, TCP 9000", PeerGuard.describe(backup.egress().get(0).ports()));
  }

  @Test
  void anExtraEgressEntryWithoutAddressesPastTheValidatorsIsNeverWritten() {
    String ctx = context("""
        extraEgress:
        - name: backup-allow
          description: Backups.
          to: [{host: backup.example.com}]
          ports: [{protocol: TCP, port: 443}]
        """);
    ClusterInputs inputs = InputBinding.bind(read(SEED, ctx, ValidationErrorsTest.cluster("c",
        "features: {apiserverNetworkPolicy: true}"), KKP)).clusters().get(0);
    List<Diagnostic> found = ManifestRenderer.renderValidated(ClusterFacts.of(inputs, Profile.KKP_V2_31),
        RenderOptions.defaults(), ClusterManifests.builder().seed("europe").cluster("c").namespace("cluster-c"))
        .diagnostics();
    // The host's addresses are not known: building its peers fails, naming it, rather than leaving none.
    assertEquals(DiagnosticCode.INTERNAL_ERROR, found.get(0).code(), found::toString);
    assertTrue(found.get(0).message().contains("the addresses of backup.example.com are not known"),
        found.get(0).message());
    // And an entry with no destination at all is the guard's to refuse.
    ClusterInputs none = InputBinding.bind(read(SEED, ctx.replace("to: [{host: backup.example.com}]", "to: []"),
        ValidationErrorsTest.cluster("c", "features: {apiserverNetworkPolicy: true}"), KKP)).clusters().get(0);
    List<Diagnostic> refused = ManifestRenderer.renderValidated(ClusterFacts.of(none, Profile.KKP_V2_31),
        RenderOptions.defaults(), ClusterManifests.builder().seed("europe").cluster("c").namespace("cluster-c"))
        .diagnostics();
    assertEquals(DiagnosticCode.RULE_WITHOUT_PEERS, refused.get(0).code(), refused::toString);
    assertTrue(refused.get(0).message().contains("backup-allow: a rule without peers would allow TCP 443"));
  }
}
