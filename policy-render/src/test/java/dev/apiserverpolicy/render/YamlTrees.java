package dev.apiserverpolicy.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Parses YAML into plain trees, so tests compare meaning rather than text. */
public final class YamlTrees {
  private YamlTrees() {}

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> parseAll(String yaml) {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
      if (doc != null) {
        docs.add((Map<String, Object>) doc);
      }
    }
    return docs;
  }

  /** The object named {@code name} among {@code docs}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> named(List<Map<String, Object>> docs, String name) {
    return docs.stream()
        .filter(d -> name.equals(((Map<String, Object>) d.get("metadata")).get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no object named " + name));
  }

  @SuppressWarnings("unchecked")
  public static Object at(Map<String, Object> tree, String path) {
    Object node = tree;
    for (String key : path.split("\\.")) {
      node = node == null ? null : ((Map<String, Object>) node).get(key);
    }
    return node;
  }
}
