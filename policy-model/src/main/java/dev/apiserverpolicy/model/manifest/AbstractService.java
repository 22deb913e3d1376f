package dev.apiserverpolicy.model.manifest;

import dev.apiserverpolicy.model.Cidr;
import java.util.List;
import java.util.SortedMap;
import org.immutables.value.Value;

/**
 * A {@code v1} Service.
 *
 * @since 0.1.0
 */
@Value.Immutable
sealed abstract class AbstractService implements KubernetesObject permits Service {
  /** {@code v1}. */
  public static final String API_VERSION = "v1";
  /** {@code Service}. */
  public static final String KIND = "Service";

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

  /** {@code spec.type}. */
  public abstract ServiceType type();

  /** {@code spec.selector}. */
  @Value.NaturalOrder
  public abstract SortedMap<String, String> selector();

  /** {@code spec.ports}. */
  public abstract List<ServicePort> ports();

  /** {@code spec.loadBalancerSourceRanges}; empty means unrestricted. */
  public abstract List<Cidr> loadBalancerSourceRanges();
}
