package dev.apiserverpolicy.read;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.FieldError;
import dev.apiserverpolicy.model.FieldPath;
import dev.apiserverpolicy.model.Origin;
import dev.apiserverpolicy.model.Position;
import dev.apiserverpolicy.model.Severity;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of reading one object: where diagnostics go, which object they name, and
 * the positions of the fields read so far (they end up in the object's {@link Origin}).
 */
final class ReadScope {
  private final String source;
  private final List<Diagnostic> sink;
  private final Map<String, Position> positions = new LinkedHashMap<>();
  private final Position start;
  private String objectRef;
  private int errors;

  // Where this object's diagnostics start in the sink.
  private final int firstDiagnostic;

  ReadScope(String source, List<Diagnostic> sink, YamlNode document) {
    this.source = source;
    this.sink = sink;
    this.start = document.start();
    this.firstDiagnostic = sink.size();
  }

  /**
   * Names the object once its name is known. Later diagnostics carry it, and so do the ones
   * reported before (a duplicate {@code spec} key is found before {@code metadata.name} is
   * read): an object with any error in it must never be rendered.
   */
  void nameObject(String ref) {
    this.objectRef = ref;
    for (int i = firstDiagnostic; i < sink.size(); i++) {
      Diagnostic d = sink.get(i);
      if (d.object().isEmpty()) {
        sink.set(i, Diagnostic.builder().from(d).object(ref).build());
      }
    }
  }

  void record(FieldPath path, YamlNode node) {
    positions.putIfAbsent(shared(path.toString()), node.start());
  }

  // Every cluster records the same few dozen field paths, and keeps them until the end of the
  // run: one shared copy of each makes ten thousand clusters a good part lighter to hold (and
  // to copy in every young collection). Bounded, so arbitrary keys cannot grow it without end.
  private static final int MAX_SHARED_PATHS = 4096;
  private static final Map<String, String> SHARED_PATHS = new ConcurrentHashMap<>();

  private static String shared(String path) {
    String known = SHARED_PATHS.get(path);
    if (known != null) {
      return known;
    }
    if (SHARED_PATHS.size() < MAX_SHARED_PATHS) {
      known = SHARED_PATHS.putIfAbsent(path, path);
    }
    return known != null ? known : path;
  }

  void report(DiagnosticCode code, YamlNode at, FieldPath path, String message, String hint) {
    report(code, code.defaultSeverity(), at == null ? start : at.start(), path, message, hint);
  }

  /** Like {@link #report(DiagnosticCode, YamlNode, FieldPath, String, String)}, with a severity of its own. */
  void report(DiagnosticCode code, Severity severity, YamlNode at, FieldPath path, String message, String hint) {
    report(code, severity, at.start(), path, message, hint);
  }

  // The paths of the fields reported so far, so that the schema check does not report a field twice (a
  // set: an object may have thousands of them).
  private final Set<String> reportedPaths = new HashSet<>();

  /** True if a finding was already reported at {@code path}. */
  boolean reported(FieldPath path) {
    return reportedPaths.contains(path.toString());
  }

  /** A finding that holds against KKP's CRD schema of {@link KkpSchema#VERSION} only. */
  void reportAgainstSchema(DiagnosticCode code, Severity severity, YamlNode at, FieldPath path, String message,
      String hint) {
    report(code, severity, at.start(), path, message, hint, Optional.of(KkpSchema.VERSION));
  }

  /** An error found by a validate function: at its field's line, or the nearest field above it that was read. */
  void report(FieldError error) {
    Position at = start;
    for (FieldPath p = error.path(); !p.isRoot(); p = p.parent().orElseThrow()) {
      Position known = positions.get(p.toString());
      if (known != null) {
        at = known;
        break;
      }
    }
    report(error.code(), error.code().defaultSeverity(), at, error.path(), error.message(), error.hint());
  }

  private void report(DiagnosticCode code, Severity severity, Position p, FieldPath path, String message,
      String hint) {
    report(code, severity, p, path, message, hint, Optional.empty());
  }

  private void report(DiagnosticCode code, Severity severity, Position p, FieldPath path, String message,
      String hint, Optional<String> kkpSchema) {
    reportedPaths.add(path.toString());
    Diagnostic.Builder b = Diagnostic.builder()
        .code(code)
        .severity(severity)
        .file(source)
        .line(p.line())
        .column(p.column())
        .path(path.toString())
        .message(message)
        .hint(hint)
        .kkpSchema(kkpSchema);
    Optional.ofNullable(objectRef).ifPresent(b::object);
    Diagnostic d = b.build();
    if (d.severity() == Severity.ERROR) {
      errors++;
    }
    sink.add(d);
  }

  int errors() {
    return errors;
  }

  /** The input's name, as diagnostics give it. */
  String source() {
    return source;
  }

  Origin origin() {
    return Origin.builder().source(source).start(start).fields(positions).build();
  }
}
