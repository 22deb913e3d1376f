package dev.apiserverpolicy.model.manifest;

/** {@code spec.policyTypes} of a NetworkPolicy. */
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
