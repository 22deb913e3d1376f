package dev.apiserverpolicy.read;

import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.FieldPath;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.Severity;
import dev.apiserverpolicy.model.Spelling;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * KKP v2.31.0's CRD schemas, in the compact form {@link KkpSchemaData} holds (generated from
 * testdata/kkp-crds by {@code KkpSchemaDataTest}). A field the schema lacks is a warning, since KKP's API
 * server prunes it (KKP may be newer than the schema, so no more), unless it is a near miss of a field this
 * tool reads, which {@link MisplacedFields} reports as an error. A value of another type, outside the
 * field's enum or not matching its pattern is an error: KKP's API server refuses the object. Every finding
 * names the schema's version, so that a profile reading another version's schema can leave it out.
 */
final class KkpSchema {
  /** The KKP version of the schemas in {@link KkpSchemaData}. */
  static final String VERSION = Profile.KKP_V2_31.kkpSchema();

  private static final Map<String, SchemaNode> BY_KIND = new HashMap<>();
  private static List<Pattern> patterns;

  private KkpSchema() {}

  /** The schema of {@code kind}; its parts are read as they are used. */
  static synchronized Optional<SchemaNode> of(String kind) {
    if (!BY_KIND.containsKey(kind) && KkpSchemaData.TREES.containsKey(kind)) {
      if (patterns == null) {
        patterns = KkpSchemaData.PATTERNS.stream().map(KkpSchema::goPattern).toList();
      }
      BY_KIND.put(kind, SchemaNode.root(KkpSchemaData.TREES.get(kind), patterns));
    }
    return Optional.ofNullable(BY_KIND.get(kind));
  }

  /**
   * A schema pattern as Go's regexp reads it (the API server's): {@code $} only at the very end, {@code .}
   * anything but a newline. Java's {@code $} would also match before a final newline.
   */
  static Pattern goPattern(String pattern) {
    StringBuilder java = new StringBuilder();
    boolean inClass = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        java.append(c).append(pattern.charAt(++i));
      } else if (c == '$' && !inClass) {
        java.append("\\z");
      } else {
        inClass = c == '[' || inClass && c != ']';
        java.append(c);
      }
    }
    return Pattern.compile(java.toString(), Pattern.UNIX_LINES);
  }

  /** Reports every field of {@code doc} that the schema of {@code kind} lacks or refuses. */
  static void check(FieldReader doc, String kind) {
    of(kind).ifPresent(schema -> walk(doc, schema, doc.node(), FieldPath.root(), kind));
  }

  private static void walk(FieldReader doc, SchemaNode schema, YamlNode node, FieldPath path, String kind) {
    if (!KkpSchemaValues.accepts(doc, schema, node, path, kind) || schema.free()) {
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
      SchemaNode child = schema.children().getOrDefault(key.value(), schema.children().get("*"));
      if (child != null) {
        walk(doc, child, entry.value(), path.child(key.value()), kind);
      } else if (!doc.scope().reported(path.child(key.value()))) {
        unknown(doc, schema, key, path.child(key.value()), kind);
      }
    }
  }

  private static void unknown(FieldReader doc, SchemaNode schema, YamlNode.Scalar key, FieldPath field, String kind) {
    Set<String> names = new TreeSet<>(schema.children().keySet());
    names.removeAll(Set.of("*", "-"));
    doc.scope().reportAgainstSchema(DiagnosticCode.FIELD_UNKNOWN, Severity.WARNING, key, field,
        "unknown field '" + field + "': KKP " + VERSION + "'s " + kind + " has no such field, and its "
            + "API server drops it without a word",
        Spelling.closest(key.value(), names).map(s -> "did you mean '" + s + "'?")
            .orElse("remove it, or check it against your KKP version's " + kind + " CRD"));
  }
}
