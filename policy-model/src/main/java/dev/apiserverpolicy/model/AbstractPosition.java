package dev.apiserverpolicy.model;

import org.immutables.value.Value;

/**
 * A 1-based line and column in an input file.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractPosition {
  /** 1-based line. */
  @Value.Parameter
  public abstract int line();

  /** 1-based column. */
  @Value.Parameter
  public abstract int column();

  @Value.Check
  void check() {
    if (line() < 1 || column() < 1) {
      throw new IllegalArgumentException("positions are 1-based: " + line() + ":" + column());
    }
  }
}
