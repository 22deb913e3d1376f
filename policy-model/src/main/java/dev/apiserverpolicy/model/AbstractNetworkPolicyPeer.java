package dev.apiserverpolicy.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * One peer of a NetworkPolicy rule ({@code to} of egress, {@code from} of ingress): an ipBlock, or
 * pod and/or namespace selectors
 * (never both kinds, as in {@code networking.k8s.io/v1}).
 */
@Value.Immutable
abstract class AbstractNetworkPolicyPeer {
  /** Addresses, exclusive with the selectors. */
  public abstract Optional<IpBlock> ipBlock();

  /** Pods; alone it means pods in the policy's namespace. */
  public abstract Optional<LabelSelector> podSelector();

  /** Namespaces whose pods (all, or those of {@link #podSelector()}) are peers. */
  public abstract Optional<LabelSelector> namespaceSelector();

  @Value.Check
  void check() {
    boolean selectors = podSelector().isPresent() || namespaceSelector().isPresent();
    if (ipBlock().isPresent() == selectors) {
      throw new IllegalArgumentException(
          "a peer has either an ipBlock or pod/namespace selectors, not both and not neither");
    }
  }
}
