package dev.apiserverpolicy.render.yaml;

import dev.apiserverpolicy.model.manifest.KubernetesObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rendered objects as plain trees of maps, lists, strings, integers and booleans, in output key
 * order ({@code apiVersion, kind, metadata, spec}, then string order); empty optional fields left
 * out, as Kubernetes' {@code omitempty} does; lists in the renderer's order. The neutral form a
 * Kubernetes client converts from (fabric8's or Jackson's {@code convertValue}, the official
 * client's Gson), equal to what the YAML says: both are written from {@link ObjectShapes}. The
 * tests hold both to a reference of their own.
 *
 * @since 0.1.0
 */
public final class ManifestTrees {
  private ManifestTrees() {}

  /** {@code object} as an unmodifiable tree in output key order. */
  public static Map<String, Object> of(KubernetesObject object) {
    Map<String, Object> root = new LinkedHashMap<>();
    ObjectShapes.write(object, new TreeSink(root));
    return frozen(root);
  }

  /** Builds maps (in the order keys come, which is output order) and lists. */
  private static final class TreeSink implements ShapeSink {
    // The map or list being filled, innermost first.
    private final Deque<Object> open = new ArrayDeque<>();

    TreeSink(Map<String, Object> root) {
      open.push(root);
    }

    @SuppressWarnings("unchecked")
    private void put(String key, Object value) {
      ((Map<String, Object>) open.peek()).put(key, value);
    }

    @SuppressWarnings("unchecked")
    private void add(Object item) {
      ((List<Object>) open.peek()).add(item);
    }

    @Override
    public void scalar(String key, String value) {
      put(key, value);
    }

    @Override
    public void number(String key, int value) {
      put(key, value);
    }

    @Override
    public void bool(String key, boolean value) {
      put(key, value);
    }

    @Override
    public void beginMap(String key) {
      Map<String, Object> map = new LinkedHashMap<>();
      put(key, map);
      open.push(map);
    }

    @Override
    public void endMap() {
      open.pop();
    }

    @Override
    public void beginList(String key) {
      List<Object> list = new ArrayList<>();
      put(key, list);
      open.push(list);
    }

    @Override
    public void endList() {
      open.pop();
    }

    @Override
    public void beginItem() {
      Map<String, Object> map = new LinkedHashMap<>();
      add(map);
      open.push(map);
    }

    @Override
    public void endItem() {
      open.pop();
    }

    @Override
    public void stringItem(String value) {
      add(value);
    }

    @Override
    public void stringMap(String key, Map<String, String> map) {
      put(key, new java.util.TreeMap<>(map));
    }

    @Override
    public void emptyMap(String key) {
      put(key, new LinkedHashMap<>());
    }

    @Override
    public void emptyList(String key) {
      put(key, new ArrayList<>());
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T frozen(T node) {
    if (node instanceof Map<?, ?> m) {
      // In the order built: fields in KeyOrder.FIELDS, maps of data (labels, selectors) in string order.
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put((String) k, frozen(v)));
      return (T) Collections.unmodifiableMap(copy);
    }
    if (node instanceof List<?> l) {
      return (T) l.stream().map(ManifestTrees::frozen).toList();
    }
    return node;
  }
}
