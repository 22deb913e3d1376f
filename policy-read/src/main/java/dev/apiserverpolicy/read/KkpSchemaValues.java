package dev.apiserverpolicy.read;

import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.FieldPath;
import dev.apiserverpolicy.model.Severity;
import dev.apiserverpolicy.model.Spelling;
import java.util.regex.Pattern;

/**
 * Whether a value is one KKP's API server accepts for its schema node: the type (as Kubernetes' YAML
 * reader turns the YAML into JSON, so an unquoted {@code on} is a boolean), the enum and the pattern. A
 * null is always accepted: the API server prunes it from a non-nullable field before it validates.
 */
final class KkpSchemaValues {
  private KkpSchemaValues() {}

  /** False, after an error, if {@code node} breaks {@code schema}; a field already reported is passed over. */
  static boolean accepts(FieldReader doc, SchemaNode schema, YamlNode node, FieldPath path, String kind) {
    if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.Type.NULL || doc.scope().reported(path)) {
      return true;
    }
    if (!hasType(schema.type(), node)) {
      String usual = schema.type() == 's' ? "quote the value, e.g. \"...\"" : "write " + typeName(schema.type())
          + " here";
      report(doc, DiagnosticCode.FIELD_TYPE, node, path, kind, "must be " + typeName(schema.type()) + ", found "
          + FieldReader.describe(node), FieldReader.layoutHint(node, schema.type() != 's').orElse(usual));
      return false;
    }
    if (!(node instanceof YamlNode.Scalar scalar) || scalar.type() != YamlNode.Type.STRING) {
      return true;
    }
    if (!schema.values().isEmpty() && !schema.values().contains(scalar.value())) {
      report(doc, DiagnosticCode.FIELD_VALUE, node, path, kind, "'" + scalar.value() + "' is not one of "
          + String.join(", ", schema.values().stream().map(v -> "'" + v + "'").toList()),
          Spelling.closest(scalar.value(), schema.values()).map(v -> "did you mean '" + v + "'?")
              .orElse("write one of the values listed"));
      return false;
    }
    Pattern pattern = schema.pattern();
    if (pattern != null && !pattern.matcher(scalar.value()).find()) {
      report(doc, DiagnosticCode.FIELD_VALUE, node, path, kind, "'" + scalar.value() + "' does not match the "
          + "pattern " + pattern.pattern().replace("\\z", "$"), "write a value that matches it");
      return false;
    }
    return true;
  }

  private static boolean hasType(char type, YamlNode node) {
    YamlNode.Type scalar = node instanceof YamlNode.Scalar s ? s.type() : null;
    return switch (type) {
      case 's' -> scalar == YamlNode.Type.STRING;
      case 'i' -> scalar == YamlNode.Type.INTEGER;
      case 'n' -> scalar == YamlNode.Type.INTEGER || scalar == YamlNode.Type.FLOAT;
      case 'b' -> scalar == YamlNode.Type.BOOLEAN;
      case 'q' -> scalar == YamlNode.Type.INTEGER || scalar == YamlNode.Type.STRING;
      case 'o' -> node instanceof YamlNode.Mapping;
      case 'a' -> node instanceof YamlNode.Sequence;
      default -> true;
    };
  }

  private static String typeName(char type) {
    return switch (type) {
      case 's' -> "a string";
      case 'i' -> "an integer";
      case 'n' -> "a number";
      case 'b' -> "true or false";
      case 'q' -> "an integer or a string";
      case 'o' -> "an object";
      default -> "a list";
    };
  }

  private static void report(FieldReader doc, DiagnosticCode code, YamlNode at, FieldPath path, String kind,
      String what, String hint) {
    doc.scope().reportAgainstSchema(code, Severity.ERROR, at, path, what + ": KKP " + KkpSchema.VERSION
        + "'s API server refuses this " + kind, hint);
  }
}
