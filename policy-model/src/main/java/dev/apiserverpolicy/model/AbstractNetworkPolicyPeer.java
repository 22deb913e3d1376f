package dev.apiserverpolicy.model;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One peer of a NetworkPolicy rule ({@code to} of egress, {@code from} of ingress): an ipBlock, or
 * pod and/or namespace selectors
 * (never both kinds, as in {@code networking.k8s.io/v1}).
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractNetworkPolicyPeer {
  /** Addresses, exclusive with the selectors. */
  public abstract Optional<IpBlock> ipBlock();

  /** Pods; alone it means pods in the policy's namespace. */
  public abstract Optional<LabelSelector> podSelector();

  /** Namespaces whose pods (all, or those of {@link #podSelector()}) are peers. */
  public abstract Optional<LabelSelector> namespaceSelector();

  /** Kubernetes' rule for a peer at {@code at}: an ipBlock or selectors, not both and not neither. */
  public static List<FieldError> validate(boolean ipBlock, boolean selectors, FieldPath at) {
    if (ipBlock != selectors) {
      return List.of();
    }
    return List.of(new FieldError(at, DiagnosticCode.FIELD_VALUE,
        ipBlock ? "a peer with both an ipBlock and selectors" : "a peer with neither an ipBlock nor selectors",
        "give either ipBlock, or podSelector and/or namespaceSelector"));
  }

  // Input is checked by validate() before it is built; a value built in code is checked here.
  @Value.Check
  void check() {
    FieldError.throwFirst(validate(ipBlock().isPresent(),
        podSelector().isPresent() || namespaceSelector().isPresent(), FieldPath.root()));
  }
}
