package dev.apiserverpolicy.model;

import org.immutables.value.Value;

/**
 * A key of a Secret, as KKP objects name one ({@code secretName}, {@code secretKey}); the namespace
 * follows from where it is named.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractSecretKeyRef {
  /** {@code secretName}. */
  public abstract String name();

  /** {@code secretKey}. */
  public abstract String key();
}
