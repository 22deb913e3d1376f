package dev.apiserverpolicy.render.yaml;

import static dev.apiserverpolicy.model.Properties.qt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What the writer emits reads back as the same strings and trees under YAML 1.1 (SnakeYAML,
 * as Kubernetes' YAML reader resolves scalars) and YAML 1.2 (snakeyaml-engine).
 */
class YamlEmitterTest {
  private static Object yaml11(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(64 * 1024 * 1024);
    return new Yaml(new SafeConstructor(options)).load(text);
  }

  private static Object yaml12(String text) {
    return new Load(LoadSettings.builder().build()).loadFromString(text);
  }

  private static String emit(Map<String, ?> tree) {
    StringBuilder out = new StringBuilder();
    YamlEmitter.emitMap(out, tree, 0);
    return out.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"y", "Y", "n", "no", "No", "NO", "yes", "on", "off", "true", "False", "null", "~", "",
      "0123", "1e3", "1E3", "0x1F", "0o17", "12:30", "1_000", "3600", ".5", ".inf", ".NaN", "-1", "+1",
      ":", "a: b", "a #b", "#x", "- x", "-x", "? x", "@x", "`x", "!x", "&x", "*x", "|", ">", "'x", "\"x", "%x",
      " x", "x ", "x\ny", "tab\there", "10.0.0.10", "fd00::1/128", "2001-12-14", "{a}", "[a]", "a,b", "\u2028",
      "\u0085", "\uFEFF", "é", "x\u0000y", "<<"})
  void ambiguousStringsRoundTripAsStrings(String value) {
    String text = emit(Map.of("k", value));
    assertEquals(Map.of("k", value), yaml11(text), text);
    assertEquals(Map.of("k", value), yaml12(text), text);
  }

  @Test
  void theDesignsExamplesAreQuoted() {
    for (String s : List.of("y", "no", "0123", "1e3", ":")) {
      assertTrue(YamlScalars.scalar(s).startsWith("\""), s);
    }
    assertEquals("10.0.0.0/8", YamlScalars.scalar("10.0.0.0/8"));
    assertEquals("nlb", YamlScalars.scalar("nlb"));
    assertEquals("\"3600\"", YamlScalars.scalar("3600"));
    assertEquals("\"true\"", YamlScalars.scalar("true"));
  }

  @Test
  void longStringsAreNeverFolded() {
    String description = "word ".repeat(200).trim();
    String text = emit(Map.of("description", description));
    assertEquals(1, text.split("\n").length);
    assertEquals(Map.of("description", description), yaml11(text));
  }

  private static final Gen<String> STRINGS = Generate.oneOf(
      SourceDSL.strings().basicLatinAlphabet().ofLengthBetween(0, 12),
      SourceDSL.strings().allPossible().ofLengthBetween(0, 6),
      Generate.pick(List.of("y", "no", "on", "0123", "1e3", "10.0.0.1", "a:b", "a: b", "fd00::1/64", "-", "?",
          "1:20", "2001-12-14", ".5", "0x10", "null", "~", "<<", "=", "!!str")),
      SourceDSL.strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(0, 10));

  @Test
  void anyStringRoundTripsUnderBothYamlVersions() {
    qt(3000).forAll(STRINGS).checkAssert(value -> {
      for (Map<String, String> tree : List.of(Map.of("value", value), Map.of(value, "as a key"))) {
        String text = emit(tree);
        assertEquals(tree, yaml11(text), text);
        assertEquals(tree, yaml12(text), text);
      }
    });
  }

  @Test
  void anyTreeRoundTrips() {
    qt(1000).forAll(trees(3).map(t -> Map.of("root", (Object) t))).checkAssert(tree -> {
      String text = emit(tree);
      assertEquals(tree, yaml11(text), text);
      assertEquals(tree, yaml12(text), text);
      assertFalse(text.contains("\t"));
    });
  }

  // Maps of strings to strings, integers, booleans, lists and nested maps, as manifests are.
  private static Gen<Map<String, Object>> trees(int depth) {
    Gen<Object> leaf = Generate.oneOf(STRINGS.map(s -> (Object) s), Generate.range(-5, 70000).map(i -> (Object) i),
        Generate.booleans().map(b -> (Object) b));
    Gen<Object> value = depth == 0 ? leaf : Generate.oneOf(leaf,
        trees(depth - 1).map(m -> (Object) m),
        SourceDSL.lists().of(Generate.oneOf(leaf, trees(depth - 1).map(m -> (Object) m))).ofSizeBetween(0, 3)
            .map(l -> (Object) new ArrayList<>(l)));
    return SourceDSL.lists().of(STRINGS.zip(value, (k, v) -> Map.entry(k, v))).ofSizeBetween(0, 4).map(entries -> {
      Map<String, Object> m = new LinkedHashMap<>();
      entries.forEach(e -> m.putIfAbsent(e.getKey(), e.getValue()));
      return m;
    });
  }
}
