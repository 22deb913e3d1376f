package dev.apiserverpolicy.model;

import org.immutables.value.Value;

/**
 * {@code RenderContext.spec.cilium}: the opt-in Cilium flavour (needs {@code cni: cilium}).
 * Off, the output is the standard NetworkPolicies of the profile, byte for byte.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractCiliumFlavour {
  /** OIDC issuers, authorization webhooks and extraEgress hosts reached by name ({@code toFQDNs}). */
  @Value.Default
  public boolean fqdnEgress() {
    return false;
  }

  /** The seed API server reached as Cilium's {@code kube-apiserver} entity, not by address. */
  @Value.Default
  public boolean seedAPIServerEntity() {
    return false;
  }

  /** extraEgress hosts may be wildcards ({@code *.example.com}, a {@code toFQDNs} matchPattern). */
  @Value.Default
  public boolean allowWildcardHosts() {
    return false;
  }
}
