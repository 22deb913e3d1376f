package dev.apiserverpolicy.read;

import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.FieldPath;
import dev.apiserverpolicy.model.Severity;
import dev.apiserverpolicy.model.Spelling;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The field names of KKP v2.31.0's CRD schemas, in the compact form {@link KkpSchemaData} holds
 * (generated from testdata/kkp-crds by {@code KkpSchemaDataTest}): a field that is not in them is a
 * warning, since KKP's API server prunes it, unless it is a near miss of a field this tool reads,
 * which {@link MisplacedFields} reports as an error. KKP may be newer than the schema, so no more
 * than a warning.
 */
final class KkpSchema {
  /** One schema node: its named fields, {@code *} for map values, {@code -} for list items. */
  record Node(Map<String, Node> children, boolean free) {}

  private static final Map<String, Node> BY_KIND = new HashMap<>();

  private KkpSchema() {}

  /** The schema of {@code kind}, parsed on first use. */
  static synchronized Optional<Node> of(String kind) {
    if (!BY_KIND.containsKey(kind)) {
      Optional.ofNullable(KkpSchemaData.TREES.get(kind)).ifPresent(tree -> BY_KIND.put(kind, parse(tree)));
    }
    return Optional.ofNullable(BY_KIND.get(kind));
  }

  /** Lines of the form {@code <indent><name>[?]}; two spaces a level; {@code ?} marks a node that takes anything. */
  static Node parse(String tree) {
    Node root = new Node(new TreeMap<>(), false);
    java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
    stack.push(root);
    for (String line : tree.split("\n")) {
      int depth = 0;
      while (line.startsWith("  ", depth * 2)) {
        depth++;
      }
      String name = line.substring(depth * 2);
      boolean free = name.endsWith("?");
      Node node = new Node(new TreeMap<>(), free);
      while (stack.size() > depth + 1) {
        stack.pop();
      }
      stack.peek().children().put(free ? name.substring(0, name.length() - 1) : name, node);
      stack.push(node);
    }
    return root;
  }

  /** Warns of every field of {@code doc} that the schema of {@code kind} does not have. */
  static void check(FieldReader doc, String kind) {
    of(kind).ifPresent(schema -> walk(doc, schema, doc.node(), FieldPath.root(), kind));
  }

  private static void walk(FieldReader doc, Node schema, YamlNode node, FieldPath path, String kind) {
    if (schema.free()) {
      return;
    }
    if (node instanceof YamlNode.Sequence seq && schema.children().containsKey("-")) {
      for (int i = 0; i < seq.items().size(); i++) {
        walk(doc, schema.children().get("-"), seq.items().get(i), path.index(i), kind);
      }
      return;
    }
    if (!(node instanceof YamlNode.Mapping mapping)) {
      return;
    }
    for (YamlNode.Entry entry : mapping.entries()) {
      if (!(entry.key() instanceof YamlNode.Scalar key) || key.type() != YamlNode.Type.STRING || key.isMergeKey()) {
        continue;
      }
      Node child = schema.children().getOrDefault(key.value(), schema.children().get("*"));
      if (child != null) {
        walk(doc, child, entry.value(), path.child(key.value()), kind);
      } else if (!doc.scope().reportedUnknown(path.child(key.value()))) {
        java.util.Set<String> names = new java.util.TreeSet<>(schema.children().keySet());
        names.removeAll(java.util.Set.of("*", "-"));
        doc.scope().report(DiagnosticCode.FIELD_UNKNOWN, Severity.WARNING, key, path.child(key.value()),
            "unknown field '" + path.child(key.value()) + "': KKP v2.31's " + kind + " has no such field, and its "
                + "API server drops it without a word",
            Spelling.closest(key.value(), names).map(s -> "did you mean '" + s + "'?")
                .orElse("remove it, or check it against your KKP version's " + kind + " CRD"));
      }
    }
  }
}
