package dev.apiserverpolicy.render.yaml;

import java.util.Comparator;

/**
 * The order of keys in every mapping we write, as cdk8s writes it: {@code apiVersion, kind,
 * metadata, spec} first, then every other key in string order. Maps of data (labels,
 * annotations, selectors, feature gates) are in plain string order. {@link YamlDocumentWriter}
 * writes its keys in this order and checks it whenever assertions are on (in every test run).
 */
final class KeyOrder {
  /** The order of the fields of an object. */
  static final Comparator<String> FIELDS = (a, b) -> {
    int ra = rank(a);
    int rb = rank(b);
    return ra != rb ? Integer.compare(ra, rb) : a.compareTo(b);
  };

  /** The order of the keys of a map of data. */
  static final Comparator<String> DATA = Comparator.naturalOrder();

  private KeyOrder() {}

  private static int rank(String key) {
    return switch (key) {
      case "apiVersion" -> 0;
      case "kind" -> 1;
      case "metadata" -> 2;
      case "spec" -> 3;
      default -> 4;
    };
  }
}
