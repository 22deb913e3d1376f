package dev.apiserverpolicy.render.catalogue;

import dev.apiserverpolicy.model.ExtraEgressRule;
import dev.apiserverpolicy.model.LabelSelector;
import dev.apiserverpolicy.model.NetworkPolicyPeer;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.manifest.NetworkPolicy;
import dev.apiserverpolicy.model.manifest.NetworkPolicyRule;
import dev.apiserverpolicy.model.manifest.ObjectMeta;
import dev.apiserverpolicy.model.manifest.PolicyType;
import dev.apiserverpolicy.render.facts.ClusterFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the catalogue and the context's extraEgress into the NetworkPolicies of one cluster.
 *
 * @since 0.1.0
 */
public final class PolicyRenderer {
  /** The annotation that says, in one sentence, what a policy allows and why. */
  public static final String DESCRIPTION_ANNOTATION = "apiserver-policy.dev/description";
  private static final LabelSelector APISERVER_PODS =
      LabelSelector.builder().putMatchLabels("app", "apiserver").build();

  private PolicyRenderer() {}

  /** The cluster's policies, sorted by name; none when the gate is not on. */
  public static List<NetworkPolicy> render(ClusterFacts facts) {
    if (!facts.cluster().spec().apiserverNetworkPolicyGate().orElse(false)) {
      return List.of();
    }
    List<NetworkPolicy> policies = new ArrayList<>();
    for (EgressTarget target : EgressCatalogue.TARGETS) {
      if (target.appliesTo(facts)) {
        policies.add(policy(facts, target.policyName(), target.description().apply(facts), rules(target, facts)));
      }
    }
    for (ExtraEgressRule extra : facts.context().map(RenderContext::extraEgress).orElse(List.of())) {
      List<NetworkPolicyPeer> peers = EgressCatalogue.extraEgressPeers(facts, extra);
      if (peers.isEmpty() && facts.fqdnEgress() && !extra.hosts().isEmpty()) {
        continue; // only hosts: the Cilium flavour's CiliumNetworkPolicy of this name reaches them
      }
      // The validator refuses an entry without peers; should it ever let one through, the rule is refused.
      try {
        policies.add(policy(facts, extra.name(), extra.description(),
            List.of(EgressCatalogue.rule(peers, extra.ports()))));
      } catch (RuleWithoutPeersException e) {
        throw e.forPolicy(extra.name());
      }
    }
    policies.sort(Comparator.comparing(p -> p.metadata().name()));
    return List.copyOf(policies);
  }

  /** A target's rules, refused (naming the policy) when one has no peers the target does not declare. */
  static List<NetworkPolicyRule> rules(EgressTarget target, ClusterFacts facts) {
    try {
      return target.rulesFor(facts);
    } catch (RuleWithoutPeersException e) {
      throw e.forPolicy(target.policyName());
    }
  }

  private static NetworkPolicy policy(ClusterFacts facts, String name, String description,
      List<NetworkPolicyRule> egress) {
    return NetworkPolicy.builder()
        .metadata(metadata(facts, name, description))
        .podSelector(APISERVER_PODS)
        .addPolicyTypes(PolicyType.EGRESS)
        .addAllEgress(egress)
        .build();
  }

  /** A policy's metadata, of either kind: its name, the cluster namespace, the description annotation. */
  static ObjectMeta metadata(ClusterFacts facts, String name, String description) {
    return ObjectMeta.builder().name(name).namespace(facts.namespace())
        .putAnnotations(DESCRIPTION_ANNOTATION, description).build();
  }
}
