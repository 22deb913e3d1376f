package dev.apiserverpolicy.reach;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The explanations as pictures, Mermaid or Graphviz DOT: one picture per cluster, each a subgraph
 * titled with the cluster that holds who may connect, its apiserver pods and what they may reach.
 * A destination several clusters share is drawn in each cluster's picture: drawn once for all, its
 * edges crossed every other cluster's and the picture could not be read (five clusters of the quick
 * start made a 1427 x 6590 px tangle). Every edge is named by what it goes through (the Service or
 * proxy in, the policies out); the NodePort bypass is dashed.
 */
final class AccessPictures {
  private AccessPictures() {}

  /** How one picture language writes a title, a node and an edge. */
  private interface Syntax {
    String open(String id, String title);

    String close();

    String client(String id, String label);

    String node(String id, String label);

    String edge(String from, String to, String label, boolean bypass);
  }

  private static final Syntax MERMAID = new Syntax() {
    public String open(String id, String title) {
      return "  subgraph " + id + " [\"" + DiffMermaid.escape(title) + "\"]\n    direction LR\n";
    }

    public String close() {
      return "  end\n";
    }

    public String client(String id, String label) {
      return "    " + id + "([\"" + DiffMermaid.escape(label) + "\"])\n";
    }

    public String node(String id, String label) {
      return "    " + id + "[\"" + String.join("<br/>", label.lines().map(DiffMermaid::escape).toList()) + "\"]\n";
    }

    public String edge(String from, String to, String label, boolean bypass) {
      return "    " + from + (bypass ? " -.->|\"" : " -->|\"") + DiffMermaid.escape(label) + "\"| " + to + "\n";
    }
  };

  private static final Syntax DOT = new Syntax() {
    public String open(String id, String title) {
      return "  subgraph cluster_" + id + " {\n    label=" + dotText(title) + ";\n    labelloc=t;\n";
    }

    public String close() {
      return "  }\n";
    }

    public String client(String id, String label) {
      return "    " + id + " [shape=ellipse, label=" + dotText(label) + "];\n";
    }

    public String node(String id, String label) {
      return "    " + id + " [label=" + dotText(label) + "];\n";
    }

    /**
     * The label is a node of its own on the edge: Graphviz keeps nodes apart, but not edge labels,
     * which stacked on each other and on the cluster titles.
     */
    public String edge(String from, String to, String label, boolean bypass) {
      String via = from + "__" + to;
      String style = bypass ? ", style=dashed, color=red" : "";
      return "    " + via + " [shape=box, style=\"rounded,filled\", fillcolor=gray95, color=gray70, fontsize=9, label="
          + dotText(label)
          + (bypass ? ", fontcolor=red" : "") + "];\n    " + from + " -> " + via + " [arrowhead=none" + style
          + "];\n    " + via + " -> " + to + (bypass ? " [style=dashed, color=red]" : "") + ";\n";
    }
  };

  static String egressLabel(AccessExplanation.Destination d) {
    return d.connections() + " by " + (d.allowedBy().isEmpty() ? "no policy" : String.join(", ", d.allowedBy()));
  }

  static String mermaid(List<AccessExplanation> explanations) {
    return draw(new StringBuilder("flowchart LR\n"), explanations, MERMAID).toString();
  }

  static String dot(List<AccessExplanation> explanations) {
    StringBuilder out = new StringBuilder("digraph apiserver_access {\n  rankdir=LR;\n  ranksep=0.4;\n"
        + "  nodesep=0.25;\n  node [shape=box, fontsize=11];\n  edge [fontsize=9];\n");
    return draw(out, explanations, DOT).append("}\n").toString();
  }

  private static StringBuilder draw(StringBuilder out, List<AccessExplanation> explanations, Syntax syntax) {
    for (int c = 0; c < explanations.size(); c++) {
      AccessExplanation e = explanations.get(c);
      String prefix = "c" + c;
      String api = prefix + "_api";
      out.append(syntax.open(prefix, "cluster " + e.cluster() + " (" + e.strategy() + ", " + e.profile() + ")"))
          .append(syntax.node(api, "kube-apiserver pods\nin namespace " + e.namespace()));
      Map<String, String> ids = new LinkedHashMap<>();
      for (AccessExplanation.Ingress in : e.ingress()) {
        String from = id(ids, prefix + "_who", in.admits(), out, syntax::client);
        out.append(syntax.edge(from, api, in.path(), in.bypass()));
      }
      for (AccessExplanation.Destination d : e.egress()) {
        if (!d.connections().isEmpty()) {
          String to = id(ids, prefix + "_to", d.target(), out, syntax::node);
          out.append(syntax.edge(api, to, egressLabel(d), false));
        }
      }
      out.append(syntax.close());
    }
    return out;
  }

  /** The id of the node labelled {@code label} in this cluster's picture, declared the first time. */
  private static String id(Map<String, String> ids, String prefix, String label, StringBuilder out,
      java.util.function.BinaryOperator<String> declare) {
    String key = prefix + "\u0000" + label;
    String id = ids.get(key);
    if (id == null) {
      id = prefix + ids.size();
      ids.put(key, id);
      out.append(declare.apply(id, label));
    }
    return id;
  }

  private static String dotText(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
