package dev.apiserverpolicy.render.yaml;

import static dev.apiserverpolicy.model.Properties.qt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/** The one quoter: valid JSON that reads back as the same string, with nothing invisible left raw. */
class JsonStringTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Gen<String> STRINGS = Generate.oneOf(
      SourceDSL.strings().allPossible().ofLengthBetween(0, 8),
      SourceDSL.strings().betweenCodePoints(0, 0x7f).ofLengthBetween(0, 8),
      Generate.pick(List.of("a\u202Eb", "\u2066x\u2069", "\uFEFF", "\u2028", "\u0085", "\uD800", "x\uDC00y",
          "\uD83D\uDE00", "\"\\")));

  @Test
  void anyStringReadsBackAsItselfAndHidesNothing() {
    qt(5000).forAll(STRINGS).checkAssert(s -> {
      String quoted = JsonString.quote(s);
      for (int i = 1; i < quoted.length() - 1; i++) {
        char c = quoted.charAt(i);
        boolean hidden = c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
            || JsonString.isBidiControl(c)
            || Character.isSurrogate(c)
                && !(Character.isHighSurrogate(c) && Character.isLowSurrogate(quoted.charAt(i + 1))
                || Character.isLowSurrogate(c) && Character.isHighSurrogate(quoted.charAt(i - 1)));
        assertTrue(!hidden, () -> "raw U+" + Integer.toHexString(c) + " in " + quoted);
      }
      assertEquals(s, read(quoted), quoted);
    });
  }

  @Test
  void examples() {
    assertEquals("\"a\\u202eb\"", JsonString.quote("a\u202Eb"));
    assertEquals("\"\\\"\\\\\\n\\t\\r\\u0000\"", JsonString.quote("\"\\\n\t\r\u0000"));
    assertEquals("\"\uD83D\uDE00\"", JsonString.quote("\uD83D\uDE00"));
    assertEquals("\"\\ud800\"", JsonString.quote("\uD800"));
  }

  private static String read(String json) {
    try {
      return JSON.readValue(json, String.class);
    } catch (JsonProcessingException e) {
      throw new AssertionError(json, e);
    }
  }
}
