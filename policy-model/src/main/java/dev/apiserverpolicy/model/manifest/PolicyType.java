package dev.apiserverpolicy.model.manifest;

/**
 * {@code spec.policyTypes} of a NetworkPolicy.
 *
 * @since 0.1.0
 */
public enum PolicyType {
  /** The policy restricts traffic to the selected pods. */
  INGRESS("Ingress"),
  /** The policy restricts traffic from the selected pods. */
  EGRESS("Egress");

  private final String kubernetesName;

  PolicyType(String kubernetesName) {
    this.kubernetesName = kubernetesName;
  }

  /** As written in Kubernetes objects. */
  public String kubernetesName() {
    return kubernetesName;
  }
}
