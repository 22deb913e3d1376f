package dev.apiserverpolicy.model;

import java.util.Optional;

/**
 * A NetworkPolicy port protocol.
 *
 * @since 0.1.0
 */
public enum Protocol {
  /** TCP, the Kubernetes default. */
  TCP,
  /** UDP. */
  UDP,
  /** SCTP. */
  SCTP;

  /** The protocol named exactly {@code name} (upper case, as Kubernetes requires). */
  public static Optional<Protocol> fromName(String name) {
    for (Protocol p : values()) {
      if (p.name().equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
