package dev.apiserverpolicy.model;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.immutables.value.Value;

/**
 * A KKP user cluster ({@code kubermatic.k8c.io/v1 Cluster}).
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractCluster {
  /** {@code metadata.name}. */
  public abstract String name();

  /** {@code metadata.labels}, sorted by key. */
  @Value.NaturalOrder
  public abstract SortedMap<String, String> labels();

  /** The fields of {@code spec} that matter here. */
  @Value.Default
  public ClusterSpec spec() {
    return ClusterSpec.empty();
  }

  /** {@code status.namespaceName}, if KKP has recorded one. */
  public abstract Optional<String> statusNamespace();

  /** {@code status.address.port}: the allocated NodePort, which is also the apiserver's port. */
  public abstract Optional<Integer> statusPort();

  /** {@code status.address.externalName}. */
  public abstract Optional<String> statusExternalName();

  /** The seed namespace of the cluster's control plane: {@code cluster-<name>} unless status says otherwise. */
  public String namespace() {
    return namespaceOf(name(), statusNamespace());
  }

  private static String namespaceOf(String name, Optional<String> statusNamespace) {
    return statusNamespace.orElse("cluster-" + name);
  }

  /**
   * Kubernetes' rules for a cluster's names, stated once: {@code metadata.name} is a DNS-1123
   * label, and so is the namespace of its control plane ({@link #namespace()}). The reader reports
   * these at their lines and leaves the cluster out; the builder refuses them with the same message.
   */
  public static List<FieldError> validateNames(String name, Optional<String> statusNamespace) {
    if (!KubernetesNames.isLabel(name)) {
      return List.of(new FieldError(FieldPath.of("metadata", "name"), DiagnosticCode.CLUSTER_NAME_INVALID,
          "cluster name '" + name + "' is not valid: " + KubernetesNames.LABEL_RULE,
          "rename the cluster, e.g. '" + KubernetesNames.suggestLabel(name) + "'"));
    }
    String namespace = namespaceOf(name, statusNamespace);
    if (KubernetesNames.isLabel(namespace)) {
      return List.of();
    }
    if (statusNamespace.isPresent()) {
      return List.of(new FieldError(FieldPath.of("status", "namespaceName"), DiagnosticCode.CLUSTER_NAME_INVALID,
          "namespace '" + namespace + "' is not valid: " + KubernetesNames.LABEL_RULE,
          "use the namespace KKP created for the cluster, e.g. 'cluster-" + name + "'"));
    }
    return List.of(new FieldError(FieldPath.of("metadata", "name"), DiagnosticCode.CLUSTER_NAME_INVALID,
        "namespace '" + namespace + "' would be longer than 63 characters",
        "use a cluster name of at most 55 characters, or set status.namespaceName"));
  }

  @Value.Check
  void checkNames() {
    FieldError.throwFirst(validateNames(name(), statusNamespace()));
  }

  /** {@code Cluster/<name>}, as diagnostics name it. */
  public String ref() {
    return "Cluster/" + name();
  }

  /** Where it was read from; not part of equality. */
  @Value.Default
  @Value.Auxiliary
  public Origin origin() {
    return Origin.none();
  }
}
