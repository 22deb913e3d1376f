package dev.apiserverpolicy.render.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.render.GoldenFiles;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The golden-file helper itself: its diff is readable and a mismatch fails. */
class GoldenFilesTest {
  @Test
  void diffShowsChangedLinesWithContext() {
    String diff = GoldenFiles.diff("a\nb\nc\nd\ne\nf\ng\n", "a\nb\nc\nD\ne\nf\ng\n");
    assertEquals("""
          2  b
          3  c
        - 4  d
        + 4  D
          5  e
          6  f
        """, diff);
  }

  @Test
  void missingGoldenFileFailsWithTheUpdateCommand() {
    if (Boolean.getBoolean("golden.update")) {
      return;
    }
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> GoldenFiles.assertMatches("does-not-exist.yaml", "x"));
    assertTrue(e.getMessage().contains("-Dgolden.update=true"));
  }
}
