package dev.apiserverpolicy.reach;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Mermaid flowchart of one cluster's changed edges: paths to the API server whose source
 * ranges changed, and destinations of its pods whose connections changed. Added is a solid
 * edge labelled {@code +}, removed a dotted one labelled {@code -}.
 */
final class DiffMermaid {
  /** The longest label drawn; the list above the picture has the whole text. */
  static final int LABEL = 60;

  private DiffMermaid() {}

  /** The flowchart, or "" when nothing in the picture changed. */
  static String picture(ClusterDiff c) {
    List<String> edges = new ArrayList<>();
    Map<String, String> nodes = new LinkedHashMap<>();
    for (AccessChange change : c.changes()) {
      if (change.kind() == AccessChange.Kind.SOURCE_RANGES) {
        String node = nodes.computeIfAbsent(change.subject(), s -> "p" + nodes.size());
        change.added().forEach(a -> edges.add("  " + node + " -->|\"+ " + text(a) + "\"| api"));
        change.removed().forEach(r -> edges.add("  " + node + " -.->|\"- " + text(r) + "\"| api"));
      } else if (change.kind() == AccessChange.Kind.EGRESS) {
        String node = nodes.computeIfAbsent(change.subject(), s -> "d" + nodes.size());
        change.added().forEach(a -> edges.add("  api -->|\"+ " + text(a) + "\"| " + node));
        change.removed().forEach(r -> edges.add("  api -.->|\"- " + text(r) + "\"| " + node));
      }
    }
    if (edges.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("flowchart LR\n");
    out.append("  api[\"").append(text("kube-apiserver pods of " + c.cluster())).append("\"]\n");
    nodes.forEach((subject, id) -> out.append("  ").append(id).append(id.startsWith("p") ? "([\"" : "[\"")
        .append(text(subject)).append(id.startsWith("p") ? "\"])\n" : "\"]\n"));
    edges.forEach(e -> out.append(e).append('\n'));
    return out.toString();
  }

  /** A label: shortened, and with nothing Mermaid or the page would read as markup. */
  static String text(String s) {
    return escape(s.length() > LABEL ? s.substring(0, LABEL - 3) + "..." : s);
  }

  /** A label with nothing Mermaid or the page would read as markup, whole. */
  static String escape(String shown) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < shown.length(); i++) {
      char ch = shown.charAt(i);
      switch (ch) {
        case '"' -> out.append("#quot;");
        case '<' -> out.append("#lt;");
        case '>' -> out.append("#gt;");
        case '&' -> out.append("#amp;");
        case '`' -> out.append("#96;");
        case '#' -> out.append("#35;");
        case '\n', '\r' -> out.append(' ');
        default -> out.append(ch);
      }
    }
    return out.toString();
  }
}
