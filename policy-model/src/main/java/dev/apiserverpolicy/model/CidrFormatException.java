package dev.apiserverpolicy.model;

/**
 * Thrown by {@link Cidr#parse} for text that is not a strict, canonical-able CIDR.
 *
 * @since 0.1.0
 */
public final class CidrFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String hint;
  private final boolean hostBitsSet;

  /** A problem and what to do about it. */
  public CidrFormatException(String message, String hint) {
    this(message, hint, false);
  }

  CidrFormatException(String message, String hint, boolean hostBitsSet) {
    super(message);
    this.hint = hint;
    this.hostBitsSet = hostBitsSet;
  }

  /** True if the text was well-formed but had host bits set below the prefix. */
  public boolean hostBitsSet() {
    return hostBitsSet;
  }

  /** What to write instead. */
  public String hint() {
    return hint;
  }
}
