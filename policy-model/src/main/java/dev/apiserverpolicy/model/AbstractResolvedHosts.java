package dev.apiserverpolicy.model;

import java.util.List;
import java.util.SortedMap;
import org.immutables.value.Value;

/**
 * {@code apiserver-policy.dev/v1alpha1 ResolvedHosts}: the addresses host names resolved to when
 * {@code apiserver-policy resolve} last looked them up. The inputs' typed-in {@code ips} win over
 * it; it fills in the hosts that have none.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractResolvedHosts {
  /** {@code metadata.name}. */
  public abstract String name();

  /** Host name (lower case, no trailing dot) to its addresses, as host ranges; never an empty list. */
  @Value.NaturalOrder
  public abstract SortedMap<String, List<Cidr>> hosts();

  /** {@code ResolvedHosts/<name>}. */
  public String ref() {
    return "ResolvedHosts/" + name();
  }

  /** Where it was read from; not part of equality. */
  @Value.Default
  @Value.Auxiliary
  public Origin origin() {
    return Origin.none();
  }

  @Value.Check
  void check() {
    hosts().forEach((host, addresses) -> {
      if (addresses.isEmpty()) {
        throw new IllegalStateException("host " + host + " has no addresses; an empty list is never written");
      }
    });
  }
}
