package dev.apiserverpolicy.read;

import java.util.Optional;

/**
 * Where a YAML syntax error comes from a key written without its ':' (snakeyaml reports the
 * line after it, where the value it swallowed ends): the line with the key, and the key as it
 * should be written. Only a line that holds a bare {@code word value} qualifies; anything else
 * keeps the parser's own position.
 */
final class MissingColon {
  /** The line (1-based) and column of the key, and the fix. */
  record Found(int line, int column, String written, String fixed) {}

  private MissingColon() {}

  /**
   * For an error at {@code errorLine} (1-based): the nearest line above it that is not blank or a
   * comment, if it is a key and a value with no ':' between them, at the indentation of the error
   * line or deeper.
   */
  static Optional<Found> before(String text, int errorLine) {
    String[] lines = text.split("\n", -1);
    if (errorLine < 2 || errorLine > lines.length) {
      return Optional.empty();
    }
    int errorIndent = indent(lines[errorLine - 1]);
    for (int i = errorLine - 2; i >= 0 && i >= errorLine - 50; i--) {
      String line = lines[i].stripTrailing();
      String body = line.strip();
      if (body.isEmpty() || body.startsWith("#")) {
        continue;
      }
      int number = i + 1;
      return keyWithoutColon(body).filter(fixed -> indent(line) <= errorIndent)
          .map(fixed -> new Found(number, indent(line) + 1, body, fixed));
    }
    return Optional.empty();
  }

  /** {@code name dev-tools} gives {@code name: dev-tools}; a line with ':' or a list item gives nothing. */
  static Optional<String> keyWithoutColon(String body) {
    if (body.contains(":") || body.startsWith("-") || body.startsWith("\"") || body.startsWith("'")) {
      return Optional.empty();
    }
    int space = body.indexOf(' ');
    String key = space < 0 ? body : body.substring(0, space);
    if (!key.matches("[A-Za-z][A-Za-z0-9_.-]*")) {
      return Optional.empty();
    }
    return Optional.of(space < 0 ? key + ":" : key + ": " + body.substring(space + 1).strip());
  }

  /** A line as a message quotes it: at most 80 characters. */
  static String shown(String line) {
    return line.length() > 80 ? line.substring(0, 80) + "..." : line;
  }

  private static int indent(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }
}
