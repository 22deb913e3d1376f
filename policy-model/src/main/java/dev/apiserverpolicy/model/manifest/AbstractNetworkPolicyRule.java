package dev.apiserverpolicy.model.manifest;

import dev.apiserverpolicy.model.NetworkPolicyPeer;
import dev.apiserverpolicy.model.NetworkPolicyPort;
import java.util.List;
import org.immutables.value.Value;

/**
 * One ingress or egress rule. Kubernetes reads an empty peer list as "every peer" and an
 * empty port list as "every port"; both are deliberate here and never a default.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractNetworkPolicyRule {
  /** {@code to} (egress) or {@code from} (ingress). */
  public abstract List<NetworkPolicyPeer> peers();

  /** {@code ports}. */
  public abstract List<NetworkPolicyPort> ports();
}
