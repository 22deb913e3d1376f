package dev.apiserverpolicy.cli;

import java.io.PrintWriter;

/**
 * Progress on stderr while a command reads, renders and writes: on a terminal one line that is
 * rewritten in place (and cleared at the end), elsewhere (forced with {@code --progress}) a line
 * every {@value #LOG_EVERY} steps (files: ten times as many) and at the end of each stage. Never on
 * stdout, never in a file.
 */
final class Progress {
  static final Progress NONE = new Progress(null, false);

  static final int TERMINAL_EVERY = 50;
  static final int LOG_EVERY = 1000;

  private final PrintWriter err;
  private final boolean terminal;
  private boolean lineShown;

  Progress(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  /** {@code done} of {@code total} (0: not known) in {@code stage}; may be called from several threads. */
  void step(String stage, int done, int total) {
    step(stage, done, total, 1);
  }

  /** Like {@link #step}, for a stage of many small steps (files): a log line every ten times as many. */
  void stepOfMany(String stage, int done) {
    step(stage, done, 0, 10);
  }

  private void step(String stage, int done, int total, int logScale) {
    if (err == null) {
      return;
    }
    boolean last = total > 0 && done == total;
    int every = terminal ? TERMINAL_EVERY : LOG_EVERY * logScale;
    if (done != 1 && done % every != 0 && !last) {
      return;
    }
    String text = "apiserver-policy: " + stage + " " + done + (total > 0 ? " of " + total : "");
    synchronized (this) {
      if (terminal) {
        err.print("\r" + text + "\u001b[K");
        lineShown = true;
      } else {
        err.println(text);
      }
      err.flush();
    }
  }

  /** Clears the terminal line, so that what follows starts at the margin. */
  synchronized void finish() {
    if (err != null && lineShown) {
      err.print("\r\u001b[K");
      err.flush();
      lineShown = false;
    }
  }
}
