package dev.apiserverpolicy.cli;

/** A path that cannot be read (or written): exit code 3, with what to do about it. */
final class UnreadableInputException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String hint;

  UnreadableInputException(String message, String hint) {
    super(message, null, false, false);
    this.hint = hint;
  }

  String hint() {
    return hint;
  }
}
