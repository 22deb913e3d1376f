package dev.apiserverpolicy.model;

import java.util.Optional;
import java.util.SortedMap;
import org.immutables.value.Value;

/**
 * A KKP {@code ClusterTemplate}; a seed's default template must have label {@code scope: seed}.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractClusterTemplate {
  /** The label value a seed's default template must carry under {@code scope}. */
  public static final String SEED_SCOPE = "seed";

  /** {@code metadata.name}. */
  public abstract String name();

  /** {@code metadata.labels}, sorted by key. */
  @Value.NaturalOrder
  public abstract SortedMap<String, String> labels();

  /** The label {@code scope}. */
  public Optional<String> scope() {
    return Optional.ofNullable(labels().get("scope"));
  }

  /** The template's spec (same fields as a Cluster's). */
  @Value.Default
  public ClusterSpec spec() {
    return ClusterSpec.empty();
  }

  /** {@code ClusterTemplate/<name>}. */
  public String ref() {
    return "ClusterTemplate/" + name();
  }

  /** Where it was read from; not part of equality. */
  @Value.Default
  @Value.Auxiliary
  public Origin origin() {
    return Origin.none();
  }
}
