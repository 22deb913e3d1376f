package dev.apiserverpolicy.model;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The fields of KKP {@code spec.clusterNetwork} that shape the policies. */
@Value.Immutable
abstract class AbstractClusterNetwork {
  private static final ClusterNetwork EMPTY = ClusterNetwork.builder().build();

  /** A network with nothing set. */
  public static ClusterNetwork empty() {
    return EMPTY;
  }

  /** {@code konnectivityEnabled}; absent means KKP's default (on). */
  public abstract Optional<Boolean> konnectivityEnabled();

  /** True unless Konnectivity is explicitly disabled (KKP defaults it on). */
  public boolean konnectivity() {
    return konnectivityEnabled().orElse(true);
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
