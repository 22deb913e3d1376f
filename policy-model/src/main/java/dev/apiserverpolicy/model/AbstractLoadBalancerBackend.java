package dev.apiserverpolicy.model;

import java.util.Optional;
import java.util.SortedMap;
import org.immutables.value.Value;

/**
 * The pods behind a seed LoadBalancer Service that fronts an OIDC issuer: KKP v2.31 allows
 * them too, since Cilium 1.19 and later check traffic to a load balancer's address against
 * the pods behind it, not the address.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractLoadBalancerBackend {
  /** The Service's namespace. */
  public abstract String namespace();

  /**
   * The Service's name, if given: KKP orders these peers by Service namespace, then name, and
   * the kkp-* profiles do too. It is never written into a policy.
   */
  public abstract Optional<String> service();

  /** The Service's selector; never empty (KKP ignores Services without one). */
  @Value.NaturalOrder
  public abstract SortedMap<String, String> podLabels();
}
