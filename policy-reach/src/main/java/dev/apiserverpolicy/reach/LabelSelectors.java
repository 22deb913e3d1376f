package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.model.LabelSelector;
import dev.apiserverpolicy.model.LabelSelectorRequirement;
import java.util.Map;

/** {@code metav1.LabelSelector} matching: all matchLabels and all matchExpressions must hold. */
final class LabelSelectors {
  private LabelSelectors() {}

  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    for (Map.Entry<String, String> e : selector.matchLabels().entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    for (LabelSelectorRequirement r : selector.matchExpressions()) {
      String value = labels.get(r.key());
      boolean ok = switch (r.operator()) {
        case IN -> value != null && r.values().contains(value);
        case NOT_IN -> value == null || !r.values().contains(value);
        case EXISTS -> value != null;
        case DOES_NOT_EXIST -> value == null;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
