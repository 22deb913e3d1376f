package dev.apiserverpolicy.render.yaml;

import java.util.List;
import java.util.Map;

/**
 * The reference emitter the production writer is held to: trees of maps, lists, strings,
 * integers and booleans as block-style YAML, one line per scalar, maps in their iteration
 * order, scalars as {@link YamlScalars} writes them. Simple enough to trust by reading.
 */
final class YamlEmitter {
  private YamlEmitter() {}

  static void emitMap(StringBuilder out, Map<String, ?> map, int indent) {
    boolean first = true;
    for (Map.Entry<String, ?> e : map.entrySet()) {
      if (!first) {
        spaces(out, indent);
      }
      first = false;
      out.append(YamlScalars.scalar(e.getKey())).append(':');
      emitValue(out, e.getValue(), indent);
    }
  }

  // Writes what follows "key:" (the caller is positioned right after the colon).
  private static void emitValue(StringBuilder out, Object value, int indent) {
    if (value instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        out.append(" {}\n");
      } else {
        out.append('\n');
        spaces(out, indent + 2);
        emitMap(out, cast(m), indent + 2);
      }
    } else if (value instanceof List<?> l) {
      if (l.isEmpty()) {
        out.append(" []\n");
      } else {
        out.append('\n');
        emitList(out, l, indent);
      }
    } else {
      out.append(' ').append(scalarValue(value)).append('\n');
    }
  }

  private static void emitList(StringBuilder out, List<?> list, int indent) {
    for (Object item : list) {
      spaces(out, indent);
      out.append("- ");
      if (item instanceof Map<?, ?> m && !m.isEmpty()) {
        emitMap(out, cast(m), indent + 2);
      } else if (item instanceof List<?> l && !l.isEmpty()) {
        out.append('\n');
        emitList(out, l, indent + 2);
      } else if (item instanceof Map<?, ?>) {
        out.append("{}\n");
      } else if (item instanceof List<?>) {
        out.append("[]\n");
      } else {
        out.append(scalarValue(item)).append('\n');
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> cast(Map<?, ?> m) {
    return (Map<String, ?>) m;
  }

  private static void spaces(StringBuilder out, int n) {
    for (int i = 0; i < n; i++) {
      out.append(' ');
    }
  }

  private static String scalarValue(Object value) {
    if (value instanceof String s) {
      return YamlScalars.scalar(s);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
      return value.toString();
    }
    throw new IllegalArgumentException("cannot write " + (value == null ? "null" : value.getClass().getName()));
  }
}
