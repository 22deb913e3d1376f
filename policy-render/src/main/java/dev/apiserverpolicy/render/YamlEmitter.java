package dev.apiserverpolicy.render;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes trees of maps, lists, strings, integers and booleans as block-style YAML, one
 * line per scalar (never folded). A string is written plain only when every YAML reader
 * (1.1 as Kubernetes uses it, and 1.2) must read it back as that same string; otherwise
 * it is double-quoted with escapes. Maps are written in their iteration order.
 */
final class YamlEmitter {
  // Plain words YAML 1.1 or 1.2 would read as booleans or null, whatever their case.
  private static final List<String> RESERVED_WORDS = List.of(
      "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~");

  private YamlEmitter() {}

  static void emitMap(StringBuilder out, Map<String, ?> map, int indent) {
    boolean first = true;
    for (Map.Entry<String, ?> e : map.entrySet()) {
      if (!first) {
        spaces(out, indent);
      }
      first = false;
      out.append(scalar(e.getKey())).append(':');
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
      return scalar(s);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
      return value.toString();
    }
    throw new IllegalArgumentException("cannot write " + (value == null ? "null" : value.getClass().getName()));
  }

  /** The string as a YAML scalar: plain if unambiguous, else double-quoted. */
  static String scalar(String s) {
    if (s.length() < MEMO_MIN_LENGTH) {
      return isPlainSafe(s) ? s : quoted(s);
    }
    String known = LONG_SCALARS.get(s);
    if (known != null) {
      return known;
    }
    String yaml = isPlainSafe(s) ? s : quoted(s);
    if (LONG_SCALARS.size() < MEMO_MAX_ENTRIES) {
      LONG_SCALARS.putIfAbsent(s, yaml);
    }
    return yaml;
  }

  // The policies' descriptions are long and the same in every cluster: checking them character by
  // character was a sixth of rendering ten thousand clusters. Long strings keep their YAML form here,
  // up to a bound; the result is the same with or without it.
  private static final int MEMO_MIN_LENGTH = 48;
  private static final int MEMO_MAX_ENTRIES = 1024;
  private static final Map<String, String> LONG_SCALARS = new ConcurrentHashMap<>();

  static boolean isPlainSafe(String s) {
    if (s.isEmpty() || s.length() > 4096) {
      return false;
    }
    char first = s.charAt(0);
    char last = s.charAt(s.length() - 1);
    if (last == ' ') {
      return false;
    }
    if (isDigit(first)) {
      // An IPv4 CIDR is no number, date or time in any YAML version: it has a '/'.
      if (s.indexOf('/') <= 0) {
        return false;
      }
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (!isDigit(c) && c != '.' && c != '/') {
          return false;
        }
      }
      return true;
    }
    // The reserved words are at most five characters long.
    if (!isLetter(first) || s.length() <= 5 && isReservedWord(s)) {
      return false;
    }
    char previous = first;
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      // A space is safe, but not two in a row (a reader could fold them).
      if (c >= PLAIN_SAFE.length || !PLAIN_SAFE[c] || c == ' ' && previous == ' ') {
        return false;
      }
      previous = c;
    }
    return true;
  }

  // The characters a plain scalar may hold after its first letter (one table load per character).
  private static final boolean[] PLAIN_SAFE = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      PLAIN_SAFE[c] = isLetter(c) || isDigit(c) || "._/-,()' ".indexOf(c) >= 0;
    }
  }

  private static boolean isReservedWord(String s) {
    for (String word : RESERVED_WORDS) {
      if (word.length() == s.length() && word.equalsIgnoreCase(s)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLetter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  static String quoted(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          boolean unsafe = c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
              || c == '\uFEFF' || Character.isSurrogate(c) && !pairedSurrogate(s, i);
          if (unsafe) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private static boolean pairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
