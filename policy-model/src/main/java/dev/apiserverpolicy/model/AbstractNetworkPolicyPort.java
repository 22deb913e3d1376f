package dev.apiserverpolicy.model;

import java.util.Optional;
import org.immutables.value.Value;

/** One {@code ports} entry of a NetworkPolicy rule. No number and no name means every port of the protocol. */
@Value.Immutable
abstract class AbstractNetworkPolicyPort {
  /** Protocol; TCP unless given. */
  @Value.Default
  public Protocol protocol() {
    return Protocol.TCP;
  }

  /** Port number, 1-65535. */
  public abstract Optional<Integer> port();

  /** Named container port, exclusive with {@link #port()}. */
  public abstract Optional<String> namedPort();

  /** Last port of a range starting at {@link #port()}. */
  public abstract Optional<Integer> endPort();

  @Value.Check
  void check() {
    if (port().isPresent() && namedPort().isPresent()) {
      throw new IllegalArgumentException("a port is a number or a name, not both");
    }
    port().ifPresent(p -> requireRange("port", p));
    endPort().ifPresent(e -> {
      requireRange("endPort", e);
      if (port().isEmpty() || e < port().get()) {
        throw new IllegalArgumentException("endPort needs a numeric port not above it");
      }
    });
  }

  private static void requireRange(String what, int value) {
    if (value < 1 || value > 65535) {
      throw new IllegalArgumentException(what + " " + value + " is not in 1-65535");
    }
  }
}
