package dev.apiserverpolicy.model.manifest;

import dev.apiserverpolicy.model.Protocol;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One port of a Service.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractServicePort {
  /** {@code name}. */
  public abstract String name();

  /** {@code protocol}. */
  @Value.Default
  public Protocol protocol() {
    return Protocol.TCP;
  }

  /** {@code port}. */
  public abstract int port();

  /** {@code targetPort} (numeric). */
  public abstract int targetPort();

  /** {@code nodePort}, when it is known (allocated). */
  public abstract Optional<Integer> nodePort();
}
