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

  /**
   * Kubernetes' rules for a seed's names, stated once: {@code metadata.name} is a DNS-1123
   * subdomain (it also names a folder of the output) and {@code metadata.namespace} a label. The
   * reader reports these at their lines and leaves the seed out; the builder refuses them with the
   * same message.
   */
  public static List<FieldError> validateNames(String name, Optional<String> namespace) {
    if (!KubernetesNames.isSubdomain(name)) {
      return List.of(new FieldError(FieldPath.of("metadata", "name"), DiagnosticCode.SEED_NAME_INVALID,
          "seed name '" + name + "' is not valid: " + KubernetesNames.SUBDOMAIN_RULE,
          "use the seed's real Kubernetes name, e.g. '" + KubernetesNames.suggestLabel(name) + "'"));
    }
    if (namespace.isEmpty() || KubernetesNames.isLabel(namespace.get())) {
      return List.of();
    }
    return List.of(new FieldError(FieldPath.of("metadata", "namespace"), DiagnosticCode.SEED_NAME_INVALID,
        "namespace '" + namespace.get() + "' is not valid: " + KubernetesNames.LABEL_RULE,
        "write the namespace KKP keeps the seed in, e.g. '" + KubernetesNames.suggestLabel(namespace.get()) + "'"));
  }

  @Value.Check
  void checkNames() {
    FieldError.throwFirst(validateNames(name(), namespace()));
  }

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
