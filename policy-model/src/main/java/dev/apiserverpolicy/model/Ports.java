package dev.apiserverpolicy.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Kubernetes' rules for port numbers and port names, stated once.
 *
 * @since 0.1.0
 */
public final class Ports {
  // IsValidPortName: an IANA service name, at most 15 characters, with a letter, no "--", no '-' at either end.
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

  private Ports() {}

  /** A TCP, UDP or SCTP port number, 1-65535. */
  public static List<FieldError> validateNumber(int port, FieldPath at) {
    return port >= 1 && port <= 65535 ? List.of() : List.of(new FieldError(at, DiagnosticCode.FIELD_VALUE,
        "port " + port + " is not in 1-65535", "use a port number from 1 to 65535"));
  }

  /** A named container port ({@code IsValidPortName}). */
  public static List<FieldError> validateName(String name, FieldPath at) {
    boolean valid = name.length() <= 15 && NAME.matcher(name).matches() && !name.contains("--")
        && name.chars().anyMatch(c -> c >= 'a' && c <= 'z');
    return valid ? List.of() : List.of(new FieldError(at, DiagnosticCode.FIELD_VALUE,
        "port name '" + name + "' is not valid: a port name is at most 15 lower case letters, digits and '-', "
            + "with at least one letter, not starting or ending with '-' and without '--'",
        "use the name the container gives the port, or its number"));
  }
}
