package dev.apiserverpolicy.render.lint;

import static dev.apiserverpolicy.model.Properties.qt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.ClientNetworks;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ClusterNetwork;
import dev.apiserverpolicy.model.ClusterSpec;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.model.IpFamily;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.Seed;
import dev.apiserverpolicy.model.Severity;
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.Rendering;
import dev.apiserverpolicy.render.Scenarios;
import dev.apiserverpolicy.render.bind.ValidationErrorsTest;
import dev.apiserverpolicy.render.engine.FindingLimits;
import dev.apiserverpolicy.render.engine.ManifestRenderer;
import dev.apiserverpolicy.render.facts.ClusterFacts;
import java.math.BigInteger;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.generators.SourceDSL;

/** One minimal trigger and one near miss per lint code, and the lock-out ranges against brute force. */
class OperationalLintsTest {
  private static final List<Cidr> OFFICE = List.of(Cidr.parse("192.0.2.0/24"));

  /** A clean LoadBalancer cluster with an allow-list that covers its declared clients. */
  private static ClusterInputs base() {
    return ClusterInputs.builder()
        .cluster(Cluster.builder().name("prod-1").spec(ClusterSpec.builder()
            .putFeatures(ClusterSpec.APISERVER_NETWORK_POLICY, true)
            .exposeStrategy(ExposeStrategy.LOAD_BALANCER)
            .datacenter("dc-1").cloudProvider("aws")
            .apiServerAllowedIPRanges(OFFICE)
            .clusterNetwork(ClusterNetwork.builder().konnectivityEnabled(true).build())
            .build()).build())
        .seed(Seed.builder().name("s").addDatacenters("dc-1").build())
        .context(RenderContext.builder().name("s").cni("cilium")
            .clientNetworks(ClientNetworks.builder().addUserClusterWorkers(Cidr.parse("192.0.2.0/25")).build())
            .build())
        .kubermaticConfiguration(Scenarios.INSTALLATION)
        .build();
  }

  private static ClusterInputs spec(ClusterInputs in, UnaryOperator<ClusterSpec.Builder> change) {
    return ClusterInputs.builder().from(in).cluster(Cluster.builder().from(in.cluster())
        .spec(change.apply(ClusterSpec.builder().from(in.cluster().spec())).build()).build()).build();
  }

  private static ClusterInputs context(ClusterInputs in, UnaryOperator<RenderContext.Builder> change) {
    return ClusterInputs.builder().from(in).context(change.apply(RenderContext.builder().from(in.context().get()))
        .build()).build();
  }

  private static ClusterInputs seed(ClusterInputs in, UnaryOperator<Seed.Builder> change) {
    return ClusterInputs.builder().from(in).seed(change.apply(Seed.builder().from(in.seed())).build()).build();
  }

  record Case(DiagnosticCode code, ClusterInputs trigger, ClusterInputs nearMiss, Profile profile) {
    @Override
    public String toString() {
      return code.id();
    }
  }

