package dev.apiserverpolicy.model;

import java.util.List;
import org.immutables.value.Value;

/**
 * Networks that must reach the API server; checked against the allowed ranges (lock-out).
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractClientNetworks {
  private static final ClientNetworks EMPTY = ClientNetworks.builder().build();

  /** No networks declared. */
  public static ClientNetworks empty() {
    return EMPTY;
  }

  /** User-cluster worker nodes (kubelets). */
  public abstract List<Cidr> userClusterWorkers();

  /** KKP master cluster nodes (kubermatic-api, dashboard). */
  public abstract List<Cidr> kkpMasterNodes();

  /** Seed cluster nodes. */
  public abstract List<Cidr> seedNodes();

  /** Seed pod CIDR (kube-proxy SNAT behaviour since Kubernetes 1.25). */
  public abstract List<Cidr> seedPods();
}
