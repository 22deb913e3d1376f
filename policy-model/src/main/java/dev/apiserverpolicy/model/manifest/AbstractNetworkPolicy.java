package dev.apiserverpolicy.model.manifest;

import dev.apiserverpolicy.model.LabelSelector;
import java.util.List;
import org.immutables.value.Value;

/**
 * A {@code networking.k8s.io/v1} NetworkPolicy.
 *
 * @since 0.1.0
 */
@Value.Immutable
sealed abstract class AbstractNetworkPolicy implements KubernetesObject permits NetworkPolicy {
  /** {@code networking.k8s.io/v1}. */
  public static final String API_VERSION = "networking.k8s.io/v1";
  /** {@code NetworkPolicy}. */
  public static final String KIND = "NetworkPolicy";

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

  /** {@code spec.podSelector}: the pods the policy applies to. */
  public abstract LabelSelector podSelector();

  /** {@code spec.policyTypes}. */
  public abstract List<PolicyType> policyTypes();

  /** {@code spec.ingress}. */
  public abstract List<NetworkPolicyRule> ingress();

  /** {@code spec.egress}. */
  public abstract List<NetworkPolicyRule> egress();
}
