package dev.apiserverpolicy.model.manifest;

import java.util.SortedMap;
import org.immutables.value.Value;

/**
 * The metadata apiserver-policy sets: name, namespace, labels, annotations.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractObjectMeta {
  /** {@code name}. */
  public abstract String name();

  /** {@code namespace}. */
  public abstract String namespace();

  /** {@code labels}, sorted. */
  @Value.NaturalOrder
  public abstract SortedMap<String, String> labels();

  /** {@code annotations}, sorted. */
  @Value.NaturalOrder
  public abstract SortedMap<String, String> annotations();
}
