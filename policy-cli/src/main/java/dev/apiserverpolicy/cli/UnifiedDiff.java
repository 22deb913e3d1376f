package dev.apiserverpolicy.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A unified diff of two texts, as {@code git diff} prints one: hunks with three lines of
 * context, {@code @@ -a,b +c,d @@} headers. Myers' algorithm, bounded: texts so different that
 * the edit script would pass {@link #MAX_EDITS} are shown as replaced whole.
 */
final class UnifiedDiff {
  static final int CONTEXT = 3;
  static final int MAX_EDITS = 4_000;

  private UnifiedDiff() {}

  /** The hunks (without the {@code ---}/{@code +++} lines); empty when the texts are equal. */
  static List<String> hunks(String before, String after) {
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<Edit> script = script(a, b);
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < script.size()) {
      if (script.get(i).op == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      // A hunk runs on while the next change is within twice the context.
      for (int j = i; j < script.size(); j++) {
        if (script.get(j).op != ' ') {
          end = j;
        } else if (j - end > 2 * CONTEXT) {
          break;
        }
      }
      int stop = Math.min(script.size(), end + CONTEXT + 1);
      out.addAll(hunk(script.subList(start, stop)));
      i = stop;
    }
    return out;
  }

  private static List<String> hunk(List<Edit> edits) {
    int oldStart = edits.get(0).oldLine;
    int newStart = edits.get(0).newLine;
    int oldCount = (int) edits.stream().filter(e -> e.op != '+').count();
    int newCount = (int) edits.stream().filter(e -> e.op != '-').count();
    List<String> out = new ArrayList<>();
    out.add("@@ -" + range(oldStart, oldCount) + " +" + range(newStart, newCount) + " @@");
    edits.forEach(e -> out.add(e.op + e.text));
    return out;
  }

  // As diff prints it: an empty range names the line before it.
  private static String range(int start, int count) {
    return count == 0 ? (start - 1) + ",0" : count == 1 ? String.valueOf(start) : start + "," + count;
  }

  private static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return Arrays.asList(body.split("\n", -1));
  }

  /** One line of the edit script: kept, removed or added, with its line numbers (from 1). */
  private record Edit(char op, String text, int oldLine, int newLine) {}

  /** The shortest edit script (Myers), or "all removed, all added" past {@link #MAX_EDITS}. */
  private static List<Edit> script(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int max = Math.min(n + m, MAX_EDITS);
    int[] v = new int[2 * max + 2];
    List<int[]> trace = new ArrayList<>();
    for (int d = 0; d <= max; d++) {
      trace.add(v.clone());
      for (int k = -d; k <= d; k += 2) {
        int x = k == -d || k != d && v[max + k - 1] < v[max + k + 1] ? v[max + k + 1] : v[max + k - 1] + 1;
        int y = x - k;
        while (x < n && y < m && a.get(x).equals(b.get(y))) {
          x++;
          y++;
        }
        v[max + k] = x;
        if (x >= n && y >= m) {
          return backtrack(trace, a, b, max);
        }
      }
    }
    List<Edit> whole = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      whole.add(new Edit('-', a.get(i), i + 1, 1));
    }
    for (int j = 0; j < m; j++) {
      whole.add(new Edit('+', b.get(j), n + 1, j + 1));
    }
    return whole;
  }

  private static List<Edit> backtrack(List<int[]> trace, List<String> a, List<String> b, int max) {
    List<Edit> reversed = new ArrayList<>();
    int x = a.size();
    int y = b.size();
    for (int d = trace.size() - 1; d >= 0; d--) {
      int[] v = trace.get(d);
      int k = x - y;
      int prevK = k == -d || k != d && v[max + k - 1] < v[max + k + 1] ? k + 1 : k - 1;
      int prevX = d == 0 ? 0 : v[max + prevK];
      int prevY = prevX - prevK;
      while (x > prevX && y > prevY) {
        reversed.add(new Edit(' ', a.get(x - 1), x, y));
        x--;
        y--;
      }
      if (d > 0) {
        reversed.add(x == prevX ? new Edit('+', b.get(y - 1), x + 1, y) : new Edit('-', a.get(x - 1), x, y + 1));
      }
      x = prevX;
      y = prevY;
    }
    java.util.Collections.reverse(reversed);
    return reversed;
  }
}
