package dev.apiserverpolicy.reach;

import java.util.ArrayList;
import java.util.List;

/** The text form of a diff: a summary line, then per cluster its changes by section, one per line. */
final class DiffText {
  private DiffText() {}

  static String write(AccessDiff diff) {
    StringBuilder out = new StringBuilder(summary(diff)).append('\n');
    for (ClusterDiff cluster : diff.clusters()) {
      out.append('\n').append("Cluster ").append(cluster.cluster()).append(" (seed ").append(cluster.seed())
          .append("): ").append(cluster.status().id()).append('\n');
      AccessChange.Section section = null;
      for (AccessChange change : cluster.changes()) {
        if (change.kind().section() != section) {
          section = change.kind().section();
          out.append("  ").append(section.title()).append(":\n");
        }
        lines(change).forEach(line -> out.append("    ").append(line).append('\n'));
      }
    }
    if (!diff.findings().isEmpty()) {
      out.append("\nFindings that name no cluster:\n");
      diff.findings().forEach(change -> lines(change).forEach(line -> out.append("  ").append(line).append('\n')));
    }
    return out.toString();
  }

  /** {@code apiserver-policy diff: 4 clusters changed (1 added, 0 removed, 3 changed)}. */
  static String summary(AccessDiff diff) {
    if (!diff.changed()) {
      return "apiserver-policy diff: no change in who may reach what";
    }
    int n = diff.clusters().size();
    return "apiserver-policy diff: " + n + (n == 1 ? " cluster" : " clusters") + " changed ("
        + diff.count(ClusterDiff.Status.ADDED) + " added, " + diff.count(ClusterDiff.Status.REMOVED) + " removed, "
        + diff.count(ClusterDiff.Status.CHANGED) + " changed); " + diff.findings().size()
        + (diff.findings().size() == 1 ? " finding" : " findings") + " without a cluster changed";
  }

  /** One change as lines: {@code + what (allowed by p)} for what is added, {@code -} for what goes. */
  static List<String> lines(AccessChange c) {
    List<String> lines = new ArrayList<>();
    switch (c.kind()) {
      case EGRESS -> {
        if (c.subject().equals(EgressChanges.EVERY_DESTINATION)) {
          lines.add(c.subject() + ": " + c.before() + " -> " + c.after());
          return lines;
        }
        c.added().forEach(a -> lines.add("+ " + c.subject() + ": " + a + by("allowed by", c.allowedBy())));
        c.removed().forEach(r -> lines.add("- " + c.subject() + ": " + r + by("was allowed by", c.allowedBefore())));
        if (c.added().isEmpty() && c.removed().isEmpty()) {
          lines.add(c.subject() + ": " + c.before() + " -> " + c.after());
        }
      }
      case SOURCE_RANGES -> {
        c.added().forEach(a -> lines.add("+ " + c.subject() + " admits " + a));
        c.removed().forEach(r -> lines.add("- " + c.subject() + " admits " + r));
        if (!c.before().equals(AccessChange.ABSENT) && !c.after().equals(AccessChange.ABSENT)) {
          lines.add("  " + c.subject() + ": was " + c.before() + "; now " + c.after());
        }
      }
      case FINDING -> lines.add(c.before().equals(AccessChange.ABSENT) ? "+ " + c.subject() + " (" + c.after() + ")"
          : "- " + c.subject() + " (was at " + c.before() + ")");
      default -> lines.add(c.subject() + ": " + c.before() + " -> " + c.after());
    }
    return lines;
  }

  private static String by(String how, List<String> policies) {
    return policies.isEmpty() ? "" : " (" + how + " " + String.join(", ", policies) + ")";
  }
}
