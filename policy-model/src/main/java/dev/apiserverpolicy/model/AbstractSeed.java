package dev.apiserverpolicy.model;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import org.immutables.value.Value;

/**
 * A KKP {@code Seed}: the cluster that hosts user-cluster control planes.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractSeed {
  /** {@code metadata.name}. */
  public abstract String name();

  /** Names of {@code spec.datacenters}; a cluster whose {@code spec.cloud.dc} is one of them belongs here. */
  @Value.NaturalOrder
  public abstract SortedSet<String> datacenters();

  /** {@code spec.exposeStrategy}. */
  public abstract Optional<ExposeStrategy> exposeStrategy();

  /** {@code spec.defaultClusterTemplate}; absent when empty. */
  public abstract Optional<String> defaultClusterTemplate();

  /** {@code spec.defaultAPIServerAllowedIPRanges}. */
  public abstract List<Cidr> defaultAPIServerAllowedIPRanges();

  /** {@code spec.nodeportProxy.envoy.loadBalancerService.sourceRanges}. */
  public abstract List<Cidr> nodeportProxySourceRanges();

  /** {@code spec.nodeportProxy.envoy.loadBalancerService.annotations}. */
  @Value.NaturalOrder
  public abstract SortedMap<String, String> loadBalancerServiceAnnotations();

  /** {@code spec.nodeportProxy.annotations} (deprecated in KKP, still honoured). */
  @Value.NaturalOrder
  public abstract SortedMap<String, String> nodeportProxyAnnotations();

  /**
   * {@code metadata.namespace}: where KKP keeps the seed's objects (the Secrets datacenters name),
   * usually {@code kubermatic}.
   */
  public abstract Optional<String> namespace();

  /** What {@code spec.datacenters.<name>.spec} sets, for the datacenters that set anything read here. */
  @Value.NaturalOrder
  public abstract SortedMap<String, DatacenterSettings> datacenterSettings();

  /** {@code spec.authenticationConfiguration}: the default AuthenticationConfiguration of its clusters. */
  public abstract Optional<SecretKeyRef> authenticationConfiguration();

  /** {@code spec.oidcProviderConfiguration.issuerURL}: the seed's own OIDC issuer, in place of KKP's. */
  public abstract Optional<String> oidcProviderIssuerURL();

  /** {@code Seed/<name>}. */
  public String ref() {
    return "Seed/" + name();
  }

  /** Where it was read from; not part of equality. */
  @Value.Default
  @Value.Auxiliary
  public Origin origin() {
    return Origin.none();
  }
}
