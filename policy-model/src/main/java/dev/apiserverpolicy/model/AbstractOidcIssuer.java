package dev.apiserverpolicy.model;

import java.util.List;
import org.immutables.value.Value;

/**
 * An OIDC issuer URL that clusters name, with the addresses it resolves to.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractOidcIssuer {
  /** Issuer URL, as clusters write it in {@code spec.oidc.issuerURL}. */
  public abstract String url();

  /** Resolved addresses, as host ranges. */
  public abstract List<Cidr> ips();

  /** The pods behind seed LoadBalancer Services that front this issuer (KKP v2.31's "rule B"). */
  public abstract List<LoadBalancerBackend> loadBalancerBackends();
}
