package dev.apiserverpolicy.render;

import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ClusterSpec;
import dev.apiserverpolicy.model.DatacenterSettings;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.model.KubermaticConfiguration;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.Seed;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Everything one cluster's manifests depend on: the cluster, its seed, the seed's context.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractClusterInputs {
  /** The cluster. */
  public abstract Cluster cluster();

  /** The seed it belongs to. */
  public abstract Seed seed();

  /** The seed's render context, if the input has one. */
  public abstract Optional<RenderContext> context();

  /**
   * The installation's KubermaticConfiguration, if the input has one. Whether the API server
   * must reach KKP's own OIDC issuer depends on it.
   */
  public abstract Optional<KubermaticConfiguration> kubermaticConfiguration();

  /** What the input's ResolvedHosts say host names resolve to; typed-in {@code ips} win over it. */
  @Value.Default
  public ResolvedAddresses resolvedAddresses() {
    return ResolvedAddresses.none();
  }

  /** The strategy in force: the cluster's, else the seed's, else the KubermaticConfiguration's, else NodePort. */
  public ExposeStrategy effectiveExposeStrategy() {
    return exposeStrategyInForce(cluster().spec(), seed(), kubermaticConfiguration());
  }

  /**
   * KKP's chain, the one rule for existing and new clusters: the cluster's, else the seed's, else
   * the KubermaticConfiguration's, else NodePort ({@code pkg/defaulting/cluster.go} line 94 takes
   * the seed's; {@code pkg/defaulting/seed.go} line 54 defaults the seed's from the configuration).
   */
  public static ExposeStrategy exposeStrategyInForce(ClusterSpec spec, Seed seed,
      Optional<KubermaticConfiguration> kkp) {
    return spec.exposeStrategy()
        .or(seed::exposeStrategy)
        .or(() -> kkp.flatMap(KubermaticConfiguration::exposeStrategy))
        .orElse(ExposeStrategy.DEFAULT);
  }

  /** What the seed says about the cluster's datacenter, if anything. */
  public Optional<DatacenterSettings> datacenterSettings() {
    return cluster().spec().datacenter().map(dc -> seed().datacenterSettings().get(dc));
  }

  /** The profile in force: the context's, else the default. */
  public Profile effectiveProfile() {
    return context().flatMap(RenderContext::profile).orElse(Profile.DEFAULT);
  }
}
