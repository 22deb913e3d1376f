package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.Severity;
import dev.apiserverpolicy.render.yaml.JsonString;
import java.io.PrintWriter;
import java.util.List;

/** Prints diagnostics as text ({@code file:line:column: severity[code] ...} plus a hint line) or as JSON. */
final class DiagnosticPrinter {
  private DiagnosticPrinter() {}

  static void text(PrintWriter out, List<Diagnostic> diagnostics) {
    if (!diagnostics.isEmpty()) {
      out.print(text(diagnostics));
    }
  }

  /** The text {@link #text(PrintWriter, List)} prints (formatted apart, e.g. on a rendering thread). */
  static String text(List<Diagnostic> diagnostics) {
    StringBuilder text = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      StringBuilder line = new StringBuilder();
      if (d.file().isPresent()) {
        line.append(d.file().get());
        if (d.line() > 0) {
          line.append(':').append(d.line()).append(':').append(d.column());
        }
        line.append(": ");
      }
      line.append(d.severity().label()).append('[').append(d.code().id()).append("] ");
      d.object().ifPresent(o -> line.append(o).append(' '));
      if (!d.path().isEmpty()) {
        line.append(d.path()).append(": ");
      }
      line.append(d.message());
      // File names, object names and messages quote the input: nothing in them may act on the terminal.
      text.append(TerminalText.escape(line.toString())).append(System.lineSeparator());
      text.append("  hint: ").append(TerminalText.escape(d.hint())).append(System.lineSeparator());
    }
    return text.toString();
  }

  /** A stable JSON array: one object per diagnostic, keys always in the same order. */
  static void json(PrintWriter out, List<Diagnostic> diagnostics) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < diagnostics.size(); i++) {
      Diagnostic d = diagnostics.get(i);
      sb.append(i == 0 ? "\n" : ",\n").append("  {");
      field(sb, "code", d.code().id()).append(", ");
      field(sb, "severity", d.severity().label()).append(", ");
      sb.append("\"file\": ").append(d.file().map(JsonString::quote).orElse("null")).append(", ");
      sb.append("\"line\": ").append(d.line()).append(", ");
      sb.append("\"column\": ").append(d.column()).append(", ");
      field(sb, "path", d.path()).append(", ");
      field(sb, "message", d.message()).append(", ");
      field(sb, "hint", d.hint());
      d.object().filter(o -> o.startsWith("Cluster/"))
          .ifPresent(o -> field(sb.append(", "), "cluster", o.substring("Cluster/".length())));
      d.object().ifPresent(o -> field(sb.append(", "), "object", o));
      sb.append('}');
    }
    sb.append(diagnostics.isEmpty() ? "]" : "\n]");
    out.println(sb);
    out.flush();
  }

  private static StringBuilder field(StringBuilder sb, String key, String value) {
    return sb.append('"').append(key).append("\": ").append(JsonString.quote(value));
  }

  /** True if any diagnostic is at least {@code threshold}. */
  static boolean anyAtLeast(List<Diagnostic> diagnostics, Severity threshold) {
    return diagnostics.stream().anyMatch(d -> d.severity().compareTo(threshold) >= 0);
  }
}
