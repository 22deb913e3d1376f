package dev.apiserverpolicy.cli;

/** The exit codes every command documents. */
final class ExitCodes {
  /** Done; nothing at or above {@code --fail-on}. */
  static final int OK = 0;
  /** Findings at or above {@code --fail-on}, or drift under {@code --check}. */
  static final int FINDINGS = 1;
  /** The command line was wrong. */
  static final int USAGE = 2;
  /** An input or the output folder could not be read or written. */
  static final int FILE_ACCESS = 3;

  private ExitCodes() {}
}
