package dev.apiserverpolicy.read;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One node of a schema in {@link KkpSchemaData}'s compact form: lines of the form
 * {@code <indent><name>[?][ :<type>][ =<value>|<value>...][ ~<pattern index>]}, two spaces a level, a
 * node's fields on the lines below it one level deeper; {@code *} names map values, {@code -} list items,
 * {@code ?} a node that takes anything. A node reads its own fields the first time they are asked for, so a
 * run reads the few parts of the schemas its objects use, not thousands of lines.
 */
final class SchemaNode {
  private final String tree;
  private final int from;
  private final int to;
  private final int childIndent;
  private final List<Pattern> patterns;
  private final boolean free;
  private final char type;
  private final List<String> values;
  private final Pattern pattern;
  private Map<String, SchemaNode> children;

  private SchemaNode(String tree, int from, int to, int childIndent, List<Pattern> patterns, String line) {
    this.tree = tree;
    this.from = from;
    this.to = to;
    this.childIndent = childIndent;
    this.patterns = patterns;
    String[] parts = line.split(" ");
    this.free = parts[0].endsWith("?");
    char typeCode = ' ';
    List<String> enumValues = List.of();
    Pattern matching = null;
    for (int i = 1; i < parts.length; i++) {
      switch (parts[i].charAt(0)) {
        case ':' -> typeCode = parts[i].charAt(1);
        case '=' -> enumValues = List.of(parts[i].substring(1).split("\\|", -1));
        default -> matching = patterns.get(Integer.parseInt(parts[i].substring(1)));
      }
    }
    this.type = typeCode;
    this.values = enumValues;
    this.pattern = matching;
  }

  /** The root of {@code tree}: an object whose fields are the lines at indent 0. */
  static SchemaNode root(String tree, List<Pattern> patterns) {
    return new SchemaNode(tree, 0, tree.length(), 0, patterns, "");
  }

  boolean free() {
    return free;
  }

  /** s, i, n, b, o, a, or q for int-or-string; blank if the schema names no type. */
  char type() {
    return type;
  }

  List<String> values() {
    return values;
  }

  Pattern pattern() {
    return pattern;
  }

  /** The node's fields by name, read on first use. */
  synchronized Map<String, SchemaNode> children() {
    if (children == null) {
      children = readChildren();
    }
    return children;
  }

  private Map<String, SchemaNode> readChildren() {
    Map<String, SchemaNode> read = new HashMap<>();
    int lineStart = from;
    int childStart = -1;
    while (lineStart < to) {
      int lineEnd = tree.indexOf('\n', lineStart);
      lineEnd = lineEnd < 0 || lineEnd > to ? to : lineEnd;
      // Every line in the range is indented at least childIndent: a field of this node has no more.
      if (tree.charAt(lineStart + childIndent) != ' ') {
        addChild(read, childStart, lineStart);
        childStart = lineStart;
      }
      lineStart = lineEnd + 1;
    }
    addChild(read, childStart, to);
    return read;
  }

  // The child whose line starts at start, with the lines up to end below it.
  private void addChild(Map<String, SchemaNode> read, int start, int end) {
    if (start < 0) {
      return;
    }
    int lineEnd = tree.indexOf('\n', start);
    lineEnd = lineEnd < 0 || lineEnd > end ? end : lineEnd;
    String line = tree.substring(start + childIndent, lineEnd);
    SchemaNode child = new SchemaNode(tree, Math.min(lineEnd + 1, end), end, childIndent + 2, patterns, line);
    String name = line.substring(0, line.indexOf(' ') < 0 ? line.length() : line.indexOf(' '));
    read.put(child.free ? name.substring(0, name.length() - 1) : name, child);
  }
}
