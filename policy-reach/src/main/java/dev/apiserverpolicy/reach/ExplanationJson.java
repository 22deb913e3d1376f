package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.render.yaml.JsonString;
import java.util.List;

/**
 * The JSON form of {@code explain}, shape {@link #VERSION}: keys always in the same order, the
 * clusters and their lists in the order of the explanation (docs/spec.md, "explain").
 */
final class ExplanationJson {
  /** The shape's version: a change of shape is a new version. */
  static final String VERSION = "apiserver-policy.dev/explain/v1";

  private ExplanationJson() {}

  static String write(List<AccessExplanation> explanations) {
    StringBuilder out = new StringBuilder("{\n  \"apiVersion\": ").append(JsonString.quote(VERSION))
        .append(",\n  \"clusters\": [");
    for (int i = 0; i < explanations.size(); i++) {
      cluster(out.append(i == 0 ? "\n" : ",\n"), explanations.get(i));
    }
    return out.append(explanations.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
  }

  private static void cluster(StringBuilder out, AccessExplanation e) {
    out.append("    {\"cluster\": ").append(JsonString.quote(e.cluster()))
        .append(", \"seed\": ").append(JsonString.quote(e.seed()))
        .append(", \"namespace\": ").append(JsonString.quote(e.namespace()))
        .append(", \"profile\": ").append(JsonString.quote(e.profile()))
        .append(", \"strategy\": ").append(JsonString.quote(e.strategy()))
        .append(",\n      \"egress\": [");
    for (int d = 0; d < e.egress().size(); d++) {
      AccessExplanation.Destination dest = e.egress().get(d);
      out.append(d == 0 ? "\n" : ",\n").append("        {\"destination\": ").append(JsonString.quote(dest.target()))
          .append(", \"connections\": ").append(JsonString.quote(dest.connections().toString()))
          .append(", \"allowedBy\": ");
      DiffJson.list(out, dest.allowedBy());
      out.append('}');
    }
    out.append(e.egress().isEmpty() ? "]" : "\n      ]").append(",\n      \"ingress\": [");
    for (int p = 0; p < e.ingress().size(); p++) {
      AccessExplanation.Ingress path = e.ingress().get(p);
      out.append(p == 0 ? "\n" : ",\n").append("        {\"path\": ").append(JsonString.quote(path.path()))
          .append(", \"admits\": ").append(JsonString.quote(path.admits()))
          .append(", \"bypass\": ").append(path.bypass()).append('}');
    }
    out.append(e.ingress().isEmpty() ? "]" : "\n      ]").append(",\n      \"clients\": ");
    DiffJson.list(out, e.clients());
    out.append(",\n      \"notes\": ");
    DiffJson.list(out, e.notes());
    out.append('}');
  }
}