  static Stream<Case> cases() {
    ClusterInputs b = base();
    return Stream.of(
        new Case(DiagnosticCode.LOCKOUT,
            context(b, c -> c.clientNetworks(ClientNetworks.builder().addSeedPods(Cidr.parse("10.244.0.0/16"))
                .build())),
            context(b, c -> c.clientNetworks(ClientNetworks.builder().addSeedPods(Cidr.parse("192.0.2.128/25"))
                .build())),
            Profile.KKP_V2_31),
        new Case(DiagnosticCode.OPEN_TO_EVERYONE,
            spec(b, s -> s.apiServerAllowedIPRanges(List.of(Cidr.parse("0.0.0.0/0")))),
            spec(b, s -> s.apiServerAllowedIPRanges(List.of(Cidr.parse("0.0.0.0/1"), Cidr.parse("192.0.2.0/24")))),
            Profile.KKP_V2_31),
        new Case(DiagnosticCode.RANGE_DUPLICATE,
            spec(b, s -> s.apiServerAllowedIPRanges(List.of(OFFICE.get(0), OFFICE.get(0)))),
            spec(b, s -> s.apiServerAllowedIPRanges(List.of(OFFICE.get(0), Cidr.parse("198.51.100.0/24")))),
            Profile.KKP_V2_31),
        new Case(DiagnosticCode.RANGE_NESTED,
            spec(b, s -> s.apiServerAllowedIPRanges(List.of(Cidr.parse("192.0.2.0/24"), Cidr.parse("192.0.2.64/26")))),
            spec(b, s -> s.apiServerAllowedIPRanges(List.of(Cidr.parse("192.0.2.0/25"), Cidr.parse("192.0.2.128/25")))),
            Profile.KKP_V2_31),
        new Case(DiagnosticCode.RANGE_FAMILY_MISMATCH,
            spec(b, s -> s.apiServerAllowedIPRanges(List.of(OFFICE.get(0), Cidr.parse("2001:db8::/48")))),
            spec(b, s -> s.apiServerAllowedIPRanges(List.of(OFFICE.get(0), Cidr.parse("2001:db8::/48")))
                .clusterNetwork(ClusterNetwork.builder().ipFamily(IpFamily.DUAL_STACK).build())),
            Profile.KKP_V2_31),
        new Case(DiagnosticCode.SOURCE_RANGES_UNSUPPORTED,
            spec(b, s -> s.cloudProvider("vsphere")),
            spec(b, s -> s.cloudProvider("openstack")),
            Profile.KKP_V2_31),
        new Case(DiagnosticCode.CNI_NO_NETWORKPOLICY,
            context(b, c -> c.cni("flannel")),
            context(b, c -> c.cni("canal")),
            Profile.KKP_V2_31),
        new Case(DiagnosticCode.KYVERNO_RULE_MISSING,
            spec(b, s -> s.kyvernoEnabled(true)),
            spec(b, s -> s.kyvernoEnabled(true)),
            Profile.KKP_V2_18),
        new Case(DiagnosticCode.NODEPORT_BYPASS,
            b,
            spec(b, s -> s.apiServerAllowedIPRanges(java.util.Optional.empty())),
            Profile.KKP_V2_31),
        new Case(DiagnosticCode.KONNECTIVITY_DISABLED,
            spec(b, s -> s.clusterNetwork(ClusterNetwork.builder().konnectivityEnabled(false).build())),
            spec(b, s -> s.clusterNetwork(ClusterNetwork.builder().konnectivityEnabled(true).build())),
            Profile.KKP_V2_31),
        new Case(DiagnosticCode.APISERVER_LOAD_BALANCER_UNRESTRICTED,
            seed(b, s -> s.putDatacenterSettings("dc-1", dev.apiserverpolicy.model.DatacenterSettings.builder()
                .apiServerServiceType(dev.apiserverpolicy.model.manifest.ServiceType.LOAD_BALANCER).build())),
            seed(b, s -> s.putDatacenterSettings("dc-1", dev.apiserverpolicy.model.DatacenterSettings.builder()
                .apiServerServiceType(dev.apiserverpolicy.model.manifest.ServiceType.NODE_PORT).build())),
            Profile.KKP_V2_31),
        new Case(DiagnosticCode.WEBHOOK_PORT_DIFFERS,
            context(spec(b, s -> s.authorizationWebhook(true)), c -> c.addAuthorizationWebhooks(
                dev.apiserverpolicy.model.AuthorizationWebhook.builder().cluster("prod-1")
                    .url("https://authz.example.com:8443/authorize").addIps(Cidr.parseHost("203.0.113.30")).build())),
            context(spec(b, s -> s.authorizationWebhook(true)), c -> c.addAuthorizationWebhooks(
                dev.apiserverpolicy.model.AuthorizationWebhook.builder().cluster("prod-1")
                    .url("https://authz.example.com/authorize").addIps(Cidr.parseHost("203.0.113.30")).build())),
            Profile.KKP_V2_31),
        new Case(DiagnosticCode.NAMESPACE_UNCONVENTIONAL,
            ClusterInputs.builder().from(b).cluster(Cluster.builder().from(b.cluster()).statusNamespace("prod-one")
                .build()).build(),
            ClusterInputs.builder().from(b).cluster(Cluster.builder().from(b.cluster())
                .statusNamespace("cluster-prod-1")
                .build()).build(),
            Profile.KKP_V2_31),
        new Case(DiagnosticCode.SEED_DEFAULTS_NOT_APPLIED,
            seed(spec(b, s -> s.apiServerAllowedIPRanges(java.util.Optional.empty())),
                s -> s.addDefaultAPIServerAllowedIPRanges(OFFICE.get(0))),
            seed(spec(b, s -> s.apiServerAllowedIPRanges(List.of())),
                s -> s.addDefaultAPIServerAllowedIPRanges(OFFICE.get(0))),
            Profile.KKP_V2_31));
  }

