package dev.apiserverpolicy.model;

import java.util.Optional;

/**
 * A cluster's IP family (KKP {@code spec.clusterNetwork.ipFamily}).
 *
 * @since 0.1.0
 */
public enum IpFamily {
  /** IPv4 only. */
  IPV4("IPv4"),
  /** IPv4 and IPv6. */
  DUAL_STACK("IPv4+IPv6");

  private final String kkpName;

  IpFamily(String kkpName) {
    this.kkpName = kkpName;
  }

  /** The value as written in KKP objects. */
  public String kkpName() {
    return kkpName;
  }

  /** The family KKP spells {@code name}. */
  public static Optional<IpFamily> fromKkpName(String name) {
    for (IpFamily f : values()) {
      if (f.kkpName.equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
