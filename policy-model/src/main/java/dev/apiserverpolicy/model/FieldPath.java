package dev.apiserverpolicy.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a field is in an object, written as Kubernetes' {@code field.Path} writes it:
 * {@code spec.extraEgress[0].to[1].podSelector.matchLabels[app.kubernetes.io/name]}. A key of
 * letters, digits, {@code _} and {@code -} follows a dot; any other key, and every list index, is
 * in brackets. The reader records positions under these paths and every check reports under
 * them, so a finding always finds its line.
 *
 * @since 0.1.0
 */
public final class FieldPath {
  private static final FieldPath ROOT = new FieldPath(null, "");

  private final FieldPath parent;
  private final String text;

  private FieldPath(FieldPath parent, String text) {
    this.parent = parent;
    this.text = text;
  }

  /** The object itself. */
  public static FieldPath root() {
    return ROOT;
  }

  /** {@code first.second...}: a path of plain field names, e.g. {@code of("spec", "clusterDNS")}. */
  public static FieldPath of(String... fields) {
    FieldPath path = ROOT;
    for (String field : fields) {
      path = path.child(field);
    }
    return path;
  }

  /** The field or map key {@code key} under this path. */
  public FieldPath child(String key) {
    Objects.requireNonNull(key, "key");
    if (isPlainKey(key)) {
      return new FieldPath(this, text.isEmpty() ? key : text + "." + key);
    }
    return new FieldPath(this, text + "[" + key + "]");
  }

  /** Item {@code index} of the list at this path. */
  public FieldPath index(int index) {
    return new FieldPath(this, text + "[" + index + "]");
  }

  /** The path this one is a child or item of; empty for the root. */
  public Optional<FieldPath> parent() {
    return Optional.ofNullable(parent);
  }

  /** True for the object itself. */
  public boolean isRoot() {
    return parent == null;
  }

  private static boolean isPlainKey(String key) {
    if (key.isEmpty()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The written form, e.g. {@code spec.clusterDNS.podLabels[app.kubernetes.io/name]}. */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldPath other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
