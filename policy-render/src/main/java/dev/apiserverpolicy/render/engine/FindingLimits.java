package dev.apiserverpolicy.render.engine;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bounds the findings shown for one object (or, for findings about no object, one file): at
 * most {@link #PER_CODE} of each code, then one finding that says how many more there are.
 * A list of 6,000 copies of one range is one mistake; it must not become 6,000 lines (or
 * 18 million, as comparing every pair once made it).
 *
 * @since 0.1.0
 */
public final class FindingLimits {
  /** Most findings of one code shown for one object or file. */
  public static final int PER_CODE = 20;

  private FindingLimits() {}

  /** {@code findings} with at most {@link #PER_CODE} of each code per object or file, plus a count of the rest. */
  static List<Diagnostic> cap(List<Diagnostic> findings) {
    if (findings.size() <= PER_CODE) {
      return findings;
    }
    Map<String, Integer> seen = new HashMap<>();
    Map<String, Diagnostic> firstDropped = new LinkedHashMap<>();
    Map<String, Integer> dropped = new HashMap<>();
    List<Diagnostic> kept = new ArrayList<>();
    for (Diagnostic d : findings) {
      String key = d.object().orElse("file " + d.file().orElse("")) + " " + d.code().id();
      int n = seen.merge(key, 1, Integer::sum);
      if (n <= PER_CODE) {
        kept.add(d);
      } else {
        firstDropped.putIfAbsent(key, d);
        dropped.merge(key, 1, Integer::sum);
      }
    }
    if (firstDropped.isEmpty()) {
      return findings;
    }
    for (Map.Entry<String, Diagnostic> e : firstDropped.entrySet()) {
      Diagnostic first = e.getValue();
      DiagnosticCode code = first.code();
      int more = dropped.get(e.getKey());
      kept.add(Diagnostic.builder().from(first)
          .path("")
          .message("and " + more + " more " + code.id() + " finding" + (more == 1 ? "" : "s") + " for "
              + first.object().orElse(first.file().orElse("this input")) + ", not shown (at most " + PER_CODE
              + " of a kind are shown; the next one is here)")
          .hint("fix the ones shown and run lint again")
          .build());
    }
    return kept;
  }
}
