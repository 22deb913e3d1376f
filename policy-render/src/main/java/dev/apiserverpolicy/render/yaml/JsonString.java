package dev.apiserverpolicy.render.yaml;

import java.util.Locale;

/**
 * A string as a JSON string literal, which is also a YAML double-quoted scalar: the one quoter
 * for the YAML we write, the port-mapping annotation and the CLI's JSON reports. Besides what
 * JSON requires, it escapes every character that could hide or reorder text when the output is
 * shown on a terminal or in a review (C1 controls, DEL, line and paragraph separators, the
 * byte-order mark, bidirectional controls) and lone surrogates, which no encoder can write.
 *
 * @since 0.1.0
 */
public final class JsonString {
  private JsonString() {}

  /** {@code s} in double quotes, escaped. */
  public static String quote(String s) {
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
              || c == '\uFEFF' || isBidiControl(c) || Character.isSurrogate(c) && !pairedSurrogate(s, i);
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

  /**
   * The characters that reorder text when displayed (bidirectional marks, embeddings, overrides
   * and isolates): a line holding one can read differently from what it holds.
   */
  public static boolean isBidiControl(char c) {
    return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }

  private static boolean pairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
