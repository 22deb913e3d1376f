package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.render.yaml.JsonString;

/**
 * Text from the input made safe to print on a terminal. Control characters (an escape
 * sequence in a cluster name could move the cursor and forge the lines above it) and the
 * Unicode characters that reorder text (bidirectional overrides and isolates, which can make
 * a line read differently from what it holds) are written as {@code \\uXXXX}.
 */
final class TerminalText {
  private TerminalText() {}

  static String escape(String text) {
    int i = 0;
    while (i < text.length() && !needsEscape(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (needsEscape(c)) {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Escapes every line of a multi-line text, keeping its line breaks. */
  static String escapeLines(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    int start = 0;
    for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      sb.append(escape(text.substring(start, nl))).append('\n');
      start = nl + 1;
    }
    return sb.append(escape(text.substring(start))).toString();
  }

  private static boolean needsEscape(char c) {
    return Character.isISOControl(c) || JsonString.isBidiControl(c) || c == '\u2028' || c == '\u2029';
  }
}
