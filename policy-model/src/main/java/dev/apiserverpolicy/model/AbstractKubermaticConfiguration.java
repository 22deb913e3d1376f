package dev.apiserverpolicy.model;

import java.util.Optional;
import java.util.SortedMap;
import org.immutables.value.Value;

/**
 * A KKP {@code KubermaticConfiguration}: the installation-wide settings that decide, among
 * other things, whether the API servers must reach KKP's own OIDC issuer.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractKubermaticConfiguration {
  /** The feature gate under which KKP's seed-controller-manager adds its own issuer to every cluster's OIDC policy. */
  public static final String OPEN_ID_AUTH_PLUGIN = "OpenIDAuthPlugin";

  /** {@code metadata.name}. */
  public abstract String name();

  /** {@code spec.featureGates}. */
  @Value.NaturalOrder
  public abstract SortedMap<String, Boolean> featureGates();

  /** {@code spec.auth.tokenIssuer}: KKP's own OIDC issuer (Dex). */
  public abstract Optional<String> tokenIssuer();

  /** {@code spec.ingress.domain}: where KKP's dashboard and Dex are served. */
  public abstract Optional<String> ingressDomain();

  /**
   * KKP's own OIDC issuer as KKP defaults it: {@code spec.auth.tokenIssuer}, else
   * {@code https://<spec.ingress.domain>/dex} ({@code pkg/defaulting/configuration.go} 503-505).
   */
  public Optional<String> effectiveTokenIssuer() {
    return tokenIssuer().or(() -> ingressDomain().map(domain -> "https://" + domain + "/dex"));
  }

  /** {@code spec.ingress.namespaceOverride}: where the ingress controller runs, if not nginx-ingress-controller. */
  public abstract Optional<String> ingressNamespaceOverride();

  /** {@code spec.exposeStrategy}: the default of seeds that set none. */
  public abstract Optional<ExposeStrategy> exposeStrategy();

  /** True if the {@code OpenIDAuthPlugin} gate is on. */
  public boolean openIdAuthPlugin() {
    return featureGates().getOrDefault(OPEN_ID_AUTH_PLUGIN, false);
  }

  /** {@code KubermaticConfiguration/<name>}. */
  public String ref() {
    return "KubermaticConfiguration/" + name();
  }

  /** Where it was read from; not part of equality. */
  @Value.Default
  @Value.Auxiliary
  public Origin origin() {
    return Origin.none();
  }
}
