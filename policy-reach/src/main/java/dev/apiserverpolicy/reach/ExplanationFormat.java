package dev.apiserverpolicy.reach;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Writes explanations as a text table, a Mermaid flowchart or a Graphviz DOT graph. Adding a
 * format is one constant with its writer (docs/architecture.md, "Adding an explain format").
 *
 * @since 0.1.0
 */
public enum ExplanationFormat {
  /** Plain text for terminals. */
  TABLE(ExplanationFormat::table),
  /** A Mermaid {@code flowchart}, e.g. for a README. */
  MERMAID(AccessPictures::mermaid),
  /** A Graphviz {@code digraph}. */
  DOT(AccessPictures::dot),
  /** JSON of shape {@code apiserver-policy.dev/explain/v1} (docs/spec.md, "explain"). */
  JSON(ExplanationJson::write);

  private final Function<List<AccessExplanation>, String> writer;

  ExplanationFormat(Function<List<AccessExplanation>, String> writer) {
    this.writer = writer;
  }

  /** The lower-case name, as {@code explain --format} takes it. */
  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The explanations in this format. */
  public String write(List<AccessExplanation> explanations) {
    return writer.apply(explanations);
  }

  private static String table(List<AccessExplanation> explanations) {
    StringBuilder out = new StringBuilder();
    for (AccessExplanation e : explanations) {
      out.append("Cluster ").append(e.cluster()).append(" (seed ").append(e.seed()).append(", namespace ")
          .append(e.namespace()).append(", profile ").append(e.profile()).append(", strategy ")
          .append(e.strategy()).append(")\n");
      out.append("  The apiserver pods may reach:\n");
      int width = Math.max(12, e.egress().stream().mapToInt(d -> d.target().length()).max().orElse(0));
      int connWidth = Math.max(11, e.egress().stream().mapToInt(d -> d.connections().toString().length()).max()
          .orElse(0));
      out.append(String.format(Locale.ROOT, "    %-" + width + "s  %-" + connWidth + "s  %s%n", "DESTINATION",
          "CONNECTIONS", "ALLOWED BY"));
      for (AccessExplanation.Destination d : e.egress()) {
        out.append(String.format(Locale.ROOT, "    %-" + width + "s  %-" + connWidth + "s  %s%n", d.target(),
            d.connections(), d.allowedBy().isEmpty() ? "-" : String.join(", ", d.allowedBy())));
      }
      out.append("  Who may reach the API server:\n");
      e.clients().forEach(c -> out.append("    ").append(c).append('\n'));
      e.notes().forEach(n -> out.append("  Note: ").append(n).append('\n'));
      out.append('\n');
    }
    return out.toString();
  }
}
