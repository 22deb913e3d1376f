package dev.apiserverpolicy.reach;

/**
 * Text from the inputs (names, messages) made inert in Markdown: no emphasis, link, table cell,
 * HTML or heading can come out of it, and it stays on one line.
 */
final class MarkdownText {
  private MarkdownText() {}

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\n', '\r', '\t' -> out.append(' ');
        case '\\', '`', '*', '_', '[', ']', '|', '~' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
