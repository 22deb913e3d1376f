package dev.apiserverpolicy.model.manifest;

/** A rendered Kubernetes object. */
public interface KubernetesObject {
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
