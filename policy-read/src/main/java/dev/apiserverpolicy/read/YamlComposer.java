package dev.apiserverpolicy.read;

import dev.apiserverpolicy.model.Position;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * Builds {@link YamlNode} trees from parser events, one document at a time, enforcing
 * the limits as it goes: nesting depth, aliases to collections, and document size. Works
 * with an explicit stack, so no input can overflow the Java stack.
 */
final class YamlComposer {
  /** A limit was exceeded; composition of the stream stops. */
  static final class LimitExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final Kind kind;
    final Position at;

    enum Kind {
      DEPTH, ALIASES, DOCUMENT_SIZE, UNDEFINED_ALIAS
    }

    LimitExceeded(Kind kind, Position at, String message) {
      super(message, null, false, false);
      this.kind = kind;
      this.at = at;
    }
  }

  private final ReadLimits limits;
  private final Deque<Frame> stack = new ArrayDeque<>();
  private final Map<String, YamlNode> anchors = new HashMap<>();
  private final List<YamlNode> documents = new ArrayList<>();
  private YamlNode root;
  private int collectionAliases;
  private int documentStart;
  // Where the document being composed starts (1-based), or 0 between documents.
  private int openDocumentLine;

  YamlComposer(ReadLimits limits) {
    this.limits = limits;
  }

  List<YamlNode> documents() {
    return documents;
  }

  /** The line the document being composed starts on, or 0 if none is open. */
  int openDocumentLine() {
    return openDocumentLine;
  }

  void accept(Event event) {
    switch (event.getEventId()) {
      case DocumentStart:
        anchors.clear();
        collectionAliases = 0;
        root = null;
        documentStart = event.getStartMark().map(Mark::getIndex).orElse(0);
        openDocumentLine = event.getStartMark().map(m -> m.getLine() + 1).orElse(1);
        return;
      case DocumentEnd:
        openDocumentLine = 0;
        if (root != null && !isEmptyScalar(root)) {
          documents.add(root);
        }
        return;
      case Scalar:
        checkSize(event);
        ScalarEvent s = (ScalarEvent) event;
        YamlNode scalar = new YamlNode.Scalar(s.getValue(), s.getScalarStyle() == ScalarStyle.PLAIN,
            s.getTag().orElse(null), position(event));
        anchor(s, scalar);
        add(scalar);
        return;
      case Alias:
        alias((AliasEvent) event);
        return;
      case MappingStart:
      case SequenceStart:
        open((CollectionStartEvent) event);
        return;
      case MappingEnd:
      case SequenceEnd:
        close();
        return;
      default:
        return;
    }
  }

  private void alias(AliasEvent event) {
    checkSize(event);
    String name = event.getAlias().getValue();
    YamlNode target = anchors.get(name);
    if (target == null) {
      throw new LimitExceeded(LimitExceeded.Kind.UNDEFINED_ALIAS, position(event),
          "alias *" + name + " refers to no complete anchor (undefined, or recursive)");
    }
    if (!(target instanceof YamlNode.Scalar) && ++collectionAliases > limits.maxCollectionAliases()) {
      throw new LimitExceeded(LimitExceeded.Kind.ALIASES, position(event),
          "more than " + limits.maxCollectionAliases()
              + " aliases to mappings or lists in one document (a possible alias bomb)");
    }
    add(target);
  }

  private void open(CollectionStartEvent event) {
    checkSize(event);
    if (stack.size() >= limits.maxDepth()) {
      throw new LimitExceeded(LimitExceeded.Kind.DEPTH, position(event),
          "mappings and lists nested more than " + limits.maxDepth() + " levels deep");
    }
    stack.push(new Frame(event.getEventId() == Event.ID.MappingStart, position(event),
        event.getAnchor().map(Anchor::getValue)));
  }

  private void close() {
    Frame done = stack.pop();
    YamlNode node = done.mapping
        ? new YamlNode.Mapping(List.copyOf(done.entries), done.start)
        : new YamlNode.Sequence(List.copyOf(done.items), done.start);
    // Registered only now, so an alias inside its own anchor is refused (no cycles).
    done.anchor.ifPresent(a -> anchors.put(a, node));
    add(node);
  }

  private void anchor(NodeEvent event, YamlNode node) {
    event.getAnchor().ifPresent(a -> anchors.put(a.getValue(), node));
  }

  private void add(YamlNode node) {
    Frame top = stack.peek();
    if (top == null) {
      root = node;
    } else if (!top.mapping) {
      top.items.add(node);
    } else if (top.pendingKey == null) {
      top.pendingKey = node;
    } else {
      top.entries.add(new YamlNode.Entry(top.pendingKey, node));
      top.pendingKey = null;
    }
  }

  private void checkSize(Event event) {
    int end = event.getEndMark().map(Mark::getIndex).orElse(0);
    if (end - documentStart > limits.maxDocumentChars()) {
      throw new LimitExceeded(LimitExceeded.Kind.DOCUMENT_SIZE, position(event),
          "a document is larger than " + limits.maxDocumentChars() + " characters");
    }
  }

  private static boolean isEmptyScalar(YamlNode node) {
    return node instanceof YamlNode.Scalar s && s.type() == YamlNode.Type.NULL && s.value().isEmpty();
  }

  static Position position(Event event) {
    return event.getStartMark().map(m -> Position.of(m.getLine() + 1, m.getColumn() + 1))
        .orElse(Position.of(1, 1));
  }

  private static final class Frame {
    final boolean mapping;
    final Position start;
    final Optional<String> anchor;
    final List<YamlNode.Entry> entries = new ArrayList<>();
    final List<YamlNode> items = new ArrayList<>();
    YamlNode pendingKey;

    Frame(boolean mapping, Position start, Optional<String> anchor) {
      this.mapping = mapping;
      this.start = start;
      this.anchor = anchor;
    }
  }
}
