package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.Severity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many findings a run printed, per severity and per code: a fleet of thousands of clusters
 * prints thousands of findings, and the summary says which kinds they are without a grep.
 */
final class FindingCounts {
  private final Map<Severity, Map<String, Integer>> byCode = new EnumMap<>(Severity.class);
  private int total;

  void add(Diagnostic d) {
    byCode.computeIfAbsent(d.severity(), s -> new TreeMap<>()).merge(d.code().id(), 1, Integer::sum);
    total++;
  }

  void addAll(List<Diagnostic> diagnostics) {
    diagnostics.forEach(this::add);
  }

  int total() {
    return total;
  }

  /**
   * {@code  findings: 3 (1 warning, 2 infos)}, then a line per code, most severe first, then the
   * most frequent: {@code     1 warning nodeport-bypass}. Nothing when there are none.
   */
  void print(PrintWriter err, String indent) {
    if (total == 0) {
      return;
    }
    List<String> perSeverity = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    String format = "%s  %" + String.valueOf(total).length() + "d %-7s %s";
    for (Severity severity : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
      Map<String, Integer> codes = byCode.getOrDefault(severity, Map.of());
      int count = codes.values().stream().mapToInt(Integer::intValue).sum();
      if (count == 0) {
        continue;
      }
      String name = severity.name().toLowerCase(java.util.Locale.ROOT);
      perSeverity.add(count + " " + name + (count == 1 ? "" : "s"));
      codes.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
              .thenComparing(Map.Entry.comparingByKey()))
          .forEach(e -> lines.add(String.format(java.util.Locale.ROOT, format, indent, e.getValue(),
              name, e.getKey())));
    }
    err.println(indent + "findings: " + total + " (" + String.join(", ", perSeverity) + ")");
    lines.forEach(err::println);
  }
}
