package dev.apiserverpolicy.model.manifest;

import java.util.List;
import java.util.SortedMap;
import org.immutables.value.Value;

/**
 * A {@code cilium.io/v2} CiliumNetworkPolicy, as far as the Cilium flavour uses it: egress of
 * the pods its endpoint selector matches, in its own namespace.
 *
 * @since 0.1.0
 */
@Value.Immutable
sealed abstract class AbstractCiliumNetworkPolicy implements KubernetesObject permits CiliumNetworkPolicy {
  /** {@code cilium.io/v2}. */
  public static final String API_VERSION = "cilium.io/v2";
  /** {@code CiliumNetworkPolicy}. */
  public static final String KIND = "CiliumNetworkPolicy";

  @Override
  public String apiVersion() {
    return API_VERSION;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public abstract ObjectMeta metadata();

  /** {@code spec.endpointSelector.matchLabels}: the pods it applies to. */
  @Value.NaturalOrder
  public abstract SortedMap<String, String> endpointSelector();

  /** {@code spec.egress}; never empty (an empty list would allow nothing and say nothing). */
  public abstract List<CiliumEgressRule> egress();

  @Value.Check
  void check() {
    if (egress().isEmpty()) {
      throw new IllegalStateException("CiliumNetworkPolicy " + metadata().name() + " has no egress rule");
    }
    if (endpointSelector().isEmpty()) {
      throw new IllegalStateException("CiliumNetworkPolicy " + metadata().name() + " selects every pod");
    }
  }
}
