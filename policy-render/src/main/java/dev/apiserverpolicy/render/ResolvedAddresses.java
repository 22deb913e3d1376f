package dev.apiserverpolicy.render;

import dev.apiserverpolicy.model.Cidr;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The addresses host names resolved to, from the input's ResolvedHosts documents: what fills in
 * an OIDC issuer, authorization webhook or extraEgress host that has no typed-in {@code ips}.
 * Immutable; one instance is shared by every cluster of a run.
 *
 * @since 0.1.0
 */
public final class ResolvedAddresses {
  private static final ResolvedAddresses NONE = new ResolvedAddresses(new TreeMap<>());

  private final SortedMap<String, List<Cidr>> byHost;

  private ResolvedAddresses(SortedMap<String, List<Cidr>> byHost) {
    this.byHost = Collections.unmodifiableSortedMap(byHost);
  }

  /** No host resolved. */
  public static ResolvedAddresses none() {
    return NONE;
  }

  /** Host (lower case, no trailing dot) to its addresses; an empty list is refused. */
  public static ResolvedAddresses of(Map<String, List<Cidr>> byHost) {
    SortedMap<String, List<Cidr>> copy = new TreeMap<>();
    byHost.forEach((host, addresses) -> {
      if (addresses.isEmpty()) {
        throw new IllegalArgumentException("host " + host + " has no addresses");
      }
      copy.put(Objects.requireNonNull(host, "host"), List.copyOf(addresses));
    });
    return copy.isEmpty() ? NONE : new ResolvedAddresses(copy);
  }

  /** The addresses {@code host} resolved to, if it is listed. */
  public Optional<List<Cidr>> of(String host) {
    return Optional.ofNullable(byHost.get(host));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResolvedAddresses r && r.byHost.equals(byHost);
  }

  @Override
  public int hashCode() {
    return byHost.hashCode();
  }

  @Override
  public String toString() {
    return "ResolvedAddresses" + byHost;
  }
}
