package dev.apiserverpolicy.model;

import java.util.SortedMap;
import org.immutables.value.Value;

/**
 * Where the seed's cluster DNS runs (for least-privilege DNS rules).
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractClusterDns {
  /** Namespace of the DNS pods. */
  public abstract String namespace();

  /** Labels of the DNS pods. */
  @Value.NaturalOrder
  public abstract SortedMap<String, String> podLabels();
}
