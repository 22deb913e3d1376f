package dev.apiserverpolicy.reach;

import java.util.Map;
import java.util.TreeMap;

/**
 * A namespace and its labels. Kubernetes labels every namespace with
 * {@code kubernetes.io/metadata.name: <name>}; {@link #of} adds it when missing.
 *
 * @param name name
 * @param labels labels
 *
 * @since 0.1.0
 */
public record Namespace(String name, Map<String, String> labels) {
  /** The label Kubernetes sets on every namespace to its name. */
  public static final String NAME_LABEL = "kubernetes.io/metadata.name";

  /** Defensive copy. */
  public Namespace {
    labels = Map.copyOf(new TreeMap<>(labels));
  }

  /** A namespace with its labels plus the automatic name label. */
  public static Namespace of(String name, Map<String, String> labels) {
    TreeMap<String, String> all = new TreeMap<>(labels);
    all.putIfAbsent(NAME_LABEL, name);
    return new Namespace(name, all);
  }
}
