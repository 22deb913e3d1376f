package dev.apiserverpolicy.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What {@code render --check} shows of each file that would change: a unified diff, bounded.
 * Files are taken from several writer threads in any order; the first {@link #MAX_FILES} by
 * path are kept, so the same folder always shows the same diffs.
 */
final class CheckDiffs {
  static final int MAX_FILES = 50;
  static final int MAX_LINES_PER_FILE = 200;
  static final int MAX_LINES = 2_000;

  private final TreeMap<String, String[]> kept = new TreeMap<>();
  private int files;

  /** A file that would change: {@code before} is "" for a new file, {@code after} "" for a deleted one. */
  synchronized void add(String relative, String before, String after) {
    files++;
    kept.put(relative, new String[] {before, after});
    if (kept.size() > MAX_FILES) {
      kept.pollLastEntry();
    }
  }

  /** Prints each kept file's diff, paths as {@code shown} names them, then what was left out. */
  synchronized void print(PrintWriter out, Function<String, String> shown) {
    int lines = 0;
    int printed = 0;
    for (Map.Entry<String, String[]> e : kept.entrySet()) {
      if (lines >= MAX_LINES) {
        break;
      }
      String path = shown.apply(e.getKey());
      boolean created = e.getValue()[0].isEmpty();
      boolean deleted = e.getValue()[1].isEmpty();
      out.println("--- " + (created ? "/dev/null" : "a/" + path));
      out.println("+++ " + (deleted ? "/dev/null" : "b/" + path));
      List<String> hunks = UnifiedDiff.hunks(e.getValue()[0], e.getValue()[1]);
      int room = Math.min(MAX_LINES_PER_FILE, MAX_LINES - lines);
      hunks.subList(0, Math.min(room, hunks.size())).forEach(l -> out.println(TerminalText.escape(l)));
      if (hunks.size() > room) {
        out.println("... " + (hunks.size() - room) + " more lines of this file's diff not shown");
      }
      lines += Math.min(room, hunks.size()) + 2;
      printed++;
    }
    if (printed < files) {
      out.println("... diffs of " + (files - printed) + " more of " + files + " changed files not shown; "
          + "render --out into a scratch folder and compare to see them all");
    }
  }
}
