package dev.apiserverpolicy.reach;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Writes explanations as a text table, a Mermaid flowchart or a Graphviz DOT graph. Adding a
 * format is one constant with its writer (docs/architecture.md, "Adding an explain format").
 */
public enum ExplanationFormat {
  /** Plain text for terminals. */
  TABLE(ExplanationFormat::table),
  /** A Mermaid {@code flowchart}, e.g. for a README. */
  MERMAID(ExplanationFormat::mermaid),
  /** A Graphviz {@code digraph}. */
  DOT(ExplanationFormat::dot);

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

  private static String mermaid(List<AccessExplanation> explanations) {
    StringBuilder out = new StringBuilder("flowchart LR\n");
    int c = 0;
    for (AccessExplanation e : explanations) {
      String id = "c" + c++;
      out.append("  subgraph ").append(id).append(" [\"").append(mermaidText("cluster " + e.cluster() + " ("
          + e.strategy() + ", " + e.profile() + ")")).append("\"]\n");
      out.append("    ").append(id).append("api[\"kube-apiserver pods\"]\n");
      out.append("  end\n");
      out.append("  ").append(id).append("clients([\"").append(mermaidText(String.join("<br/>", e.clients())))
          .append("\"]) -->|\"TCP 443\"| ").append(id).append("api\n");
      int t = 0;
      for (AccessExplanation.Destination d : e.egress()) {
        if (d.connections().isEmpty()) {
          continue;
        }
        out.append("  ").append(id).append("api -->|\"").append(mermaidText(d.connections().toString()))
            .append("\"| ").append(id).append('t').append(t++).append("[\"").append(mermaidText(d.target()))
            .append("\"]\n");
      }
    }
    return out.toString();
  }

  private static String mermaidText(String s) {
    return s.replace("\"", "#quot;");
  }

  private static String dot(List<AccessExplanation> explanations) {
    StringBuilder out = new StringBuilder("digraph apiserver_access {\n  rankdir=LR;\n  node [shape=box];\n");
    int c = 0;
    for (AccessExplanation e : explanations) {
      String id = "c" + c++;
      out.append("  subgraph cluster_").append(id).append(" {\n    label=").append(dotText("cluster " + e.cluster()
          + " (" + e.strategy() + ", " + e.profile() + ")")).append(";\n    ").append(id)
          .append("_api [label=\"kube-apiserver pods\"];\n  }\n");
      out.append("  ").append(id).append("_clients [shape=ellipse, label=").append(dotText(String.join("\n",
          e.clients()))).append("];\n");
      out.append("  ").append(id).append("_clients -> ").append(id).append("_api [label=\"TCP 443\"];\n");
      int t = 0;
      for (AccessExplanation.Destination d : e.egress()) {
        if (d.connections().isEmpty()) {
          continue;
        }
        String node = id + "_t" + t++;
        out.append("  ").append(node).append(" [label=").append(dotText(d.target())).append("];\n");
        out.append("  ").append(id).append("_api -> ").append(node).append(" [label=")
            .append(dotText(d.connections().toString())).append("];\n");
      }
    }
    return out.append("}\n").toString();
  }

  private static String dotText(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
