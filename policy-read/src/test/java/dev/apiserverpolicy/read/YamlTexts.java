package dev.apiserverpolicy.read;

import java.util.Random;

/**
 * Random YAML streams for parser properties: documents of nested mappings, sequences and
 * scalars written in block or flow style, with varied indentation, quoting, spacing,
 * comments and blank lines, and a share mutated at random characters afterwards.
 */
final class YamlTexts {
  private YamlTexts() {}

  private static final String[] WORDS = {
      "a", "b c", "name", "10.0.0.0/8", "2001:db8::/32", "::1", "443", "0443", "-1", "+1", "1.5", "1e3", "true", "no",
      "on", "null", "~", "", " ", "https://dex.example.com:5556/dex", "a:b", "a: b", "a #b", "a#b", "x'y", "x\"y",
      "é", "日本", "-", "-x", "?x", ":x", "@x", "`x", "%x", "x,y", "[x]", "{x}", "x]", "\\", "\\n", "line\nbreak",
          "tab\tx",
      "---", "...", "--- x", "<<", "!x", "&x", "*x", "|", ">", "#", "x #", "x:", "x: ", "  lead", "trail  ", "'", "\"",
      "a?b", "a/b", "k8s-app", "kube-system", "0x1F", ".inf", "\u00a0nbsp", "x\u0085y", "\u2028"};

  private static final String EDITS = "{}[]&*!%|>-:,?'\"# \n\t\\\r";

  static String generate(Random r) {
    String text = generateUnmutated(r);
    return r.nextInt(3) == 0 ? mutate(text, r) : text;
  }

  /** A stream as {@link #generate(Random)} makes them, but never mutated. */
  static String generateUnmutated(Random r) {
    StringBuilder out = new StringBuilder();
    int documents = 1 + r.nextInt(3);
    for (int d = 0; d < documents; d++) {
      if (d > 0 || r.nextBoolean()) {
        out.append(r.nextInt(8) == 0 ? "--- # doc\n" : "---\n");
      }
      maybeComment(r, out, 0);
      new Writer(r, out).root();
    }
    return out.toString();
  }

  private static void maybeComment(Random r, StringBuilder out, int indent) {
    int k = r.nextInt(12);
    if (k == 0) {
      out.append(" ".repeat(indent)).append("# a comment\n");
    } else if (k == 1) {
      out.append('\n');
    }
  }

  static String mutate(String text, Random r) {
    StringBuilder sb = new StringBuilder(text);
    int edits = 1 + r.nextInt(3);
    for (int i = 0; i < edits && sb.length() > 0; i++) {
      int at = r.nextInt(sb.length());
      switch (r.nextInt(3)) {
        case 0 -> sb.insert(at, EDITS.charAt(r.nextInt(EDITS.length())));
        case 1 -> sb.deleteCharAt(at);
        default -> sb.setCharAt(at, EDITS.charAt(r.nextInt(EDITS.length())));
      }
    }
    return sb.toString();
  }

  private static final class Writer {
    private final Random r;
    private final StringBuilder out;
    private final int step;

    Writer(Random r, StringBuilder out) {
      this.r = r;
      this.out = out;
      this.step = 1 + r.nextInt(4);
    }

    void root() {
      switch (r.nextInt(6)) {
        case 0 -> out.append(flow(0)).append('\n');
        case 1 -> blockSequence(r.nextInt(2));
        case 2 -> out.append(scalar()).append('\n');
        default -> blockMapping(r.nextInt(5) == 0 ? 1 : 0, 0);
      }
    }

    private void blockMapping(int indent, int depth) {
      int entries = 1 + r.nextInt(4);
      for (int i = 0; i < entries; i++) {
        if (i > 0) {
          maybeComment(r, out, indent);
          out.append(" ".repeat(indent));
        } else if (out.length() == 0 || out.charAt(out.length() - 1) == '\n') {
          out.append(" ".repeat(indent));
        }
        out.append(key()).append(r.nextInt(10) == 0 ? " :" : ":");
        value(indent, depth);
      }
    }

    private void value(int indent, int depth) {
      int k = depth > 3 ? 0 : r.nextInt(7);
      switch (k) {
        case 0, 1 -> out.append(r.nextInt(15) == 0 ? "" : " ".repeat(1 + r.nextInt(2)) + scalar()).append(trailer());
        case 2 -> {
          out.append('\n');
          blockMapping(indent + step, depth + 1);
        }
        case 3 -> {
          out.append('\n');
          // Sequences under a key are often written at the key's own indent.
          blockSequence(r.nextBoolean() ? indent : indent + step);
        }
        case 4 -> out.append(' ').append(flow(depth)).append(trailer());
        case 5 -> {
          out.append(trailer());
          out.append(" ".repeat(indent + step)).append(scalar()).append('\n');
        }
        default -> out.append(trailer());
      }
    }

    private String trailer() {
      return r.nextInt(8) == 0 ? "  # note\n" : "\n";
    }

    private void blockSequence(int indent) {
      int items = 1 + r.nextInt(3);
      for (int i = 0; i < items; i++) {
        out.append(" ".repeat(indent)).append('-');
        switch (r.nextInt(6)) {
          case 0 -> out.append(trailer());
          case 1 -> {
            // A compact mapping: its first key on the dash's line.
            out.append(' ');
            int column = indent + 2;
            out.append(key()).append(": ").append(scalar()).append('\n');
            if (r.nextBoolean()) {
              out.append(" ".repeat(column)).append(key()).append(": ").append(flow(2)).append('\n');
            }
          }
          case 2 -> {
            out.append('\n');
            blockMapping(indent + step, 3);
          }
          case 3 -> out.append(' ').append(flow(2)).append('\n');
          default -> out.append(' ').append(scalar()).append(trailer());
        }
      }
    }

    private String flow(int depth) {
      StringBuilder sb = new StringBuilder();
      boolean mapping = r.nextBoolean();
      sb.append(mapping ? '{' : '[');
      int n = r.nextInt(4);
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          sb.append(',').append(r.nextInt(6) == 0 ? "\n" + " ".repeat(1 + r.nextInt(6)) : r.nextInt(4) == 0 ? "" : " ");
        }
        if (mapping) {
          String key = key();
          sb.append(key).append(key.startsWith("\"") && r.nextBoolean() ? ":" : ": ");
        }
        sb.append(depth < 4 && r.nextInt(4) == 0 ? flow(depth + 1) : scalar());
      }
      return sb.append(mapping ? '}' : ']').toString();
    }

    private String key() {
      int k = r.nextInt(10);
      return k < 6 ? "k" + r.nextInt(5) : scalar();
    }

    private String scalar() {
      String word = WORDS[r.nextInt(WORDS.length)];
      return switch (r.nextInt(4)) {
        case 0 -> "'" + word.replace("'", "''") + "'";
        case 1 -> doubleQuoted(word);
        default -> word;
      };
    }

    private String doubleQuoted(String word) {
      StringBuilder sb = new StringBuilder("\"");
      for (char c : word.toCharArray()) {
        switch (c) {
          case '"' -> sb.append("\\\"");
          case '\\' -> sb.append("\\\\");
          case '\n' -> sb.append("\\n");
          case '\t' -> sb.append(r.nextBoolean() ? "\\t" : "\t");
          case '/' -> sb.append(r.nextBoolean() ? "\\/" : "/");
          default -> sb.append(c > 0x7e && r.nextBoolean() ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
      }
      return sb.append('"').toString();
    }
  }
}
