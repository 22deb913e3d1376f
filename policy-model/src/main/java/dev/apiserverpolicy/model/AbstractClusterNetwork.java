package dev.apiserverpolicy.model;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The fields of KKP {@code spec.clusterNetwork} that shape the policies.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractClusterNetwork {
  private static final ClusterNetwork EMPTY = ClusterNetwork.builder().build();

  /** A network with nothing set. */
  public static ClusterNetwork empty() {
    return EMPTY;
  }

  /**
   * {@code konnectivityEnabled}. KKP's webhook sets it to true when a cluster is created
   * ({@code pkg/mutation/cluster/mutation.go} 72-74); an existing cluster without it runs without
   * Konnectivity.
   */
  public abstract Optional<Boolean> konnectivityEnabled();

  /**
   * True only if Konnectivity is explicitly on: KKP v2.31's controller reads an absent field as
   * off ({@code konnectivityEnabled := ... != nil && *...}, seed-controller-manager
   * {@code kubernetes/resources.go} line 281).
   */
  public boolean konnectivity() {
    return konnectivityEnabled().orElse(false);
  }

  /** {@code ipFamily}. */
  public abstract Optional<IpFamily> ipFamily();

  /** {@code pods.cidrBlocks}. */
  public abstract List<Cidr> podCidrs();

  /** {@code services.cidrBlocks}. */
  public abstract List<Cidr> serviceCidrs();

  /** {@code tunnelingAgentIP}, as a host range ({@code /32} or {@code /128}). */
  public abstract Optional<Cidr> tunnelingAgentIP();
}
