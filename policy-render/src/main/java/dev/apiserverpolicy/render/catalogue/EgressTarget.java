package dev.apiserverpolicy.render.catalogue;

import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.manifest.NetworkPolicyRule;
import dev.apiserverpolicy.render.facts.ClusterFacts;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One entry of the egress catalogue: a NetworkPolicy the apiserver pods may need, the
 * profiles that have it, when a cluster needs it, what it says it does, its rules, and what
 * the RenderContext must supply for those rules to be right, and, for the one target whose rule
 * has no peers, that rule ({@link ToAnywhere}). A policy whose rules differ by profile is several
 * entries with the same name and disjoint profiles.
 *
 * @since 0.1.0
 */
public record EgressTarget(
    String policyName,
    Set<Profile> profiles,
    Predicate<ClusterFacts> when,
    Function<ClusterFacts, String> description,
    Function<ClusterFacts, List<NetworkPolicyRule>> rules,
    Set<ContextNeed> needs,
    Optional<ToAnywhere> toAnywhere) {

  /**
   * What a target's rules take from the RenderContext (or the inputs beside it) because KKP
   * resolves it at run time. Missing, the rule would be wrong or allow too much, so the
   * validator makes it an error for every cluster of a profile that has the target.
   */
  public enum ContextNeed {
    /** The seed API server's endpoint addresses. */
    SEED_ENDPOINTS,
    /** The seed's cluster DNS (namespace and pod labels). */
    CLUSTER_DNS,
    /** The addresses of the cluster's OIDC issuers. */
    ISSUER_ADDRESSES,
    /** The addresses of the cluster's authorization webhook. */
    WEBHOOK_ADDRESSES
  }

  public EgressTarget {
    profiles = Set.copyOf(profiles);
    needs = Set.copyOf(needs);
  }

  /** A target whose every rule has peers. */
  EgressTarget(String policyName, Set<Profile> profiles, Predicate<ClusterFacts> when,
      Function<ClusterFacts, String> description, Function<ClusterFacts, List<NetworkPolicyRule>> rules,
      Set<ContextNeed> needs) {
    this(policyName, profiles, when, description, rules, needs, Optional.empty());
  }

  /** The target's rules for {@code facts}, refused if one has no peers and is not the declared one. */
  List<NetworkPolicyRule> rulesFor(ClusterFacts facts) {
    return PeerGuard.checked(policyName, toAnywhere, rules.apply(facts));
  }

  boolean appliesTo(ClusterFacts facts) {
    return profiles.contains(facts.profile()) && when.test(facts);
  }
}
