package dev.apiserverpolicy.read;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.CidrFormatException;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.FieldError;
import dev.apiserverpolicy.model.FieldPath;
import dev.apiserverpolicy.model.Spelling;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Typed access to the fields of one YAML mapping. A field that is absent or null reads
 * as empty; a field of the wrong type is reported (with its line and column) and also
 * reads as empty. Duplicate and merge keys are reported when the mapping is opened.
 */
final class FieldReader {
  // YAML 1.1 would read 0443 as octal and 1_000 as 1000; only plain decimal is accepted.
  private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]{0,18})");

  private final ReadScope scope;
  private final FieldPath path;
  private final YamlNode node;
  private final Map<String, YamlNode.Entry> fields = new LinkedHashMap<>();

  private FieldReader(ReadScope scope, FieldPath path, YamlNode.Mapping node) {
    this.scope = scope;
    this.path = path;
    this.node = node;
    for (YamlNode.Entry t : node.entries()) {
      YamlNode key = t.key();
      if (key instanceof YamlNode.Scalar k && k.isMergeKey()) {
        scope.report(DiagnosticCode.MERGE_KEY, key, path,
            "YAML merge key '<<' in a mapping that is read",
            "write the fields out; tools disagree on how '<<' merges");
        continue;
      }
      if (!(key instanceof YamlNode.Scalar scalar) || scalar.type() == YamlNode.Type.OTHER) {
        scope.report(DiagnosticCode.FIELD_TYPE, key, path,
            "a key of this mapping is not a plain string", "use string keys");
        continue;
      }
      String name = scalar.value();
      if (fields.containsKey(name)) {
        scope.report(DiagnosticCode.DUPLICATE_KEY, key, child(name),
            "key '" + name + "' appears twice in the same mapping",
            "keep one; YAML tools disagree on which value wins");
        continue;
      }
      fields.put(name, t);
    }
  }

  /** Opens a document or nested mapping; reports and returns empty if it is not a mapping. */
  static Optional<FieldReader> open(ReadScope scope, FieldPath path, YamlNode node) {
    if (node instanceof YamlNode.Mapping m) {
      return Optional.of(new FieldReader(scope, path, m));
    }
    return Optional.empty();
  }

  FieldPath path() {
    return path;
  }

  YamlNode node() {
    return node;
  }

  FieldPath child(String key) {
    // Reading a field asks for its path twice (to record its position, then to convert it), with
    // the same key object: compared by identity, the memo costs one comparison; an equal key that
    // is another object just misses it and builds the same path again.
    if (key == lastChildKey) {
      return lastChildPath;
    }
    FieldPath child = path.child(key);
    lastChildKey = key;
    lastChildPath = child;
    return child;
  }

  private String lastChildKey;
  private FieldPath lastChildPath;

  Set<String> keys() {
    return fields.keySet();
  }

  boolean has(String key) {
    return value(key).isPresent();
  }

  /** The value node of {@code key}, empty when absent or null. */
  Optional<YamlNode> value(String key) {
    YamlNode.Entry t = fields.get(key);
    if (t == null) {
      return Optional.empty();
    }
    YamlNode v = t.value();
    scope.record(child(key), v);
    if (v instanceof YamlNode.Scalar s && s.type() == YamlNode.Type.NULL) {
      return Optional.empty();
    }
    return Optional.of(v);
  }

  Optional<String> string(String key) {
    return value(key).flatMap(v -> asString(v, child(key)));
  }

  /** A string that must not be empty when present; an empty string reads as absent. */
  Optional<String> nonEmptyString(String key) {
    return string(key).filter(s -> !s.isEmpty());
  }

  Optional<Boolean> bool(String key) {
    return value(key).flatMap(v -> asBool(v, child(key)));
  }

  /** An integer of any size Java's int holds; the rules for its value are the caller's. */
  Optional<Integer> integer(String key) {
    return integer(key, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  Optional<Integer> integer(String key, int min, int max) {
    return value(key).flatMap(v -> asInteger(v, child(key), min, max));
  }

  Optional<FieldReader> object(String key) {
    return value(key).flatMap(v -> asObject(v, child(key)));
  }

  /** Items of a sequence, each with its own path; empty when absent or not a sequence. */
  Optional<List<Item>> list(String key) {
    return value(key).flatMap(v -> {
      FieldPath p = child(key);
      if (!(v instanceof YamlNode.Sequence seq)) {
        typeError(v, p, "a list");
        return Optional.empty();
      }
      List<Item> items = new ArrayList<>();
      List<YamlNode> values = seq.items();
      for (int i = 0; i < values.size(); i++) {
        FieldPath itemPath = p.index(i);
        scope.record(itemPath, values.get(i));
        items.add(new Item(itemPath, values.get(i)));
      }
      return Optional.of(items);
    });
  }

  /** A list whose items each convert with {@code convert}; bad items are reported and dropped. */
  <T> Optional<List<T>> listOf(String key, Function<Item, Optional<T>> convert) {
    return list(key).map(items -> {
      List<T> out = new ArrayList<>();
      for (Item item : items) {
        convert.apply(item).ifPresent(out::add);
      }
      return out;
    });
  }

  Optional<List<String>> strings(String key) {
    return listOf(key, item -> asString(item.node(), item.path()));
  }

  Optional<List<Cidr>> cidrs(String key) {
    return listOf(key, item -> asCidr(item.node(), item.path(), false));
  }

  Optional<List<Cidr>> hosts(String key) {
    return listOf(key, item -> asCidr(item.node(), item.path(), true));
  }

  Optional<Cidr> host(String key) {
    return value(key).flatMap(v -> asCidr(v, child(key), true));
  }

  /** A map of string to string (labels, annotations). */
  Optional<Map<String, String>> stringMap(String key) {
    return object(key).map(obj -> {
      Map<String, String> out = new TreeMap<>();
      for (String k : obj.keys()) {
        obj.string(k).ifPresent(v -> out.put(k, v));
      }
      return out;
    });
  }

  /** A map of string to boolean (feature gates). */
  Optional<Map<String, Boolean>> boolMap(String key) {
    return object(key).map(obj -> {
      Map<String, Boolean> out = new TreeMap<>();
      for (String k : obj.keys()) {
        obj.bool(k).ifPresent(v -> out.put(k, v));
      }
      return out;
    });
  }

  /** Reports every key not in {@code known}, suggesting the closest known one. */
  void rejectUnknown(Set<String> known) {
    for (Map.Entry<String, YamlNode.Entry> e : fields.entrySet()) {
      if (!known.contains(e.getKey())) {
        String suggestion = Spelling.closest(e.getKey(), known)
            .map(s -> "did you mean '" + s + "'?")
            .orElse("known fields: " + String.join(", ", new java.util.TreeSet<>(known)));
        scope.report(DiagnosticCode.FIELD_UNKNOWN, e.getValue().key(), child(e.getKey()),
            "unknown field '" + e.getKey() + "'", suggestion);
      }
    }
  }

  void report(DiagnosticCode code, YamlNode at, FieldPath atPath, String message, String hint) {
    scope.report(code, at, atPath, message, hint);
  }

  /** Reports each error at the line of its field (or of the nearest field above it that was read). */
  void report(List<FieldError> errors) {
    errors.forEach(scope::report);
  }

  ReadScope scope() {
    return scope;
  }

  // Conversions of single nodes, shared by fields and list items.

  Optional<String> asString(YamlNode v, FieldPath p) {
    if (v instanceof YamlNode.Scalar s && s.type() == YamlNode.Type.STRING) {
      return Optional.of(s.value());
    }
    typeError(v, p, "a string");
    return Optional.empty();
  }

  Optional<Boolean> asBool(YamlNode v, FieldPath p) {
    if (v instanceof YamlNode.Scalar s && s.type() == YamlNode.Type.BOOLEAN) {
      String text = s.value().toLowerCase(java.util.Locale.ROOT);
      return Optional.of(text.equals("true") || text.equals("yes") || text.equals("on") || text.equals("y"));
    }
    typeError(v, p, "true or false");
    return Optional.empty();
  }

  Optional<Integer> asInteger(YamlNode v, FieldPath p, int min, int max) {
    if (!(v instanceof YamlNode.Scalar s) || s.type() != YamlNode.Type.INTEGER) {
      typeError(v, p, "an integer");
      return Optional.empty();
    }
    String text = s.value();
    if (!DECIMAL.matcher(text).matches()) {
      scope.report(DiagnosticCode.FIELD_VALUE, v, p,
          "'" + text + "' is not a plain decimal integer",
          "write it in decimal without leading zeros, signs or separators");
      return Optional.empty();
    }
    long value = Long.parseLong(text);
    if (value < min || value > max) {
      scope.report(DiagnosticCode.FIELD_VALUE, v, p,
          value + " is out of range", "use a value from " + min + " to " + max);
      return Optional.empty();
    }
    return Optional.of((int) value);
  }

  Optional<FieldReader> asObject(YamlNode v, FieldPath p) {
    if (v instanceof YamlNode.Mapping m) {
      return Optional.of(new FieldReader(scope, p, m));
    }
    typeError(v, p, "an object");
    return Optional.empty();
  }

  Optional<Cidr> asCidr(YamlNode v, FieldPath p, boolean host) {
    return asString(v, p).flatMap(text -> {
      try {
        return Optional.of(host ? Cidr.parseHost(text) : Cidr.parse(text));
      } catch (CidrFormatException e) {
        scope.report(e.hostBitsSet() ? DiagnosticCode.CIDR_HOST_BITS : DiagnosticCode.CIDR_INVALID,
            v, p, e.getMessage(), layoutHint(v, false).orElse(e.hint()));
        return Optional.empty();
      }
    });
  }

  private void typeError(YamlNode v, FieldPath p, String expected) {
    Optional<String> cause = layoutHint(v, expected.equals("an object") || expected.startsWith("a list"));
    scope.report(DiagnosticCode.FIELD_TYPE, v, p,
        "expected " + expected + ", found " + describe(v), cause.orElse(hintFor(expected)));
  }

  /**
   * What a plain value that holds {@code " - "} or {@code ": "} most likely is: lines indented
   * into the line above (a list item or key one level too deep, folded into one string), or,
   * where an object or list was expected, a key written without its ':'. Said instead of a
   * hint that would repeat the value.
   */
  static Optional<String> layoutHint(YamlNode v, boolean structureExpected) {
    if (!(v instanceof YamlNode.Scalar s) || !s.plain() || s.type() != YamlNode.Type.STRING) {
      return Optional.empty();
    }
    String text = s.value();
    if (text.contains(" - ") || text.contains(": ")) {
      return Optional.of("the value holds '- ' or ': ': most likely a list item or key indented deeper than the "
          + "line above, read as part of it; indent each list item and key like the others at its level");
    }
    if (structureExpected) {
      return MissingColon.keyWithoutColon(text).map(fixed -> "a key without its ':'? write '"
          + MissingColon.shown(fixed) + "' (and indent what belongs under it)");
    }
    return Optional.empty();
  }

  private static String hintFor(String expected) {
    switch (expected) {
      case "a string":
        return "quote the value, e.g. \"...\"";
      case "true or false":
        return "write true or false without quotes";
      case "an integer":
        return "write a number without quotes";
      default:
        return "write " + expected + " here";
    }
  }

  static String describe(YamlNode v) {
    if (v instanceof YamlNode.Mapping) {
      return "an object";
    }
    if (v instanceof YamlNode.Sequence) {
      return "a list";
    }
    YamlNode.Scalar s = (YamlNode.Scalar) v;
    String text = s.value();
    String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    String kind = switch (s.type()) {
      case INTEGER, FLOAT -> "the number";
      case BOOLEAN -> "the boolean";
      case STRING -> "the string";
      case NULL -> "null";
      case OTHER -> "the tagged value";
    };
    return s.type() == YamlNode.Type.NULL ? kind : kind + " '" + shown + "'";
  }

  /** One item of a sequence. */
  record Item(FieldPath path, YamlNode node) {}
}
