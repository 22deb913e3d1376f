package dev.apiserverpolicy.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.ApiserverPolicy;
import dev.apiserverpolicy.render.GoldenFiles;
import dev.apiserverpolicy.render.Rendering;
import dev.apiserverpolicy.testing.ProjectFiles;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** The diff compares meaning: exactly the changes made, nothing for a reformatting. */
class AccessDifferTest {
  static AccessDiff diff(Map<String, byte[]> base, Map<String, byte[]> head) {
    return AccessDiffer.compare(rendering(base), rendering(head));
  }

  private static Rendering rendering(Map<String, byte[]> files) {
    ApiserverPolicy.Result result = ApiserverPolicy.create().render(files);
    return Rendering.builder().addAllClusters(result.clusters()).addAllDiagnostics(result.generalFindings()).build();
  }

  /** Each changed cluster with its changes as "kind subject +added -removed". */
  private static Map<String, List<String>> summary(AccessDiff diff) {
    Map<String, List<String>> out = new TreeMap<>();
    for (ClusterDiff c : diff.clusters()) {
      out.put(c.cluster(), c.changes().stream().map(ch -> ch.kind().id() + " " + ch.subject() + " +" + ch.added()
          + " -" + ch.removed()).collect(Collectors.toList()));
    }
    return out;
  }

