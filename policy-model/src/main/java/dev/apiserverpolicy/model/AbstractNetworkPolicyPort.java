package dev.apiserverpolicy.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One {@code ports} entry of a NetworkPolicy rule. No number and no name means every port of the protocol.
 *
 * @since 0.1.0
 */
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

  /**
   * Kubernetes' rules for one {@code ports} entry at {@code at}: a number or a name, not both;
   * the number and {@code endPort} in 1-65535, {@code endPort} not below a numeric port; the
   * name a valid port name.
   */
  public static List<FieldError> validate(Optional<Integer> port, Optional<String> namedPort,
      Optional<Integer> endPort, FieldPath at) {
    List<FieldError> out = new ArrayList<>();
    if (port.isPresent() && namedPort.isPresent()) {
      out.add(new FieldError(at.child("port"), DiagnosticCode.FIELD_VALUE, "a port is a number or a name, not both",
          "give either the number or the name"));
    }
    port.ifPresent(p -> out.addAll(Ports.validateNumber(p, at.child("port"))));
    namedPort.ifPresent(n -> out.addAll(Ports.validateName(n, at.child("port"))));
    endPort.ifPresent(e -> {
      out.addAll(Ports.validateNumber(e, at.child("endPort")));
      if (port.isEmpty() || e < port.get()) {
        out.add(new FieldError(at.child("endPort"), DiagnosticCode.FIELD_VALUE,
            "endPort needs a numeric port not above it", "set port to the first port of the range"));
      }
    });
    return out;
  }

  // Input is checked by validate() before it is built; a value built in code is checked here.
  @Value.Check
  void check() {
    FieldError.throwFirst(validate(port(), namedPort(), endPort(), FieldPath.root()));
  }
}
