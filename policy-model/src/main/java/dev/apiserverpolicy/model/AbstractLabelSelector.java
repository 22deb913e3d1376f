package dev.apiserverpolicy.model;

import java.util.List;
import java.util.SortedMap;
import org.immutables.value.Value;

/**
 * A Kubernetes label selector. An empty selector selects everything.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractLabelSelector {
  /** Labels that must be present with exactly these values. */
  @Value.NaturalOrder
  public abstract SortedMap<String, String> matchLabels();

  /** Further requirements, all of which must hold. */
  public abstract List<LabelSelectorRequirement> matchExpressions();

  /** True if this selector selects everything. */
  public boolean isEmpty() {
    return matchLabels().isEmpty() && matchExpressions().isEmpty();
  }
}
