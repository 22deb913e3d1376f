package dev.apiserverpolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.apiserverpolicy.model.Properties;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The unified diff is a patch: applied to the old text it gives the new one, in git's hunks. */
class UnifiedDiffTest {
  private static final Pattern HUNK = Pattern.compile("@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@");

  /** Applies the hunks to {@code before}, checking each hunk's counts and context on the way. */
  private static String apply(String before, List<String> hunks) {
    List<String> old = before.isEmpty() ? List.of()
        : List.of(before.substring(0, before.length() - 1).split("\n", -1));
    List<String> out = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < hunks.size(); ) {
      Matcher m = HUNK.matcher(hunks.get(i++));
      assertTrue(m.matches(), hunks.toString());
      int oldCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
      int newCount = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
      int start = Integer.parseInt(m.group(1)) - (oldCount == 0 ? 0 : 1);
      out.addAll(old.subList(next, start));
      assertEquals(out.size() + (newCount == 0 ? 0 : 1), Integer.parseInt(m.group(3)), "the new start: " + hunks);
      next = start;
      int seenOld = 0;
      int seenNew = 0;
      while (i < hunks.size() && !hunks.get(i).startsWith("@@")) {
        String line = hunks.get(i++);
        char op = line.charAt(0);
        if (op != '+') {
          assertEquals(old.get(next++), line.substring(1), "context and removed lines are the old text's");
          seenOld++;
        }
        if (op != '-') {
          out.add(line.substring(1));
          seenNew++;
        }
      }
      assertEquals(List.of(oldCount, newCount), List.of(seenOld, seenNew), hunks.toString());
    }
    out.addAll(old.subList(next, old.size()));
    return out.isEmpty() ? "" : String.join("\n", out) + "\n";
  }

  private static String text(List<Integer> lines) {
    StringBuilder out = new StringBuilder();
    lines.forEach(l -> out.append("line ").append(l).append('\n'));
    return out.toString();
  }

  @Test
  void appliedToTheOldTextTheHunksGiveTheNewOne() {
    Properties.qt(2_000).forAll(lists().of(integers().between(0, 5)).ofSizeBetween(0, 40),
        lists().of(integers().between(0, 5)).ofSizeBetween(0, 40)).checkAssert((a, b) -> {
          List<String> hunks = UnifiedDiff.hunks(text(a), text(b));
          assertEquals(text(b), apply(text(a), hunks));
          assertEquals(a.equals(b), hunks.isEmpty());
        });
  }

  @Test
  void oneChangedLineIsOneHunkWithThreeLinesOfContextAsGitPrintsIt() {
    String before = "a\nb\nc\nd\ne\nf\ng\nh\n";
    assertEquals(List.of("@@ -2,7 +2,7 @@", " b", " c", " d", "-e", "+E", " f", " g", " h"),
        UnifiedDiff.hunks(before, before.replace("e\n", "E\n")));
    assertEquals(List.of("@@ -0,0 +1,2 @@", "+x", "+y"), UnifiedDiff.hunks("", "x\ny\n"));
    assertEquals(List.of("@@ -1 +0,0 @@", "-x"), UnifiedDiff.hunks("x\n", ""));
  }

  @Test
  void changesFarApartAreTwoHunks() {
    StringBuilder before = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      before.append(i).append('\n');
    }
    String after = before.toString().replace("\n2\n", "\nTWO\n").replace("\n19\n", "\nNINETEEN\n");
    List<String> hunks = UnifiedDiff.hunks(before.toString(), after);
    assertEquals(List.of("@@ -1,5 +1,5 @@", "@@ -16,5 +16,5 @@"), hunks.stream().filter(l -> l.startsWith("@@"))
        .toList());
  }

  @Test
  void textsTooDifferentForTheBoundAreReplacedWhole() {
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < UnifiedDiff.MAX_EDITS; i++) {
      a.append("a").append(i).append('\n');
      b.append("b").append(i).append('\n');
    }
    List<String> hunks = UnifiedDiff.hunks(a.toString(), b.toString());
    assertEquals("@@ -1," + UnifiedDiff.MAX_EDITS + " +1," + UnifiedDiff.MAX_EDITS + " @@", hunks.get(0));
    assertEquals(b.toString(), apply(a.toString(), hunks));
  }
}
