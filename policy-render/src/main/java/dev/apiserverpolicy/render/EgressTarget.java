package dev.apiserverpolicy.render;

import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.manifest.NetworkPolicyRule;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One entry of the egress catalogue: a NetworkPolicy the apiserver pods may need, the
 * profiles that have it, when a cluster needs it, what it says it does, and its rules.
 */
record EgressTarget(
    String policyName,
    Set<Profile> profiles,
    Predicate<ClusterFacts> when,
    Function<ClusterFacts, String> description,
    Function<ClusterFacts, List<NetworkPolicyRule>> rules) {

  boolean appliesTo(ClusterFacts facts) {
    return profiles.contains(facts.profile()) && when.test(facts);
  }
}
