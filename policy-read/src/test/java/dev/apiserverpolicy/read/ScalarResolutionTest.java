package dev.apiserverpolicy.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apiserverpolicy.model.Position;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plain scalars resolve as Kubernetes' YAML 1.1 reader (go-yaml) resolves them, fast paths included. */
class ScalarResolutionTest {
  @ParameterizedTest
  @CsvSource({
      "30443, INTEGER", "0, INTEGER", "0443, INTEGER", "0x1F, INTEGER", "1_000, INTEGER",
      "10.0.0.0/8, STRING", "10.0.0.10, STRING", "1.5, FLOAT", "1e3, FLOAT", "yes, BOOLEAN", "Off, BOOLEAN",
      "y, BOOLEAN", "null, NULL", "~, NULL", "nginx, STRING", "a b, STRING", "12:30, INTEGER", "-1, INTEGER",
      "'+', STRING", ".inf, FLOAT", "fd00::10, STRING"})
  void plainScalars(String value, YamlNode.Type type) {
    assertEquals(type, new YamlNode.Scalar(value, true, null, Position.of(1, 1)).type(), value);
  }

  @ParameterizedTest
  @CsvSource({"30443", "yes", "null"})
  void quotedScalarsAreStrings(String value) {
    assertEquals(YamlNode.Type.STRING, new YamlNode.Scalar(value, false, null, Position.of(1, 1)).type());
  }
}
