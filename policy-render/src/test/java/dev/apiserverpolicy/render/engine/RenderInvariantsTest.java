package dev.apiserverpolicy.render.engine;

import static dev.apiserverpolicy.model.Properties.qt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ClusterSpec;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.manifest.KubernetesObject;
import dev.apiserverpolicy.model.manifest.NetworkPolicy;
import dev.apiserverpolicy.model.manifest.NetworkPolicyRule;
import dev.apiserverpolicy.model.manifest.Service;
import dev.apiserverpolicy.read.ManifestReader;
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.InputGenerators;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.Scenarios;
import dev.apiserverpolicy.render.TestInputs;
import dev.apiserverpolicy.render.catalogue.PolicyRenderer;
import dev.apiserverpolicy.render.service.ServiceRenderer;
import dev.apiserverpolicy.render.yaml.YamlManifestWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What must hold for every input, checked over generated inputs of every shape. */
class RenderInvariantsTest {

  private static ClusterManifests render(ClusterInputs inputs) {
    return ManifestRenderer.render(inputs, RenderOptions.defaults());
  }

  private static List<NetworkPolicy> policies(ClusterManifests m) {
    return m.objects().stream().filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast).toList();
  }

  @Test
  void everyGeneratedInputRenders() {
    qt(1000).forAll(InputGenerators.inputs()).checkAssert(inputs -> {
      ClusterManifests m = render(inputs);
      assertFalse(m.failed(), m.diagnostics()::toString);
      assertFalse(m.objects().isEmpty());
    });
  }

  @Test
  void noEgressRuleWithoutPeersButKkpV231sDns() {
    qt(1000).forAll(InputGenerators.inputs()).checkAssert(inputs -> {
      for (NetworkPolicy p : policies(render(inputs))) {
        for (NetworkPolicyRule rule : p.egress()) {
          boolean kkpDns = p.metadata().name().equals("dns-allow") && inputs.effectiveProfile() == Profile.KKP_V2_31;
          if (rule.peers().isEmpty()) {
            assertTrue(kkpDns, p.metadata().name() + " has a rule to anywhere");
            assertEquals(Set.of(53), rule.ports().stream().map(x -> x.port().orElse(0)).collect(Collectors.toSet()));
          }
        }
      }
    });
  }

  @Test
  void gateOffMeansNoPolicies() {
    qt(1000).forAll(InputGenerators.inputs()).checkAssert(inputs -> {
      boolean on = inputs.cluster().spec().apiserverNetworkPolicyGate().orElse(false);
      List<NetworkPolicy> policies = policies(render(inputs));
      assertEquals(on, !policies.isEmpty());
      if (on) {
        assertTrue(policies.stream().anyMatch(p -> p.metadata().name().equals("default-deny-all-egress")));
        assertTrue(policies.stream().allMatch(p -> p.metadata().annotations()
            .getOrDefault(PolicyRenderer.DESCRIPTION_ANNOTATION, "").endsWith(".")));
      }
    });
  }

  @Test
  void noRuleForAComponentTheClusterDoesNotHave() {
    qt(1000).forAll(InputGenerators.inputs()).checkAssert(inputs -> {
      // Under the Cilium flavour a target may be a CiliumNetworkPolicy of the same name: either kind counts.
      Set<String> names = render(inputs).objects().stream().filter(o -> !o.kind().equals("Service"))
          .map(p -> p.metadata().name()).collect(Collectors.toSet());
      ClusterSpec spec = inputs.cluster().spec();
      boolean current = inputs.effectiveProfile() != Profile.KKP_V2_18;
      boolean konnectivity = spec.clusterNetwork().konnectivity();
      if (spec.apiserverNetworkPolicyGate().orElse(false)) {
        boolean kyverno = inputs.effectiveProfile() == Profile.KKP_V2_31
            || inputs.effectiveProfile() == Profile.LEAST_PRIVILEGE && spec.kyvernoEnabled().orElse(false);
        assertEquals(kyverno, names.contains("kyverno-webhook-allow"));
        assertEquals(current && spec.oidcIssuerURL().isPresent(), names.contains("oidc-issuer-allow"));
        assertEquals(current && spec.authorizationWebhook(), names.contains("authorization-webhook-allow"));
        assertEquals(current && konnectivity, names.contains("apiserver-internal-allow"));
        assertEquals(!current || !konnectivity, names.contains("openvpn-server-allow"));
        assertEquals(!current || !konnectivity, names.contains("metrics-server-allow"));
        assertEquals(current, names.contains("seed-apiserver-allow"));
      }
    });
  }

  @Test
  void sourceRangesAreExactlyTheUnionOfTheirInputs() {
    qt(1000).forAll(InputGenerators.inputs()).checkAssert(inputs -> {
      Optional<Service> lb = render(inputs).objects().stream().filter(Service.class::isInstance)
          .map(Service.class::cast).filter(s -> s.metadata().name().equals("front-loadbalancer")).findFirst();
      assertEquals(inputs.effectiveExposeStrategy() == ExposeStrategy.LOAD_BALANCER, lb.isPresent());
      if (lb.isEmpty()) {
        return;
      }
      Set<Cidr> expected = new HashSet<>(inputs.seed().nodeportProxySourceRanges());
      inputs.cluster().spec().apiServerAllowedIPRanges().ifPresent(r -> {
        expected.addAll(r);
        expected.addAll(inputs.seed().defaultAPIServerAllowedIPRanges());
      });
      List<Cidr> rendered = lb.get().loadBalancerSourceRanges();
      assertEquals(expected, new HashSet<>(rendered), "exactly the inputs, nothing merged or widened");
      List<String> texts = rendered.stream().map(Cidr::asWritten).toList();
      assertEquals(texts.size(), new HashSet<>(texts).size(), "no text twice");
      // KKP's order (strings, as written) under its profiles; address order under least-privilege.
      boolean kkp = inputs.effectiveProfile() != Profile.LEAST_PRIVILEGE;
      List<String> sorted = kkp ? texts.stream().sorted().toList()
          : rendered.stream().sorted().map(Cidr::asWritten).toList();
      assertEquals(sorted, texts, "sorted");
      String annotation = lb.get().metadata().annotations().get(ServiceRenderer.SOURCE_RANGES);
      assertEquals(rendered.isEmpty() ? null : String.join(",", texts), annotation);
      // Re-reading the rendered list gives the same ranges.
      assertEquals(rendered, texts.stream().map(Cidr::parse).toList());
    });
  }

  @Test
  void inputOrderChangesNoByte() {
    java.util.Locale locale = java.util.Locale.getDefault();
    java.util.TimeZone zone = java.util.TimeZone.getDefault();
    try {
      inputOrderLocaleAndTimeZoneChangeNoByte();
    } finally {
      java.util.Locale.setDefault(locale);
      java.util.TimeZone.setDefault(zone);
    }
  }

  private void inputOrderLocaleAndTimeZoneChangeNoByte() {
    List<java.util.Locale> locales = List.of(java.util.Locale.forLanguageTag("tr-TR"),
        java.util.Locale.forLanguageTag("ar-SA"), java.util.Locale.forLanguageTag("hi-IN-u-nu-deva"),
            java.util.Locale.ROOT);
    qt(1000).forAll(InputGenerators.inputs(), org.quicktheories.generators.Generate.longRange(0, Long.MAX_VALUE))
        .checkAssert((inputs, seed) -> {
          Random random = new Random(seed);
          ClusterSpec spec = inputs.cluster().spec();
          List<Cidr> ranges = new ArrayList<>(spec.apiServerAllowedIPRanges().orElse(List.of()));
          Collections.shuffle(ranges, random);
          List<Cidr> defaults = new ArrayList<>(inputs.seed().defaultAPIServerAllowedIPRanges());
          Collections.shuffle(defaults, random);
          // Gates are a sorted map in the model; their order in the input is the reader's affair
          // (documentsInAnyOrderChangeNoByte). Other gates beside ours change nothing.
          ClusterSpec.Builder shuffled = ClusterSpec.builder().from(spec)
              .putFeatures("zz-other", true).putFeatures("aa-other", false);
          spec.apiServerAllowedIPRanges().ifPresent(r -> shuffled.apiServerAllowedIPRanges(ranges));
          ClusterInputs other = ClusterInputs.builder().from(inputs)
              .cluster(Cluster.builder().from(inputs.cluster()).spec(shuffled.build()).build())
              .seed(dev.apiserverpolicy.model.Seed.builder().from(inputs.seed())
                  .defaultAPIServerAllowedIPRanges(defaults).build())
              .build();
          String expected = write(render(inputs).objects());
          java.util.Locale.setDefault(locales.get(random.nextInt(locales.size())));
          java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(
              List.of("Pacific/Kiritimati", "America/St_Johns", "Asia/Kathmandu").get(random.nextInt(3))));
          assertEquals(expected, write(render(other).objects()));
          java.util.Locale.setDefault(java.util.Locale.ROOT);
        });
  }

  /**
   * The same documents in any order, with the keys of every flow mapping reversed, render the
   * same bytes for every cluster.
   */
  @Test
  void documentsAndKeysInAnyOrderChangeNoByte() throws IOException {
    List<String> documents = new ArrayList<>();
    for (Path file : TestInputs.quickstartFiles()) {
      for (String document : Files.readString(file, StandardCharsets.UTF_8).split("(?m)^---\\n")) {
        if (!document.isBlank()) {
          documents.add(document);
        }
      }
    }
    // A second seed written in flow style, so that reversing the keys of its mappings means something.
    documents.add("""
        apiVersion: kubermatic.k8c.io/v1
        kind: Seed
        metadata: {name: asia-east, namespace: kubermatic}
        spec:
          datacenters: {dc-a: {}, dc-b: {}}
          exposeStrategy: LoadBalancer
          defaultAPIServerAllowedIPRanges: [10.1.0.0/24]
        """);
    documents.add("""
        apiVersion: apiserver-policy.dev/v1alpha1
        kind: RenderContext
        metadata: {name: asia-east}
        spec:
          profile: least-privilege
          seedAPIServerEndpoints: [10.9.0.11, 10.9.0.10]
          clusterDNS: {namespace: kube-system, podLabels: {k8s-app: kube-dns, tier: node}}
        """);
    documents.add("""
        apiVersion: kubermatic.k8c.io/v1
        kind: Cluster
        metadata: {name: flow, labels: {team: a, tier: gold}}
        spec:
          cloud: {dc: dc-b}
          features: {zz-gate: false, apiserverNetworkPolicy: true, aa-gate: true}
          apiServerAllowedIPRanges: {cidrBlocks: [192.0.2.0/24, 10.2.0.0/16]}
        status: {address: {port: 30443, externalName: flow.example.com}}
        """);
    String expected = renderedStream(documents);
    assertTrue(expected.contains("kind: Service") && expected.contains("namespace: cluster-flow"), expected);
    Random random = new Random(Long.getLong("qt.seed", 20261201L));
    for (int round = 0; round < 30; round++) {
      List<String> shuffled = new ArrayList<>();
      for (String document : documents) {
        shuffled.add(round % 2 == 0 ? reverseFlowMappings(document) : document);
      }
      assertTrue(round % 2 == 1 || !shuffled.equals(documents), "reversing changes the flow mappings");
      Collections.shuffle(shuffled, random);
      assertEquals(expected, renderedStream(shuffled), "round " + round);
    }
  }

  // "{a: 1, b: 2}" becomes "{b: 2, a: 1}" (only flow mappings without nesting, on one line).
  private static String reverseFlowMappings(String document) {
    Matcher m = Pattern.compile("\\{([^{}\\[\\]\\n]*,[^{}\\[\\]\\n]*)\\}").matcher(document);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      List<String> entries = new ArrayList<>(List.of(m.group(1).split(",")));
      Collections.reverse(entries);
      m.appendReplacement(out, Matcher.quoteReplacement(
          "{" + entries.stream().map(String::strip).collect(Collectors.joining(", ")) + "}"));
    }
    return m.appendTail(out).toString();
  }

  private static String renderedStream(List<String> documents) {
    Inputs read = ManifestReader.create().read("in.yaml", String.join("---\n", documents));
    assertFalse(read.hasErrors(), () -> read.diagnostics().toString());
    StringBuilder out = new StringBuilder();
    for (ClusterManifests cluster : ManifestRenderer.renderAll(read, RenderOptions.defaults()).clusters()) {
      out.append(YamlManifestWriter.writeDocuments(cluster.objects()));
    }
    return out.toString();
  }

  private static String write(List<KubernetesObject> objects) {
    return YamlManifestWriter.write(objects, "invariants");
  }

  @Test
  void emptySeedEndpointsAreAnErrorNotAnAllowAll() {
    ClusterInputs inputs = InputGenerators.build(ExposeStrategy.NODE_PORT, Profile.KKP_V2_31,
        new InputGenerators.Features(true, true, false, false, false, false, false, false), Optional.empty(),
        Scenarios.seed(), Optional.of(30000));
    ClusterInputs empty = ClusterInputs.builder().from(inputs)
        .context(RenderContext.builder().from(inputs.context().orElseThrow()).seedAPIServerEndpoints(List.of()).build())
        .build();
    ClusterManifests m = render(empty);
    assertEquals(List.of(), m.objects());
    assertEquals(DiagnosticCode.SEED_ENDPOINTS_MISSING, m.diagnostics().get(0).code());
    assertTrue(m.failed());
  }
}
