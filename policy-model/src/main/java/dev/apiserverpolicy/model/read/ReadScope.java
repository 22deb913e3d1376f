package dev.apiserverpolicy.model.read;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.Origin;
import dev.apiserverpolicy.model.Position;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  ReadScope(String source, List<Diagnostic> sink, YamlNode document) {
    this.source = source;
    this.sink = sink;
    this.start = document.start();
  }

  /** Names the object once its name is known; later diagnostics carry it. */
  void nameObject(String ref) {
    this.objectRef = ref;
  }

  void record(String path, YamlNode node) {
    positions.putIfAbsent(path, node.start());
  }

  void report(DiagnosticCode code, YamlNode at, String path, String message, String hint) {
    Position p = at == null ? start : at.start();
    Diagnostic.Builder b = Diagnostic.builder()
        .code(code)
        .file(source)
        .line(p.line())
        .column(p.column())
        .path(path)
        .message(message)
        .hint(hint);
    Optional.ofNullable(objectRef).ifPresent(b::object);
    Diagnostic d = b.build();
    if (d.severity() == dev.apiserverpolicy.model.Severity.ERROR) {
      errors++;
    }
    sink.add(d);
  }

  int errors() {
    return errors;
  }

  Origin origin() {
    return Origin.builder().source(source).start(start).fields(positions).build();
  }
}
