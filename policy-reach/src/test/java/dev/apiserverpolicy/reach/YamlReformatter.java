package dev.apiserverpolicy.reach;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Every input file written again as another YAML writer would: comments gone, documents in
 * reverse order, every mapping's keys in reverse order, in flow or block style. The meaning is
 * the same, so no diff may see a change.
 */
final class YamlReformatter {
  private YamlReformatter() {}

  static Map<String, byte[]> reformatted(Map<String, byte[]> files, FlowStyle style) {
    Map<String, byte[]> out = new TreeMap<>();
    Dump dump = new Dump(DumpSettings.builder().setDefaultFlowStyle(style).setIndent(4).build());
    files.forEach((name, bytes) -> {
      List<Object> documents = new ArrayList<>();
      new Load(LoadSettings.builder().build()).loadAllFromString(new String(bytes, StandardCharsets.UTF_8))
          .forEach(d -> documents.add(reversed(d)));
      Collections.reverse(documents);
      StringBuilder text = new StringBuilder();
      documents.forEach(d -> text.append("---\n").append(dump.dumpToString(d)));
      out.put(name, text.toString().getBytes(StandardCharsets.UTF_8));
    });
    return out;
  }

  private static Object reversed(Object node) {
    if (node instanceof Map<?, ?> map) {
      List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
      Collections.reverse(entries);
      Map<Object, Object> out = new LinkedHashMap<>();
      entries.forEach(e -> out.put(e.getKey(), reversed(e.getValue())));
      return out;
    }
    if (node instanceof List<?> list) {
      return list.stream().map(YamlReformatter::reversed).toList();
    }
    return node;
  }
}
