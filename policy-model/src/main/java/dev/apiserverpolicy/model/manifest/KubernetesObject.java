package dev.apiserverpolicy.model.manifest;

/**
 * A rendered Kubernetes object: a {@link NetworkPolicy}, a {@link Service} or (in the Cilium
 * flavour) a {@link CiliumNetworkPolicy}, nothing else: sealed down to those three final classes,
 * so a {@code switch} over it with one case per kind needs no {@code default} branch.
 *
 * @since 0.1.0
 */
public sealed interface KubernetesObject permits AbstractNetworkPolicy, AbstractService, AbstractCiliumNetworkPolicy {
  /** {@code apiVersion}. */
  String apiVersion();

  /** {@code kind}. */
  String kind();

  /** {@code metadata}. */
  ObjectMeta metadata();

  /** {@code <Kind>/<name>}, as diagnostics and file names use it. */
  default String ref() {
    return kind() + "/" + metadata().name();
  }
}
