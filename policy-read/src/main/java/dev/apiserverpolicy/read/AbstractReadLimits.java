package dev.apiserverpolicy.read;

import org.immutables.value.Value;

/**
 * Bounds that keep hostile input from hanging or exhausting the process. Every limit
 * fails fast with a diagnostic that names it.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractReadLimits {
  private static final ReadLimits DEFAULTS = ReadLimits.builder().build();

  /** The limits used unless the caller sets others. */
  public static ReadLimits defaults() {
    return DEFAULTS;
  }

  /** Largest input stream (all documents), in bytes: 64 MiB. */
  @Value.Default
  public long maxInputBytes() {
    return 64L * 1024 * 1024;
  }

  /** Largest single document, in characters: 8 MiB. */
  @Value.Default
  public int maxDocumentChars() {
    return 8 * 1024 * 1024;
  }

  /** Deepest nesting of mappings and sequences. */
  @Value.Default
  public int maxDepth() {
    return 64;
  }

  /** Most aliases to mappings or sequences in one document. */
  @Value.Default
  public int maxCollectionAliases() {
    return 50;
  }
}
