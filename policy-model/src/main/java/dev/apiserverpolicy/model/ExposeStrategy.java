package dev.apiserverpolicy.model;

import java.util.Optional;

/**
 * How a user cluster's API server is exposed (KKP {@code spec.exposeStrategy}).
 *
 * @since 0.1.0
 */
public enum ExposeStrategy {
  /** A NodePort per cluster behind the seed's shared nodeport-proxy. */
  NODE_PORT("NodePort"),
  /** A LoadBalancer per cluster ({@code front-loadbalancer}); the only one with source ranges. */
  LOAD_BALANCER("LoadBalancer"),
  /** SNI and HTTP/2 tunnelling through the seed's shared nodeport-proxy. */
  TUNNELING("Tunneling");

  /** KKP's default when neither cluster nor seed names one. */
  public static final ExposeStrategy DEFAULT = NODE_PORT;

  private final String kkpName;

  ExposeStrategy(String kkpName) {
    this.kkpName = kkpName;
  }

  /** The value as written in KKP objects, e.g. {@code LoadBalancer}. */
  public String kkpName() {
    return kkpName;
  }

  /** The strategy KKP spells {@code name} (exact, case-sensitive, as KKP's CRD enum). */
  public static Optional<ExposeStrategy> fromKkpName(String name) {
    for (ExposeStrategy s : values()) {
      if (s.kkpName.equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
