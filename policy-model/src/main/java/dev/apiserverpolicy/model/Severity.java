package dev.apiserverpolicy.model;

/**
 * How serious a {@link Diagnostic} is. Ordered from least to most serious.
 *
 * @since 0.1.0
 */
public enum Severity {
  /** Worth knowing; nothing is wrong. */
  INFO,
  /** Rendered, but probably not what was meant. */
  WARNING,
  /** Not rendered: the object the diagnostic names is skipped. */
  ERROR;

  /** Lower-case name, as printed. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The label, as a command line shows and reads it. */
  @Override
  public String toString() {
    return label();
  }
}
