package dev.apiserverpolicy.render.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.manifest.CiliumEgressRule;
import dev.apiserverpolicy.model.manifest.NetworkPolicy;
import dev.apiserverpolicy.model.manifest.NetworkPolicyRule;
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.Rendering;
import dev.apiserverpolicy.render.bind.InputBinding;
import dev.apiserverpolicy.render.engine.PastTheValidators;
import dev.apiserverpolicy.render.facts.ClusterFacts;
import dev.apiserverpolicy.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Issue 23, item 1: the renderer, not the validator, is the last line. No catalogue target, with every list it
 * is built from empty, renders a rule without peers, except the one rule the catalogue declares to go to every
 * address (KKP v2.31's dns-allow).
 */
class PeerGuardTest {
  /** The quick start's context with every address list the catalogue builds rules from left empty. */
  private static String emptyLists(String context) {
    return context.replace("ips: [203.0.113.20]", "ips: []").replace("ips: [203.0.113.30]", "ips: []")
        .replace("seedAPIServerEndpoints: [10.0.0.10, 10.0.0.11, 10.0.0.12]", "seedAPIServerEndpoints: []")
        .replace("    - ipBlock: {cidr: 203.0.113.40/32}\n", "").replace("    to:\n", "    to: []\n");
  }

  private static final List<UnaryOperator<String>> FLAVOURS = List.of(UnaryOperator.identity(),
      c -> c.replace("  cni: cilium\n", "  cni: cilium\n  cilium: {fqdnEgress: true, seedAPIServerEntity: true}\n"),
      c -> c.replace("  cni: cilium\n", "  cni: cilium\n  cilium: {fqdnEgress: true}\n"));

  @Test
  void noTargetWithItsListsEmptyRendersARuleWithoutPeersButTheDeclaredOne() {
    Set<String> reached = new TreeSet<>();
    Set<String> refused = new TreeSet<>();
    for (UnaryOperator<String> flavour : FLAVOURS) {
      Inputs read = CiliumFlavourTest.quickstartRead(c -> flavour.apply(emptyLists(c)));
      for (ClusterInputs inputs : InputBinding.bind(read).clusters()) {
        for (Profile profile : Profile.values()) {
          ClusterFacts facts = ClusterFacts.of(inputs, profile);
          for (EgressTarget target : EgressCatalogue.TARGETS) {
            if (target.appliesTo(facts)) {
              reached.add(target.policyName());
              try {
                for (NetworkPolicyRule rule : PolicyRenderer.rules(target, facts)) {
                  assertTrue(!rule.peers().isEmpty() || target.toAnywhere().isPresent(), target.policyName());
                }
              } catch (RuleWithoutPeersException e) {
                assertEquals(target.policyName(), e.policyName());
                refused.add(target.policyName());
              }
            }
          }
        }
      }
    }
    List<String> all = EgressCatalogue.TARGETS.stream().map(EgressTarget::policyName).distinct().sorted().toList();
    assertEquals(all, List.copyOf(reached), "every target was tried with its lists empty");
    // The targets built from an address list: with it empty, refused, never written without peers.
    assertEquals(Set.of("authorization-webhook-allow", "seed-apiserver-allow"), refused);
  }

  @Test
  void onlyDnsAllowUnderKkpV231DeclaresARuleToEveryAddressWithItsKkpSource() {
    List<String> declared = EgressCatalogue.TARGETS.stream().filter(t -> t.toAnywhere().isPresent())
        .map(t -> t.policyName() + " " + t.profiles() + " " + PeerGuard.describe(t.toAnywhere().get().ports()))
        .toList();
    assertEquals(List.of("dns-allow [kkp-v2.31] UDP 53, TCP 53"), declared);
    assertTrue(EgressCatalogue.TARGETS.stream().flatMap(t -> t.toAnywhere().stream())
        .allMatch(d -> d.kkpSource().contains("networkpolicy.go")));
    assertThrows(IllegalArgumentException.class, () -> new ToAnywhere(List.of(), "somewhere"),
        "no peers and no ports would allow everything");
  }

  @Test
  void aRuleWithoutPeersThatNoEntryDeclaresIsRefusedWhereverItComesFrom() {
    NetworkPolicyRule bare = NetworkPolicyRule.builder().addAllPorts(EgressCatalogue.tcp(8443)).build();
    RuleWithoutPeersException e = assertThrows(RuleWithoutPeersException.class,
        () -> PeerGuard.checked("authorization-webhook-allow", Optional.empty(), List.of(bare)));
    assertEquals("authorization-webhook-allow: a rule without peers would allow TCP 8443 to every address",
        e.getMessage());
    // A declaration covers its own ports only.
    ToAnywhere dns = new ToAnywhere(List.of(EgressCatalogue.port(dev.apiserverpolicy.model.Protocol.UDP, 53)), "x");
    assertThrows(RuleWithoutPeersException.class, () -> PeerGuard.checked("dns-allow", Optional.of(dns),
        List.of(bare)));
    assertThrows(RuleWithoutPeersException.class, () -> PeerGuard.checked("dns-allow", Optional.of(dns),
        List.of(NetworkPolicyRule.builder().build())), "no ports: everything");
    // A Cilium rule is held to it by its model: it names exactly one kind of destination.
    assertThrows(IllegalStateException.class,
        () -> CiliumEgressRule.builder().addAllPorts(EgressCatalogue.tcp(443)).build());
    assertThrows(RuleWithoutPeersException.class, () -> EgressCatalogue.rule(List.of(), List.of()));
  }

  /**
   * With the validator's check in place, the webhook without addresses is its finding and the guard never has
   * to refuse; remove the check and this fails on the guard's rule-without-peers, not on a missing finding alone.
   */
  @Test
  void aWebhookWithoutAddressesIsStoppedAndNothingRenderedHasARuleWithoutPeers() {
    Rendering r = CiliumFlavourTest.quickstart(c -> c.replace("ips: [203.0.113.30]", "ips: []"));
    ClusterManifests payments = r.clusters().stream().filter(c -> c.cluster().equals("payments")).findFirst()
        .orElseThrow();
    assertEquals(List.of(), r.allDiagnostics().stream().filter(d -> d.code() == DiagnosticCode.RULE_WITHOUT_PEERS)
        .map(d -> d.message()).toList(), "the guard had to refuse: a check before it let the input through");
    assertTrue(payments.diagnostics().stream().anyMatch(d -> d.code() == DiagnosticCode
        .AUTHORIZATION_WEBHOOK_UNRESOLVED), payments.diagnostics()::toString);
    assertEquals(List.of(), payments.objects());
    for (ClusterManifests c : r.clusters()) {
      c.objects().stream().filter(o -> o instanceof NetworkPolicy).map(NetworkPolicy.class::cast)
          .filter(p -> !p.metadata().name().equals("dns-allow"))
          .forEach(p -> assertTrue(p.egress().stream().noneMatch(rule -> rule.peers().isEmpty()), p::toString));
    }
  }

  @Test
  void theRendererTurnsARefusalIntoAnErrorOfTheCluster() {
    Inputs read = CiliumFlavourTest.quickstartRead(c -> c.replace("ips: [203.0.113.30]", "ips: []"));
    ClusterInputs payments = InputBinding.bind(read).clusters().stream()
        .filter(c -> c.cluster().name().equals("payments")).findFirst().orElseThrow();
    // Past every validator: straight to the renderer, as a future path around them would go.
    ClusterManifests m = PastTheValidators.render(ClusterFacts.of(payments, Profile.KKP_V2_31),
        RenderOptions.defaults(),
        ClusterManifests.builder().seed("europe-west").cluster("payments").namespace("cluster-payments"));
    assertEquals(List.of(), m.objects());
    assertTrue(m.diagnostics().stream().anyMatch(d -> d.code() == DiagnosticCode.RULE_WITHOUT_PEERS
        && d.message().contains("authorization-webhook-allow: a rule without peers would allow TCP 8443")),
        m.diagnostics()::toString);
  }

  /** Rules are built in one place: no other main source of the renderer builds a NetworkPolicyRule. */
  @Test
  void onlyTheCatalogueBuildsNetworkPolicyRules() throws IOException {
    List<String> building = new ArrayList<>();
    List<Path> sources = ProjectFiles.mainSources("policy-render");
    assertTrue(sources.size() > 40, "the renderer's sources: " + sources.size());
    for (Path f : sources) {
      if (Files.readString(f).contains("NetworkPolicyRule.builder()")) {
        building.add(f.getFileName().toString());
      }
    }
    assertEquals(List.of("EgressCatalogue.java"), building);
  }
}
