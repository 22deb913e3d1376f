package dev.apiserverpolicy.read;

import dev.apiserverpolicy.model.Position;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A composed YAML node: scalar, mapping or sequence, with where it starts. Aliases are
 * the same Java object as their anchor, never copies, and never cycles (the composer
 * refuses an alias to a node that is still open).
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {
  /** Where the node starts. */
  Position start();

  /** What a scalar means, resolved as Kubernetes' YAML 1.1 reader resolves plain scalars. */
  enum Type {
    STRING, BOOLEAN, INTEGER, FLOAT, NULL, OTHER
  }

  /**
   * A scalar; {@code plain} is false for quoted and block scalars, which are always strings.
   * Its type is resolved once, when it is composed.
   */
  record Scalar(String value, boolean plain, String explicitTag, Position start, Type type) implements YamlNode {
    Scalar(String value, boolean plain, String explicitTag, Position start) {
      this(value, plain, explicitTag, start, resolve(value, plain, explicitTag));
    }

    private static final String TAG = "tag:yaml.org,2002:";
    // YAML 1.1's null and boolean words: exact lists, so a set lookup instead of a pattern.
    private static final Set<String> NULL = Set.of("~", "null", "Null", "NULL", "");
    private static final Set<String> BOOL = Set.of(
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF");
    private static final Pattern INT = Pattern.compile(
        "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+");
    private static final Pattern FLOAT = Pattern.compile(
        "[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
            + "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

    private static Type resolve(String value, boolean plain, String explicitTag) {
      if (explicitTag != null) {
        switch (explicitTag) {
          case TAG + "str":
            return Type.STRING;
          case TAG + "bool":
            return BOOL.contains(value) ? Type.BOOLEAN : Type.OTHER;
          case TAG + "int":
            return INT.matcher(value).matches() ? Type.INTEGER : Type.OTHER;
          case TAG + "null":
            return Type.NULL;
          case TAG + "float":
            return Type.FLOAT;
          case "!":
            return Type.STRING;
          default:
            return Type.OTHER;
        }
      }
      if (!plain) {
        return Type.STRING;
      }
      if (!value.isEmpty() && !mayBeOtherThanString(value.charAt(0))) {
        return Type.STRING;
      }
      // Fast paths for the common values that start like numbers: ports and CIDRs.
      if (isDecimalDigits(value)) {
        return Type.INTEGER;
      }
      if (value.indexOf('/') >= 0 || value.indexOf(' ') >= 0) {
        return Type.STRING;
      }
      if (NULL.contains(value)) {
        return Type.NULL;
      }
      if (BOOL.contains(value)) {
        return Type.BOOLEAN;
      }
      if (!mayBeNumber(value.charAt(0))) {
        return Type.STRING;
      }
      if (INT.matcher(value).matches()) {
        return Type.INTEGER;
      }
      if (FLOAT.matcher(value).matches()) {
        return Type.FLOAT;
      }
      return Type.STRING;
    }

    /** Plain decimal as YAML 1.1's int pattern reads it: {@code 0}, or digits not starting with 0. */
    private static boolean isDecimalDigits(String value) {
      if (value.isEmpty() || value.length() > 1 && value.charAt(0) == '0') {
        return false;
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c < '0' || c > '9') {
          return false;
        }
      }
      return true;
    }

    // Every YAML 1.1 integer or float starts with one of these characters.
    private static boolean mayBeNumber(char c) {
      return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    }

    // Every YAML 1.1 null, boolean, integer or float starts with one of these characters.
    private static boolean mayBeOtherThanString(char c) {
      return (c >= '0' && c <= '9') || "+-.~nNyYtTfFoO".indexOf(c) >= 0;
    }

    /** True for YAML 1.1's merge key {@code <<}. */
    public boolean isMergeKey() {
      return plain && explicitTag == null && value.equals("<<");
    }
  }

  /** A mapping, entries in document order. */
  record Mapping(List<Entry> entries, Position start) implements YamlNode {}

  /** One key and value of a mapping. */
  record Entry(YamlNode key, YamlNode value) {}

  /** A sequence. */
  record Sequence(List<YamlNode> items, Position start) implements YamlNode {}
}
