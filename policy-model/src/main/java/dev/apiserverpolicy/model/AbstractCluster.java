package dev.apiserverpolicy.model;

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
    return statusNamespace().orElse("cluster-" + name());
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
