package dev.apiserverpolicy.model;

import java.util.List;

/**
 * One broken rule, found by a per-type validate function: where (relative to the object the
 * caller checks), which code, what is wrong and what to do. The reader turns it into a
 * diagnostic at the field's line; the validators, at the line the object's {@link Origin} has
 * for it; a builder, into an exception, since a value built in code that breaks a rule is a
 * programmer's error.
 *
 * @param path where, e.g. {@code spec.extraEgress[0].ports[1].endPort}
 * @param code the diagnostic code
 * @param message what is wrong
 * @param hint what to do about it
 *
 * @since 0.1.0
 */
public record FieldError(FieldPath path, DiagnosticCode code, String message, String hint) {
  /** A diagnostic at this error's field of an object read from {@code origin}, naming {@code objectRef}. */
  public Diagnostic toDiagnostic(Origin origin, String objectRef) {
    return Diagnostic.at(code, origin, path).object(objectRef).message(message).hint(hint).build();
  }

  /** Throws the first of {@code errors}, if any, as a builder's check does. */
  static void throwFirst(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      FieldError e = errors.get(0);
      throw new IllegalArgumentException((e.path().isRoot() ? "" : e.path() + ": ") + e.message()
          + " (hint: " + e.hint() + ")");
    }
  }
}
