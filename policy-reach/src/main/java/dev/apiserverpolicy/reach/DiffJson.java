package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.render.yaml.JsonString;
import java.util.List;

/**
 * The JSON form of a diff, shape {@link AccessDiff#JSON_VERSION}: keys always in the same order,
 * every list in the order of the diff (docs/spec.md, "diff").
 */
final class DiffJson {
  private DiffJson() {}

  static String write(AccessDiff diff) {
    StringBuilder out = new StringBuilder("{\n");
    out.append("  \"apiVersion\": ").append(JsonString.quote(AccessDiff.JSON_VERSION)).append(",\n");
    out.append("  \"changed\": ").append(diff.changed()).append(",\n");
    out.append("  \"summary\": {\"added\": ").append(diff.count(ClusterDiff.Status.ADDED)).append(", \"removed\": ")
        .append(diff.count(ClusterDiff.Status.REMOVED)).append(", \"changed\": ")
        .append(diff.count(ClusterDiff.Status.CHANGED)).append(", \"generalFindings\": ")
        .append(diff.findings().size()).append("},\n");
    out.append("  \"clusters\": [");
    for (int i = 0; i < diff.clusters().size(); i++) {
      ClusterDiff c = diff.clusters().get(i);
      out.append(i == 0 ? "\n" : ",\n").append("    {\"seed\": ").append(JsonString.quote(c.seed()))
          .append(", \"cluster\": ").append(JsonString.quote(c.cluster())).append(", \"status\": ")
          .append(JsonString.quote(c.status().id())).append(", \"changes\": ");
      changes(out, c.changes(), "      ");
      out.append('}');
    }
    out.append(diff.clusters().isEmpty() ? "],\n" : "\n  ],\n");
    out.append("  \"generalFindings\": ");
    changes(out, diff.findings(), "    ");
    return out.append("\n}\n").toString();
  }

  private static void changes(StringBuilder out, List<AccessChange> changes, String indent) {
    out.append('[');
    for (int i = 0; i < changes.size(); i++) {
      AccessChange c = changes.get(i);
      out.append(i == 0 ? "\n" : ",\n").append(indent).append("{\"kind\": ").append(JsonString.quote(c.kind().id()))
          .append(", \"section\": ").append(JsonString.quote(c.kind().section().id()))
          .append(", \"subject\": ").append(JsonString.quote(c.subject()))
          .append(", \"before\": ").append(JsonString.quote(c.before()))
          .append(", \"after\": ").append(JsonString.quote(c.after()));
      list(out.append(", \"added\": "), c.added());
      list(out.append(", \"removed\": "), c.removed());
      list(out.append(", \"allowedBy\": "), c.allowedBy());
      list(out.append(", \"allowedBefore\": "), c.allowedBefore());
      out.append('}');
    }
    out.append(changes.isEmpty() ? "]" : "\n" + indent.substring(2) + "]");
  }

  /** A JSON array of strings, on one line. */
  static void list(StringBuilder out, List<String> values) {
    out.append('[');
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(JsonString.quote(values.get(i)));
    }
    out.append(']');
  }
}
