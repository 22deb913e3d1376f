package dev.apiserverpolicy.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * One finding about the input: what, where, and what to do about it.
 *
 * <p>{@code line} and {@code column} are 1-based and 0 when unknown (an object built in
 * code has no position). {@code object} names the object the finding is about as
 * {@code Kind/name}; an error about an object stops rendering of that object only.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractDiagnostic {
  /** What was found. */
  public abstract DiagnosticCode code();

  /** How serious it is: its code's severity. */
  @Value.Default
  public Severity severity() {
    return code().defaultSeverity();
  }

  /** The input file or stream name, if known. */
  public abstract Optional<String> file();

  /** 1-based line, 0 if unknown. */
  @Value.Default
  public int line() {
    return 0;
  }

  /** 1-based column, 0 if unknown. */
  @Value.Default
  public int column() {
    return 0;
  }

  /** Field path within the object, e.g. {@code spec.exposeStrategy}; empty if none. */
  @Value.Default
  public String path() {
    return "";
  }

  /** The object concerned, as {@code Kind/name}, if any. */
  public abstract Optional<String> object();

  /**
   * The KKP version whose CRD schema this finding holds against ({@code v2.31.0}), when it holds against
   * that schema only: under a profile that reads another version's schema it is not reported.
   */
  public abstract Optional<String> kkpSchema();

  /** What is wrong, in one sentence. */
  public abstract String message();

  /** What to do about it. */
  public abstract String hint();

  /** A builder pre-filled with the file and position of {@code path} in {@code origin}. */
  public static Diagnostic.Builder at(DiagnosticCode code, Origin origin, FieldPath path) {
    Diagnostic.Builder b = Diagnostic.builder().code(code).path(path.toString());
    origin.source().ifPresent(b::file);
    origin.positionOf(path).ifPresent(p -> b.line(p.line()).column(p.column()));
    return b;
  }

  /**
   * One-line form for terminals and logs:
   * {@code file:line:column: severity[code] object path: message (hint: ...)}.
   */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    if (file().isPresent()) {
      sb.append(file().get());
      if (line() > 0) {
        sb.append(':').append(line()).append(':').append(column());
      }
      sb.append(": ");
    }
    sb.append(severity().label()).append('[').append(code().id()).append("] ");
    object().ifPresent(o -> sb.append(o).append(' '));
    if (!path().isEmpty()) {
      sb.append(path()).append(": ");
    }
    sb.append(message()).append(" (hint: ").append(hint()).append(')');
    return sb.toString();
  }
}
