package dev.apiserverpolicy.model;

import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Suggests the known name closest to a misspelt one.
 *
 * @since 0.1.0
 */
public final class Spelling {
  private Spelling() {}

  /** The known name within edit distance 3 of {@code word} (smallest distance, then alphabetical). */
  public static Optional<String> closest(String word, Collection<String> known) {
    String best = null;
    int bestDistance = 4;
    for (String candidate : new TreeSet<>(known)) {
      int d = distance(word.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Levenshtein distance; {@code Integer.MAX_VALUE} when the lengths differ by more than 3. */
  public static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 3 || a.length() > 200 || b.length() > 200) {
      return Integer.MAX_VALUE;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
