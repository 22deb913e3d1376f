package dev.apiserverpolicy.cli;

/**
 * The exit codes every command documents. Commands that compare (render --check, resolve
 * --check, diff) keep 1 for "differs", so a script can tell a difference from bad input.
 */
final class ExitCodes {
  /** Done; nothing at or above {@code --fail-on}; nothing differs. */
  static final int OK = 0;
  /** lint, explain, defaults, cleanup: findings at or above {@code --fail-on}. */
  static final int FINDINGS = 1;
  /** render --check, resolve --check: the output differs from what would be written; diff: changes. */
  static final int DIFFERS = 1;
  /** The command line was wrong. */
  static final int USAGE = 2;
  /** An input or the output folder could not be read or written; diff: errors in either tree. */
  static final int FILE_ACCESS = 3;
  /**
   * render, resolve: findings at or above {@code --fail-on} (an input error, by default), or an
   * output file that something else stands in the place of. Never 1, which means "differs".
   */
  static final int INPUT_FINDINGS = 4;

  private ExitCodes() {}
}