  private static Set<DiagnosticCode> codes(ClusterInputs in, Profile profile) {
    return OperationalLints.lint(in, profile).stream().map(Diagnostic::code).collect(Collectors.toSet());
  }

  /** Issue 22: the lints judge the rendered list; a seed-level 0.0.0.0/0 or ::/0 names the Seed's file and line. */
  @Test
  void aSeedLevelRangeForEveryoneIsReportedForEachClusterItOpens() {
    String seed = """
        apiVersion: kubermatic.k8c.io/v1
        kind: Seed
        metadata: {name: europe}
        spec:
          datacenters: {dc-1: {}}
          defaultAPIServerAllowedIPRanges: [192.0.2.0/24, "::/0"]
          nodeportProxy: {envoy: {loadBalancerService: {sourceRanges: [0.0.0.0/0]}}}
        """;
    String clusters = java.util.stream.Stream.of("a", "b").map(n -> ValidationErrorsTest.cluster(n,
        "exposeStrategy: LoadBalancer\nclusterNetwork: {ipFamily: IPv4+IPv6}\n"
            + "apiServerAllowedIPRanges: {cidrBlocks: [198.51.100.0/24]}")).collect(Collectors.joining("---\n"));
    String text = String.join("---\n", seed, ValidationErrorsTest.CONTEXT, clusters, ValidationErrorsTest.KKP);
    Rendering r = ManifestRenderer.renderAll(dev.apiserverpolicy.read.ManifestReader.create().read("in.yaml", text),
        RenderOptions.defaults());
    List<String> open = r.allDiagnostics().stream().filter(d -> d.code() == DiagnosticCode.OPEN_TO_EVERYONE)
        .map(d -> d.object().orElse("") + " " + d.line() + " " + d.path() + ": " + d.message()).toList();
    assertEquals(List.of(
        "Cluster/a 6 spec.defaultAPIServerAllowedIPRanges[1]: ::/0 (Seed europe's defaults, appended to this "
            + "cluster's ranges) allows every IPv6 address into front-loadbalancer: the allow-list restricts "
            + "nothing for that family",
        // KKP v2.31's Seed schema takes IPv4 source ranges only for the nodeport-proxy.
        "Cluster/a 7 spec.nodeportProxy.envoy.loadBalancerService.sourceRanges[0]: 0.0.0.0/0 (Seed europe's "
            + "nodeport-proxy source ranges, added to every cluster's) allows every IPv4 address into "
            + "front-loadbalancer: the allow-list restricts nothing for that family"),
        open.stream().filter(o -> o.startsWith("Cluster/a")).toList());
    assertEquals(2, open.stream().filter(o -> o.startsWith("Cluster/b")).count(), "each cluster it opens");
    assertTrue(r.allDiagnostics().stream().filter(d -> d.object().orElse("").equals("Cluster/a"))
        .noneMatch(d -> d.code() == DiagnosticCode.RANGE_FAMILY_MISMATCH), "the rendered list has IPv6 ranges");
  }

