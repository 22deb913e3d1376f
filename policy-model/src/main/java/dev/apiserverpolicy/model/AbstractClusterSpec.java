package dev.apiserverpolicy.model;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.immutables.value.Value;

/**
 * The fields of a KKP Cluster (or ClusterTemplate) {@code spec} that decide what is
 * rendered. Everything else in a KKP spec is ignored.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractClusterSpec {
  /** The feature gate that turns the apiserver NetworkPolicies on. */
  public static final String APISERVER_NETWORK_POLICY = "apiserverNetworkPolicy";

  private static final ClusterSpec EMPTY = ClusterSpec.builder().build();

  /** A spec with nothing set. */
  public static ClusterSpec empty() {
    return EMPTY;
  }

  /** {@code spec.features}, sorted by name. */
  @Value.NaturalOrder
  public abstract SortedMap<String, Boolean> features();

  /** The {@code apiserverNetworkPolicy} gate: absent, true or false. */
  public Optional<Boolean> apiserverNetworkPolicyGate() {
    return Optional.ofNullable(features().get(APISERVER_NETWORK_POLICY));
  }

  /** {@code spec.exposeStrategy}. */
  public abstract Optional<ExposeStrategy> exposeStrategy();

  /**
   * {@code spec.apiServerAllowedIPRanges.cidrBlocks}. Absent (no field) and present but
   * empty differ: KKP appends the seed's default ranges only when the field is present.
   */
  public abstract Optional<List<Cidr>> apiServerAllowedIPRanges();

  /** {@code spec.clusterNetwork}. */
  @Value.Default
  public ClusterNetwork clusterNetwork() {
    return ClusterNetwork.empty();
  }

  /** {@code spec.cloud.dc}: the datacenter, which binds the cluster to a seed. */
  public abstract Optional<String> datacenter();

  /** The cloud provider ({@code spec.cloud.providerName}, else the provider key under {@code spec.cloud}). */
  public abstract Optional<String> cloudProvider();

  /** {@code spec.oidc.issuerURL}; absent when empty. */
  public abstract Optional<String> oidcIssuerURL();

  /**
   * {@code spec.authenticationConfiguration}, when both its secretName and secretKey are set
   * (KKP's {@code IsAuthenticationConfigurationEnabled}).
   */
  public abstract Optional<SecretKeyRef> authenticationConfiguration();

  /**
   * True if {@code spec.authorizationConfig} enables the {@code Webhook} mode and its
   * {@code authorizationWebhookConfiguration} sets both secretName and secretKey (KKP's
   * {@code IsWebhookAuthorizationEnabled}).
   */
  @Value.Default
  public boolean authorizationWebhook() {
    return false;
  }

  /** {@code spec.kyverno.enabled}. */
  public abstract Optional<Boolean> kyvernoEnabled();
}
