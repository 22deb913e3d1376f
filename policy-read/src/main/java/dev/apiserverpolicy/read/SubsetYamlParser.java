package dev.apiserverpolicy.read;

import dev.apiserverpolicy.model.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A fast parser for the YAML that manifests are nearly always written in: block and flow
 * mappings and sequences, one-line plain and quoted scalars, comments and {@code ---}
 * markers. It builds the same {@link YamlNode} trees, positions included, as the
 * snakeyaml-engine path of {@link YamlStream}, and gives up on the whole input at the first
 * thing outside that subset (anchors, aliases, tags, block scalars, scalars over several
 * lines, directives, tabs, carriage returns, anything malformed, anything near a limit), so
 * that the full parser reads it and reports what is wrong. A property test holds the two to
 * the same trees on generated and mutated inputs.
 *
 * <p>Why it exists: the full parser allocates a mark and an optional per token, and was the
 * bound of reading ten thousand clusters.
 */
final class SubsetYamlParser {
  /** Thrown to leave the subset; carries no stack trace. */
  private static final class Declined extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Declined INSTANCE = new Declined();

    private Declined() {
      super("outside the subset", null, false, false);
    }
  }

  // A simple key must end within this many characters of its start (the full parser allows 1024).
  private static final int MAX_KEY_SPAN = 1000;

  // The text as characters: array loads, where String.charAt costs a call and two checks in C1 code.
  private final char[] s;
  private final int n;
  private final ReadLimits limits;
  private int pos;
  private int line = 1;
  private int lineStart;
  private int depth;
  // Flow content continued on another line must stay right of the enclosing block's indent.
  private int flowMinColumn;

  private SubsetYamlParser(char[] text, DocumentChunks.Chunk chunk, ReadLimits limits) {
    this.s = text;
    this.n = chunk.end();
    this.pos = chunk.start();
    this.lineStart = chunk.start();
    this.line = chunk.firstLine();
    this.limits = limits;
  }

  /**
   * Hands every non-empty document to {@code documents}, in order, and returns true; or
   * returns false as soon as the input leaves the subset (documents already handed on
   * must then be discarded by the caller).
   */
  static boolean parse(String text, ReadLimits limits, Consumer<YamlNode> documents) {
    return parse(text.toCharArray(), DocumentChunks.whole(text.length()), limits, documents);
  }

  /** Like {@link #parse(String, ReadLimits, Consumer)}, for the documents of one chunk of the text. */
  static boolean parse(char[] text, DocumentChunks.Chunk chunk, ReadLimits limits, Consumer<YamlNode> documents) {
    if (!supportedCharacters(text, chunk.start(), chunk.end())) {
      return false;
    }
    try {
      new SubsetYamlParser(text, chunk, limits).stream(documents);
      return true;
    } catch (Declined e) {
      return false;
    }
  }

  private static boolean supportedCharacters(char[] text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text[i];
      if (c >= 0x20 && c < 0x7F || c == '\n') {
        continue;
      }
      // Tabs, carriage returns, control characters, other line breaks, byte-order marks,
      // surrogates (columns would count differently) and non-characters.
      if (c < 0xA0 || c == 0x2028 || c == 0x2029 || c == 0xFEFF || (c >= 0xD800 && c <= 0xDFFF) || c >= 0xFFFE) {
        return false;
      }
    }
    return true;
  }

  private static Declined decline() {
    return Declined.INSTANCE;
  }

  // ---- documents ----

  private void stream(Consumer<YamlNode> documents) {
    while (true) {
      skipEmptyLines();
      if (pos >= n) {
        return;
      }
      int documentStart = pos;
      if (atMarker("---")) {
        pos += 3;
        endOfLine();
        skipEmptyLines();
        if (pos >= n || atMarker("---")) {
          continue; // an empty document composes to nothing
        }
      }
      if (atMarker("...") || s[pos] == '%') {
        throw decline();
      }
      flowMinColumn = 0;
      YamlNode root = blockNode(-1);
      skipEmptyLines();
      if (pos < n && !atMarker("---")) {
        throw decline();
      }
      if (pos - documentStart >= limits.maxDocumentChars()) {
        throw decline();
      }
      documents.accept(root);
    }
  }

  /** A {@code ---} or {@code ...} at the start of a line, followed by a blank or the end. */
  private boolean atMarker(String marker) {
    return pos == lineStart && pos + 3 <= n && s[pos] == marker.charAt(0) && s[pos + 1] == marker.charAt(1)
        && s[pos + 2] == marker.charAt(2) && (pos + 3 == n || isBlank(s[pos + 3]));
  }

  // ---- lines ----

  /** From a line start, skips blank and comment lines; stops at the first content character. */
  private void skipEmptyLines() {
    while (pos < n) {
      int i = pos;
      while (i < n && s[i] == ' ') {
        i++;
      }
      if (i == n) {
        pos = n;
        return;
      }
      char c = s[i];
      if (c == '\n') {
        newLine(i);
      } else if (c == '#') {
        int end = lineEnd(i);
        if (end < 0) {
          pos = n;
          return;
        }
        newLine(end);
      } else {
        pos = i;
        return;
      }
    }
  }

  /** After content: only spaces and a comment may follow on this line. */
  private void endOfLine() {
    int start = pos;
    while (pos < n && s[pos] == ' ') {
      pos++;
    }
    if (pos == n) {
      return;
    }
    char c = s[pos];
    if (c == '#' && (pos > start || pos == lineStart)) {
      int end = lineEnd(pos);
      if (end < 0) {
        pos = n;
        return;
      }
      newLine(end);
    } else if (c == '\n') {
      newLine(pos);
    } else {
      throw decline();
    }
  }

  /** The index of the next line break at or after {@code from}, or -1. */
  private int lineEnd(int from) {
    for (int i = from; i < n; i++) {
      if (s[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void newLine(int newlineAt) {
    pos = newlineAt + 1;
    line++;
    lineStart = pos;
  }

  /** The indent of the next content line, or -1 at the end of the document. */
  private int nextIndent() {
    skipEmptyLines();
    if (pos >= n || atMarker("---") || atMarker("...")) {
      return -1;
    }
    return pos - lineStart;
  }

  private Position here() {
    return Position.of(line, pos - lineStart + 1);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\n';
  }

  private boolean blankOrEndAt(int i) {
    return i >= n || isBlank(s[i]);
  }

  private boolean dashEntry() {
    return s[pos] == '-' && blankOrEndAt(pos + 1);
  }

  // ---- block context ----

  /** A node at {@code pos}, inside a block collection indented at {@code parentIndent}. */
  private YamlNode blockNode(int parentIndent) {
    if (dashEntry()) {
      return blockSequence(pos - lineStart);
    }
    return restOfLine(parentIndent, true);
  }

  /** A value on the same line as its key. */
  private YamlNode inlineValue(int indent) {
    if (dashEntry()) {
      throw decline();
    }
    return restOfLine(indent, false); // "a: b: c" is declined
  }

  /**
   * A flow collection or a scalar and the rest of its line; a scalar followed by {@code ": "}
   * starts a mapping, where one may start.
   */
  private YamlNode restOfLine(int parentIndent, boolean mappingMayStart) {
    int column = pos - lineStart;
    char c = s[pos];
    if (c == '[' || c == '{') {
      flowMinColumn = parentIndent + 1;
      YamlNode flow = flowCollection();
      endOfLine();
      return flow;
    }
    Position start = here();
    YamlNode.Scalar scalar = scalar(start, false);
    if (keyFollows(start)) {
      if (!mappingMayStart) {
        throw decline();
      }
      return blockMapping(column, scalar);
    }
    endOfLine();
    return scalar;
  }

  /** Skips spaces; true if a {@code :} and a blank follow (the scalar before was a key). */
  private boolean keyFollows(Position keyStart) {
    int i = pos;
    while (i < n && s[i] == ' ') {
      i++;
    }
    if (i < n && s[i] == ':' && blankOrEndAt(i + 1)) {
      if (i - (lineStart + keyStart.column() - 1) > MAX_KEY_SPAN) {
        throw decline();
      }
      pos = i;
      return true;
    }
    return false;
  }

  private YamlNode blockMapping(int indent, YamlNode.Scalar firstKey) {
    enter();
    List<YamlNode.Entry> entries = new ArrayList<>();
    YamlNode key = firstKey;
    while (true) {
      Position afterColon = pastIndicator();
      YamlNode value;
      if (nothingMoreOnLine()) {
        endOfLine();
        int next = nextIndent();
        if (next > indent) {
          value = blockNode(indent);
        } else if (next == indent && dashEntry()) {
          value = blockSequence(indent);
        } else {
          value = emptyScalar(afterColon);
        }
      } else {
        value = inlineValue(indent);
      }
      entries.add(new YamlNode.Entry(key, value));
      int next = nextIndent();
      if (next != indent) {
        if (next > indent) {
          throw decline();
        }
        break;
      }
      char c = s[pos];
      if (dashEntry() || c == '[' || c == '{') {
        throw decline();
      }
      Position keyStart = here();
      key = scalar(keyStart, false);
      if (!keyFollows(keyStart)) {
        throw decline();
      }
    }
    leave();
    return new YamlNode.Mapping(List.copyOf(entries), firstKey.start());
  }

  /**
   * Steps over a {@code ':'} or {@code '-'} and the spaces after it; returns the position just
   * after the indicator, where the full parser places an empty value.
   */
  private Position pastIndicator() {
    pos++;
    Position after = here();
    while (pos < n && s[pos] == ' ') {
      pos++;
    }
    return after;
  }

  /** True at the end of the line, or at a comment (after a blank). */
  private boolean nothingMoreOnLine() {
    return pos >= n || s[pos] == '\n' || s[pos] == '#';
  }

  private YamlNode blockSequence(int indent) {
    enter();
    Position start = here();
    List<YamlNode> items = new ArrayList<>();
    while (true) {
      Position afterDash = pastIndicator();
      YamlNode item;
      if (nothingMoreOnLine()) {
        endOfLine();
        int next = nextIndent();
        item = next > indent ? blockNode(indent) : emptyScalar(afterDash);
      } else {
        item = blockNode(indent);
      }
      items.add(item);
      int next = nextIndent();
      if (next > indent) {
        throw decline();
      }
      if (next < indent || !dashEntry()) {
        break;
      }
    }
    leave();
    return new YamlNode.Sequence(List.copyOf(items), start);
  }

  /**
   * A one-line scalar: quoted, or plain up to where its context ends it (block: {@code ": "},
   * {@code " #"}, the line's end; flow: also a flow indicator, or a colon before one).
   */
  private YamlNode.Scalar scalar(Position start, boolean flow) {
    char c = s[pos];
    if (c == '"' || c == '\'') {
      return quoted(start);
    }
    if (!plainMayStart(c, flow)) {
      throw decline();
    }
    int from = pos;
    int end = pos;
    for (int i = pos; i < n; i++) {
      char ch = s[i];
      // Checked here, a character at a time; only the few characters that may end a flow scalar
      // take the call (this loop is the parser's hottest, and C1 does not inline the call).
      if (ch == '\n' || ch == ' ' && i + 1 < n && s[i + 1] == '#'
          || (flow ? is(FLOW_SPECIAL, ch) && flowPlainEndsAt(i, from) : ch == ':' && blankOrEndAt(i + 1))) {
        break;
      }
      if (ch != ' ') {
        end = i + 1;
      }
    }
    pos = end;
    return new YamlNode.Scalar(new String(s, from, end - from), true, null, start);
  }

  /**
   * At one of {@link #FLOW_SPECIAL}: true if a flow plain scalar ends here; declines what the full
   * parser reads otherwise.
   */
  private boolean flowPlainEndsAt(int i, int from) {
    char ch = s[i];
    if (is(FLOW_INDICATOR, ch) || ch == ':' && (i + 1 >= n || isBlank(s[i + 1]) || is(FLOW_INDICATOR, s[i + 1]))) {
      return true;
    }
    if (ch == '?' || ch == '#' && i > from && s[i - 1] == ' ') {
      throw decline();
    }
    return false;
  }

  private boolean plainMayStart(char c, boolean flow) {
    if (!is(INDICATOR, c)) {
      return true;
    }
    if (pos + 1 >= n || isBlank(s[pos + 1])) {
      return false;
    }
    // "-1", "-x"; and in block context "::1" and "?x" (the flow rules for those differ: leave them).
    return c == '-' && (!flow || !is(FLOW_INDICATOR, s[pos + 1])) || !flow && (c == '?' || c == ':');
  }

  private static final boolean[] INDICATOR = table("-?:,[]{}#&*!|>'\"%@`");
  private static final boolean[] FLOW_INDICATOR = table(",[]{}");
  private static final boolean[] FLOW_SPECIAL = table(",[]{}:?#");
  private static final boolean[] AFTER_QUOTE = table(":,]}");

  private static boolean[] table(String chars) {
    boolean[] t = new boolean[128];
    for (char c : chars.toCharArray()) {
      t[c] = true;
    }
    return t;
  }

  private static boolean is(boolean[] table, char c) {
    return c < 128 && table[c];
  }

  private static YamlNode.Scalar emptyScalar(Position at) {
    return new YamlNode.Scalar("", true, null, at);
  }

  // ---- scalars ----

  private YamlNode.Scalar quoted(Position start) {
    char quote = s[pos];
    StringBuilder value = null;
    int i = pos + 1;
    int chunk = i;
    while (true) {
      if (i >= n) {
        throw decline();
      }
      char c = s[i];
      if (c == '\n') {
        throw decline(); // folding over lines: left to the full parser
      }
      if (c == quote) {
        if (quote == '\'' && i + 1 < n && s[i + 1] == '\'') {
          value = append(value, chunk, i + 1);
          i += 2;
          chunk = i;
          continue;
        }
        break;
      }
      if (c == '\\' && quote == '"') {
        value = append(value, chunk, i);
        i = escape(value, i + 1);
        chunk = i;
        continue;
      }
      i++;
    }
    String text = value == null ? new String(s, chunk, i - chunk) : append(value, chunk, i).toString();
    pos = i + 1;
    if (pos < n && !isBlank(s[pos]) && !is(AFTER_QUOTE, s[pos])) {
      throw decline();
    }
    return new YamlNode.Scalar(text, false, null, start);
  }

  private StringBuilder append(StringBuilder value, int from, int to) {
    StringBuilder sb = value == null ? new StringBuilder() : value;
    return sb.append(s, from, to - from);
  }

  /** Appends the escape after a backslash (the JSON set); returns the index after it. */
  private int escape(StringBuilder value, int at) {
    if (at >= n) {
      throw decline();
    }
    char c = s[at];
    switch (c) {
      case '"', '\\', '/' -> value.append(c);
      case 'n' -> value.append('\n');
      case 't' -> value.append('\t');
      case 'r' -> value.append('\r');
      case 'b' -> value.append('\b');
      case 'f' -> value.append('\f');
      case 'u' -> {
        if (at + 5 > n) {
          throw decline();
        }
        int code = 0;
        for (int k = at + 1; k <= at + 4; k++) {
          int digit = Character.digit(s[k], 16);
          if (digit < 0) {
            throw decline();
          }
          code = code * 16 + digit;
        }
        if (code >= 0xD800 && code <= 0xDFFF) {
          throw decline();
        }
        value.append((char) code);
        return at + 5;
      }
      default -> throw decline();
    }
    return at + 1;
  }

  // ---- flow context ----

  private YamlNode flowCollection() {
    return s[pos] == '[' ? flowSequence() : flowMapping();
  }

  private YamlNode flowNode() {
    char c = s[pos];
    if (c == '[' || c == '{') {
      return flowCollection();
    }
    return scalar(here(), true);
  }

  private YamlNode flowSequence() {
    enter();
    Position start = here();
    pos++;
    List<YamlNode> items = new ArrayList<>();
    flowSpace();
    if (s[pos] == ']') {
      pos++;
    } else {
      while (true) {
        items.add(flowNode());
        flowSpace();
        char c = s[pos++];
        if (c == ']') {
          break;
        }
        if (c != ',') {
          throw decline(); // including "[a: b]", a mapping of one pair
        }
        flowSpace();
        if (s[pos] == ']') {
          throw decline(); // a trailing comma
        }
      }
    }
    leave();
    return new YamlNode.Sequence(List.copyOf(items), start);
  }

  private YamlNode flowMapping() {
    enter();
    Position start = here();
    pos++;
    List<YamlNode.Entry> entries = new ArrayList<>();
    flowSpace();
    if (s[pos] == '}') {
      pos++;
    } else {
      while (true) {
        char first = s[pos];
        if (first == '[' || first == '{') {
          throw decline();
        }
        int keyLine = line;
        int keyAt = pos;
        YamlNode.Scalar key = scalar(here(), true);
        while (pos < n && s[pos] == ' ') {
          pos++;
        }
        // The ':' on the key's line; after a plain key it needs a blank ("a:b" is one scalar).
        if (pos >= n || s[pos] != ':' || line != keyLine || pos - keyAt > MAX_KEY_SPAN
            || key.plain() && !blankOrEndAt(pos + 1)) {
          throw decline();
        }
        pos++;
        flowSpace();
        char c = s[pos];
        if (c == ',' || c == '}') {
          throw decline(); // a key without a value
        }
        entries.add(new YamlNode.Entry(key, flowNode()));
        flowSpace();
        c = s[pos++];
        if (c == '}') {
          break;
        }
        if (c != ',') {
          throw decline();
        }
        flowSpace();
        if (s[pos] == '}') {
          throw decline();
        }
      }
    }
    leave();
    return new YamlNode.Mapping(List.copyOf(entries), start);
  }

  /** Skips spaces, line breaks and comments inside a flow collection; the input must go on. */
  private void flowSpace() {
    while (true) {
      if (pos >= n) {
        throw decline();
      }
      char c = s[pos];
      if (c == ' ') {
        pos++;
      } else if (c == '\n') {
        newLine(pos);
        while (pos < n && s[pos] == ' ') {
          pos++;
        }
        if (pos < n && s[pos] != '\n' && s[pos] != '#' && pos - lineStart < flowMinColumn
            || atMarker("---") || atMarker("...")) {
          throw decline();
        }
      } else if (c == '#' && (pos == lineStart || s[pos - 1] == ' ')) {
        int end = lineEnd(pos);
        if (end < 0) {
          throw decline();
        }
        pos = end;
      } else {
        return;
      }
    }
  }

  private void enter() {
    if (++depth > limits.maxDepth()) {
      throw decline();
    }
  }

  private void leave() {
    depth--;
  }
}