  @Test
  void theBaseIsCleanButForTheBypass() {
    assertEquals(Set.of(DiagnosticCode.NODEPORT_BYPASS), codes(base(), Profile.KKP_V2_31));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void triggersAndNearMisses(Case c) {
    List<Diagnostic> found = OperationalLints.lint(c.trigger(), c.profile());
    Diagnostic d = found.stream().filter(x -> x.code() == c.code()).findFirst()
        .orElseThrow(() -> new AssertionError(c.code() + " not found in " + found));
    assertTrue(d.severity() != Severity.ERROR);
    assertEquals("Cluster/prod-1", d.object().orElse(""));
    assertTrue(!d.path().isEmpty() && !d.hint().isBlank() && !d.message().isBlank(), d::describe);
    Profile nearMissProfile = c.code() == DiagnosticCode.KYVERNO_RULE_MISSING ? Profile.KKP_V2_31 : c.profile();
    assertTrue(!codes(c.nearMiss(), nearMissProfile).contains(c.code()),
        () -> c.code() + " on the near miss: " + OperationalLints.lint(c.nearMiss(), nearMissProfile));
  }

  /** A lint added to {@link OperationalLints#LINTS} without a case here fails, as does a code two lints report. */
  @Test
  void everyLintCodeHasACase() {
    List<DiagnosticCode> declared = OperationalLints.LINTS.stream().flatMap(l -> l.codes().stream()).toList();
    Set<DiagnosticCode> once = EnumSet.noneOf(DiagnosticCode.class);
    declared.forEach(code -> assertTrue(once.add(code), code + " is reported by two lints"));
    assertEquals(once,
        cases().map(Case::code).collect(Collectors.toCollection(() -> EnumSet.noneOf(DiagnosticCode.class))));
    assertTrue(once.containsAll(EnumSet.range(DiagnosticCode.LOCKOUT, DiagnosticCode.SEED_DEFAULTS_NOT_APPLIED)));
  }

  /** A lint's codes are in docs/spec.md's table of lints, with their severity. */
  @Test
  void everyLintCodeIsInTheSpecsTableOfLints() throws java.io.IOException {
    String spec = java.nio.file.Files.readString(dev.apiserverpolicy.testing.ProjectFiles.root()
        .resolve("docs/spec.md"));
    String lints = spec.substring(spec.indexOf("\nLints ("), spec.indexOf("\n## 8. CLI"));
    for (OperationalLints.Lint lint : OperationalLints.LINTS) {
      for (DiagnosticCode code : lint.codes()) {
        assertTrue(java.util.regex.Pattern.compile("(?m)^\\| [^|]*`" + code.id() + "`[^|]* \\| "
            + code.defaultSeverity().name().toLowerCase(java.util.Locale.ROOT) + " \\|").matcher(lints).find(),
            code.id() + " is not in docs/spec.md's table of lints with severity " + code.defaultSeverity());
      }
    }
  }

  @Test
  void lockOutNamesTheNetworkAndTheExactMissingAddresses() {
    ClusterInputs in = context(base(), c -> c.clientNetworks(ClientNetworks.builder()
        .addKkpMasterNodes(Cidr.parse("192.0.2.0/23")).build()));
    Diagnostic d = OperationalLints.lint(in, Profile.KKP_V2_31).stream()
        .filter(x -> x.code() == DiagnosticCode.LOCKOUT).findFirst().orElseThrow();
    assertEquals("client network kkpMasterNodes cannot reach the API server: 192.0.3.0/24 not covered by the "
        + "allowed ranges", d.message());
  }

  @Test
  void lockOutRangesAreExactlyTheUncoveredAddresses() {
    Cidr universe = Cidr.parse("10.0.0.0/24");
    org.quicktheories.core.Gen<List<Cidr>> lists = SourceDSL.lists()
        .of(dev.apiserverpolicy.model.CidrGenerators.cidrsWithin(universe)).ofSizeBetween(0, 4);
    qt(1000).forAll(lists, lists).checkAssert((network, allowed) -> {
      List<Cidr> uncovered = OperationalLints.uncovered(network, allowed);
      for (int i = 0; i < 256; i++) {
        Cidr a = Cidr.of(Cidr.Family.IPV4, universe.firstAddress().add(BigInteger.valueOf(i)), 32);
        boolean expected = network.stream().anyMatch(n -> n.contains(a))
            && allowed.stream().noneMatch(r -> r.contains(a));
        assertEquals(expected, uncovered.stream().anyMatch(u -> u.contains(a)), a + ": " + network + " - " + allowed);
      }
    });
  }

  @Test
  void duplicatesAndNestingAreFoundOncePerRangeAsComparingEveryPairWould() {
    Cidr universe = Cidr.parse("10.0.0.0/28");
    org.quicktheories.core.Gen<List<Cidr>> lists = SourceDSL.lists()
        .of(dev.apiserverpolicy.model.CidrGenerators.cidrsWithin(universe)).ofSizeBetween(0, 12);
    qt(1000).forAll(lists).checkAssert(ranges -> {
      java.util.List<String> expected = new java.util.ArrayList<>();
      for (int i = 0; i < ranges.size(); i++) {
        Cidr r = ranges.get(i);
        int first = ranges.indexOf(r);
        if (first < i) {
          expected.add("range-duplicate [" + i + "] also at index " + first);
          continue;
        }
        // The outermost other range around it, by its first occurrence.
        Cidr outer = null;
        for (Cidr o : ranges) {
          if (!o.equals(r) && o.contains(r) && (outer == null || o.prefixLength() < outer.prefixLength())) {
            outer = o;
          }
        }
        if (outer != null) {
          expected.add("range-nested [" + i + "] inside " + outer + " (index " + ranges.indexOf(outer) + ")");
        }
      }
      List<Diagnostic> found = OperationalLints.duplicatesAndNesting(ClusterFacts.of(base(), Profile.KKP_V2_31), ranges,
          dev.apiserverpolicy.model.FieldPath.of("p"));
      List<String> actual = found.stream().map(d -> d.code().id() + " " + d.path().substring(1) + " "
          + (d.code() == DiagnosticCode.RANGE_DUPLICATE
              ? d.message().substring(d.message().indexOf("also at index")).replace(")", "")
              : d.message().substring(d.message().indexOf("inside"), d.message().indexOf(", which"))))
          .toList();
      assertEquals(expected, actual, ranges.toString());
    });
  }

  @Test
  void aHugeListIsLintedInNearLinearTimeWithBoundedFindings() {
    // 6,000 copies of one range, and 15,000 distinct /32s nested in a /8 (as many as fit a Service): one pass each.
    List<Cidr> copies = java.util.Collections.nCopies(6_000, OFFICE.get(0));
    List<Cidr> nested = new java.util.ArrayList<>();
    nested.add(Cidr.parse("10.0.0.0/8"));
    for (int i = 0; i < 15_000; i++) {
      nested.add(Cidr.parse("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255) + "/32"));
    }
    for (List<Cidr> ranges : List.of(copies, nested)) {
      long start = System.nanoTime();
      ClusterInputs in = context(spec(base(), s -> s.apiServerAllowedIPRanges(ranges)),
          c -> c.seedAPIServerEndpoints(List.of(Cidr.parse("10.0.0.10/32"))));
      ClusterManifests m = ManifestRenderer.render(in, RenderOptions.defaults());
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 5_000, "took " + millis + " ms");
      java.util.Map<DiagnosticCode, Long> perCode = m.diagnostics().stream()
          .collect(Collectors.groupingBy(Diagnostic::code, Collectors.counting()));
      assertTrue(perCode.values().stream().allMatch(n -> n <= FindingLimits.PER_CODE + 1), perCode::toString);
      Diagnostic summary = m.diagnostics().stream().filter(d -> d.message().startsWith("and ")).findFirst()
          .orElseThrow(() -> new AssertionError(m.diagnostics().toString()));
      assertTrue(summary.message().matches("and (5979|14980) more range-(duplicate|nested) findings for "
          + "Cluster/prod-1, not shown .*"), summary.message());
    }
  }
}
