package dev.apiserverpolicy.render.catalogue;

import dev.apiserverpolicy.model.NetworkPolicyPort;
import dev.apiserverpolicy.model.manifest.NetworkPolicyRule;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The last line before an egress rule is written: a rule without peers allows its ports to every address,
 * so it is refused unless its catalogue entry declares exactly that rule ({@link ToAnywhere}, KKP's
 * {@code dns-allow}). The validators should stop every input that would lead to one; this does not rely on
 * them. (A Cilium egress rule is held to the same by its model: it names exactly one kind of destination.)
 *
 * @since 0.1.0
 */
public final class PeerGuard {
  private PeerGuard() {}

  /** {@code rules} of {@code policyName}, if every rule without peers is the one {@code declared}. */
  static List<NetworkPolicyRule> checked(String policyName, Optional<ToAnywhere> declared,
      List<NetworkPolicyRule> rules) {
    for (NetworkPolicyRule rule : rules) {
      if (rule.peers().isEmpty() && !declared.map(d -> sameSet(d.ports(), rule.ports())).orElse(false)) {
        throw new RuleWithoutPeersException(policyName, describe(rule.ports()));
      }
    }
    return rules;
  }

  private static boolean sameSet(List<NetworkPolicyPort> a, List<NetworkPolicyPort> b) {
    return !b.isEmpty() && new HashSet<>(a).equals(new HashSet<>(b));
  }

  public static String describe(List<NetworkPolicyPort> ports) {
    return ports.isEmpty() ? "every port" : ports.stream()
        .map(p -> p.protocol() + " " + p.port().map(String::valueOf).or(p::namedPort).orElse("any")
            + p.endPort().map(e -> "-" + e).orElse(""))
        .collect(Collectors.joining(", "));
  }
}
