package dev.apiserverpolicy.model.manifest;

/**
 * {@code spec.type} of a Service.
 *
 * @since 0.1.0
 */
public enum ServiceType {
  /** Reachable inside the cluster only. */
  CLUSTER_IP("ClusterIP"),
  /** Also on a port of every node. */
  NODE_PORT("NodePort"),
  /** Also through a cloud load balancer. */
  LOAD_BALANCER("LoadBalancer");

  private final String kubernetesName;

  ServiceType(String kubernetesName) {
    this.kubernetesName = kubernetesName;
  }

  /** The type named {@code name} as Kubernetes spells it ({@code ClusterIP}, ...), if there is one. */
  public static java.util.Optional<ServiceType> fromKubernetesName(String name) {
    for (ServiceType t : values()) {
      if (t.kubernetesName.equals(name)) {
        return java.util.Optional.of(t);
      }
    }
    return java.util.Optional.empty();
  }

  /** As written in Kubernetes objects. */
  public String kubernetesName() {
    return kubernetesName;
  }
}
