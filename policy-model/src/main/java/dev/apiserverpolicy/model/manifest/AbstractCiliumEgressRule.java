package dev.apiserverpolicy.model.manifest;

import dev.apiserverpolicy.model.NetworkPolicyPort;
import java.util.List;
import java.util.SortedMap;
import org.immutables.value.Value;

/**
 * One egress rule of a CiliumNetworkPolicy: exactly one kind of destination (Cilium allows
 * {@code toFQDNs} beside no other {@code to*} field), and the ports it may use there. A rule
 * without a destination would allow everywhere: it cannot be built.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractCiliumEgressRule {
  /** {@code toFQDNs[].matchName}: literal DNS names, lower case. */
  public abstract List<String> toFqdnNames();

  /** {@code toFQDNs[].matchPattern}: DNS names with wildcards. */
  public abstract List<String> toFqdnPatterns();

  /** {@code toEntities}, e.g. {@code kube-apiserver}. */
  public abstract List<String> toEntities();

  /** {@code toEndpoints[].matchLabels}: pods in the policy's namespace unless a selector names another. */
  public abstract List<SortedMap<String, String>> toEndpoints();

  /** {@code toPorts[0].ports}; empty means every port. */
  public abstract List<NetworkPolicyPort> ports();

  /** {@code toPorts[0].rules.dns: [{matchPattern: "*"}]}: DNS through Cilium's proxy, which learns the names. */
  @Value.Default
  public boolean dnsProxy() {
    return false;
  }

  @Value.Check
  void check() {
    int kinds = (toFqdnNames().isEmpty() && toFqdnPatterns().isEmpty() ? 0 : 1) + (toEntities().isEmpty() ? 0 : 1)
        + (toEndpoints().isEmpty() ? 0 : 1);
    if (kinds != 1) {
      throw new IllegalStateException("a Cilium egress rule names exactly one kind of destination, not " + kinds);
    }
    if (toEndpoints().stream().anyMatch(java.util.Map::isEmpty)) {
      throw new IllegalStateException("an empty endpoint selector would select every pod");
    }
    if (dnsProxy() && ports().isEmpty()) {
      throw new IllegalStateException("a DNS rule needs the DNS ports");
    }
  }
}
