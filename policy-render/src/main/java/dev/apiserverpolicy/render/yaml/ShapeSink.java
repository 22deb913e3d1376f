package dev.apiserverpolicy.render.yaml;

import java.util.Map;

/**
 * Where an object's shape ({@link ObjectShapes}) is written, key by key in output order: the YAML
 * writer writes text, {@link ManifestTrees} builds maps and lists. Keys come in {@link KeyOrder};
 * a {@code begin} is always closed by its {@code end}.
 */
interface ShapeSink {
  /** A string field. */
  void scalar(String key, String value);

  /** A number field. */
  void number(String key, int value);

  /** A boolean field. */
  void bool(String key, boolean value);

  /** A map field; its keys follow, then {@link #endMap}. */
  void beginMap(String key);

  /** Closes the innermost map field. */
  void endMap();

  /** A list field; its items follow, then {@link #endList}. An empty list is {@link #emptyList}. */
  void beginList(String key);

  /** Closes the innermost list field. */
  void endList();

  /** A list item that is a map; its keys follow (none: an empty map), then {@link #endItem}. */
  void beginItem();

  /** Closes the innermost map item. */
  void endItem();

  /** A list item that is a string. */
  void stringItem(String value);

  /** A map of data (labels, annotations, selectors) in {@link KeyOrder#DATA}; empty is {@code {}}. */
  void stringMap(String key, Map<String, String> map);

  /** A map field with nothing in it. */
  void emptyMap(String key);

  /** A list field with nothing in it. */
  void emptyList(String key);
}
