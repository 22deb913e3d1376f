package dev.apiserverpolicy.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Clusters grouped by what became of them (failed, rendered without NetworkPolicies), each group
 * printed as its count and its first {@value #FIRST_FEW} clusters, or all of them when verbose: a
 * fleet of thousands must not bury the summary under one line a cluster.
 */
final class ClusterOutcomes {
  static final int FIRST_FEW = 5;

  private final Map<String, List<String>> groups = new LinkedHashMap<>();

  /** Adds {@code entry} (a cluster's name, and what to say about it) to the group {@code outcome}. */
  void add(String outcome, String entry) {
    groups.computeIfAbsent(outcome, o -> new ArrayList<>()).add(entry);
  }

  void print(PrintWriter err, boolean verbose) {
    for (Map.Entry<String, List<String>> group : groups.entrySet()) {
      List<String> entries = group.getValue();
      err.println("  " + group.getKey() + ": " + entries.size() + (entries.size() == 1 ? " cluster" : " clusters"));
      int shown = verbose ? entries.size() : Math.min(FIRST_FEW, entries.size());
      for (int i = 0; i < shown; i++) {
        err.println("    " + TerminalText.escape(entries.get(i)));
      }
      if (shown < entries.size()) {
        err.println("    and " + (entries.size() - shown) + " more (--verbose names every one)");
      }
    }
  }
}
