package dev.apiserverpolicy.cli;

/**
 * An input that cannot be read or an output that cannot be written: exit code 3, with what to
 * do about it.
 */
final class FileAccessException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String hint;

  FileAccessException(String message, String hint) {
    super(message, null, false, false);
    this.hint = hint;
  }

  String hint() {
    return hint;
  }
}
