package dev.apiserverpolicy.model;

import java.util.List;
import org.immutables.value.Value;

/**
 * An operator's own egress target from {@code RenderContext.spec.extraEgress}, rendered
 * as one more NetworkPolicy (e.g. an audit-log sink).
 */
@Value.Immutable
abstract class AbstractExtraEgressRule {
  /** The policy's {@code metadata.name}. */
  public abstract String name();

  /** One sentence saying what it allows and why; becomes the description annotation. */
  public abstract String description();

  /** Peers; validation rejects an empty list, which would mean anywhere. */
  public abstract List<NetworkPolicyPeer> to();

  /** Ports; empty means every port of the peers. */
  public abstract List<NetworkPolicyPort> ports();
}