  @Test
  void fourChangesAreExactlyTheFourChangesAndWhatEachMeans() {
    Map<String, List<String>> changes = summary(diff(QuickstartChanges.base(), QuickstartChanges.fourChanges()));
    String egress = "egress 203.0.113.64/26 +[TCP 9090] -[]";
    assertEquals(Map.of(
        "payments", List.of("source-ranges Service front-loadbalancer +[198.18.0.0/15] -[]", egress),
        "dev-tools", List.of("expose-strategy expose strategy +[] -[]",
            "service-type Service front-loadbalancer +[] -[]", "source-ranges Service front-loadbalancer +[anyone] -[]",
            "source-ranges the seed's nodeport-proxy +[] -[anyone]", egress, changes.get("dev-tools").get(5)),
        "edge-retail", List.of("gate apiserverNetworkPolicy +[] -[]",
            "egress every destination +[All Connections] -[]"),
        "sandbox", List.of(egress)), changes);
    assertTrue(changes.get("dev-tools").get(5)
        .startsWith("finding info[seed-defaults-not-applied] Cluster/dev-tools"),
        "a LoadBalancer without ranges is open, and the lint says why: " + changes.get("dev-tools"));
    List<AccessChange> back = changesOf(diff(QuickstartChanges.fourChanges(), QuickstartChanges.base()), "dev-tools",
        AccessChange.Kind.FINDING);
    assertEquals(1, back.size(), "going back, the finding goes: " + back);
    assertEquals(List.of("clusters/nodeport.yaml:8:3", AccessChange.ABSENT), List.of(back.get(0).before(),
        back.get(0).after()));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(DiffFormat.class)
  void eachFormatWritesTheFourChangesAsItsGoldenFileSays(DiffFormat format) {
    GoldenFiles.assertMatches(ProjectFiles.root().resolve("policy-reach/src/test/resources/golden/diff"),
        "four-changes." + format, format.write(diff(QuickstartChanges.base(), QuickstartChanges.fourChanges())));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = FlowStyle.class, names = {"FLOW", "BLOCK"})
  void reformattingAndReorderingEveryFileIsNoChange(FlowStyle style) {
    Map<String, byte[]> reformatted = YamlReformatter.reformatted(QuickstartChanges.base(), style);
    assertFalse(java.util.Arrays.equals(reformatted.get("seed.yaml"), QuickstartChanges.base().get("seed.yaml")));
    AccessDiff diff = diff(QuickstartChanges.base(), reformatted);
    assertFalse(diff.changed(), () -> DiffFormat.TEXT.write(diff));
    assertEquals("apiserver-policy diff: no change in who may reach what\n", DiffFormat.TEXT.write(diff));
  }

  @Test
  void theSameInputIsNoChange() {
    assertFalse(diff(QuickstartChanges.base(), QuickstartChanges.base()).changed());
  }

  private static List<AccessChange> changesOf(AccessDiff diff, String cluster, AccessChange.Kind kind) {
    return diff.clusters().stream().filter(c -> c.cluster().equals(cluster)).flatMap(c -> c.changes().stream())
        .filter(c -> c.kind() == kind).toList();
  }

  @Test
  void aWidenedRangeSaysWhatWasAdded() {
    Map<String, byte[]> head = new TreeMap<>(QuickstartChanges.base());
    QuickstartChanges.edit(head, "clusters/loadbalancer-restricted.yaml", "192.0.2.0/24 ", "192.0.0.0/16 ");
    List<AccessChange> ranges = changesOf(diff(QuickstartChanges.base(), head), "payments",
        AccessChange.Kind.SOURCE_RANGES);
    assertEquals(1, ranges.size(), ranges::toString);
    assertEquals(List.of("192.0.0.0/16 except [192.0.2.0/24]"), ranges.get(0).added());
    assertEquals(List.of(), ranges.get(0).removed());
    List<AccessChange> narrowed = changesOf(diff(head, QuickstartChanges.base()), "payments",
        AccessChange.Kind.SOURCE_RANGES);
    assertEquals(List.of("192.0.0.0/16 except [192.0.2.0/24]"), narrowed.get(0).removed());
  }

  @Test
  void aMovedDestinationIsOneRemovedAndOneAddedEachWithItsPolicy() {
    Map<String, byte[]> head = new TreeMap<>(QuickstartChanges.base());
    QuickstartChanges.edit(head, "render-context.yaml", "ips: [203.0.113.30]", "ips: [203.0.113.31]");
    List<AccessChange> egress = changesOf(diff(QuickstartChanges.base(), head), "payments", AccessChange.Kind.EGRESS);
    assertEquals(2, egress.size(), egress::toString);
    AccessChange gone = egress.stream().filter(c -> c.subject().equals("203.0.113.30/32")).findFirst().orElseThrow();
    AccessChange added = egress.stream().filter(c -> c.subject().equals("203.0.113.31/32")).findFirst().orElseThrow();
    assertEquals(List.of("TCP 8443"), gone.removed());
    assertEquals(List.of(), gone.added());
    assertEquals(List.of("TCP 8443"), added.added());
    assertEquals(added.allowedBy(), gone.allowedBefore(), "the webhook's policy, before and after");
    assertEquals(1, added.allowedBy().size(), added::toString);
  }

  @Test
  void anAllowListAppearingBringsTheBypassAndClosesTheClusterToAnyone() {
    Map<String, byte[]> head = new TreeMap<>(QuickstartChanges.base());
    QuickstartChanges.edit(head, "clusters/loadbalancer-open.yaml", "  exposeStrategy: LoadBalancer\n",
        "  exposeStrategy: LoadBalancer\n  apiServerAllowedIPRanges: {cidrBlocks: [192.0.2.0/24]}\n");
    AccessDiff diff = diff(QuickstartChanges.base(), head);
    String cluster = diff.clusters().get(0).cluster();
    assertEquals(1, diff.clusters().size(), () -> DiffFormat.TEXT.write(diff));
    AccessChange bypass = changesOf(diff, cluster, AccessChange.Kind.NODEPORT_BYPASS).get(0);
    assertEquals(List.of(AccessChange.ABSENT, "present"), List.of(bypass.before(), bypass.after()));
    AccessChange open = changesOf(diff, cluster, AccessChange.Kind.OPEN_TO_ANYONE).get(0);
    assertEquals(List.of("yes", "no"), List.of(open.before(), open.after()));
    // Before, anyone; now the list and the seed's defaults: every other address is what was removed.
    AccessChange ranges = changesOf(diff, cluster, AccessChange.Kind.SOURCE_RANGES).get(0);
    assertEquals(List.of("0.0.0.0/0 except [10.0.0.0/24, 192.0.2.0/24, 198.51.100.0/28]", "::/0"), ranges.removed());
    assertEquals(List.of("anyone", "10.0.0.0/24, 192.0.2.0/24, 198.51.100.0/28"), List.of(ranges.before(),
        ranges.after()));
  }

  @Test
  void clustersAddedRemovedAndBrokenAreSaidSo() {
    Map<String, byte[]> head = new TreeMap<>(QuickstartChanges.base());
    head.remove("clusters/gate-off.yaml");
    QuickstartChanges.edit(head, "clusters/tunneling.yaml", "    dc: hetzner-fsn1", "    dc: nowhere");
    AccessDiff diff = diff(QuickstartChanges.base(), head);
    Map<String, ClusterDiff.Status> statuses = new TreeMap<>();
    diff.clusters().forEach(c -> statuses.put(c.cluster(), c.status()));
    assertEquals(Map.of("legacy-batch", ClusterDiff.Status.REMOVED, "edge-retail", ClusterDiff.Status.CHANGED),
        statuses);
    AccessChange broken = changesOf(diff, "edge-retail", AccessChange.Kind.CLUSTER).get(0);
    assertEquals(List.of("rendered", "failed"), List.of(broken.before(), broken.after()));
    assertFalse(changesOf(diff, "edge-retail", AccessChange.Kind.FINDING).isEmpty(), "the error that broke it");
    AccessDiff back = diff(head, QuickstartChanges.base());
    assertEquals(ClusterDiff.Status.ADDED, back.clusters().stream().filter(c -> c.cluster().equals("legacy-batch"))
        .findFirst().orElseThrow().status());
  }

  @Test
  void underTheCiliumFlavourANameIsADestinationWithItsPolicy() {
    Map<String, byte[]> base = new TreeMap<>(QuickstartChanges.base());
    QuickstartChanges.edit(base, "render-context.yaml", "  cni: cilium\n",
        "  cni: cilium\n  cilium: {fqdnEgress: true, seedAPIServerEntity: true}\n");
    Map<String, byte[]> head = new TreeMap<>(base);
    QuickstartChanges.edit(head, "render-context.yaml", "https://authz.example.com:8443",
        "https://authz2.example.com:8443");
    List<AccessChange> egress = changesOf(diff(base, head), "payments", AccessChange.Kind.EGRESS);
    assertEquals(List.of("authz.example.com -[TCP 8443] was allowed by [authorization-webhook-allow (Cilium FQDN)]",
        "authz2.example.com +[TCP 8443] allowed by [authorization-webhook-allow (Cilium FQDN)]"),
        egress.stream().map(c -> c.subject() + (c.added().isEmpty() ? " -" + c.removed() + " was allowed by "
            + c.allowedBefore() : " +" + c.added() + " allowed by " + c.allowedBy())).toList());
  }
}
