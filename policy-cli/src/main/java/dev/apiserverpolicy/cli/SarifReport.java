package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.Severity;
import dev.apiserverpolicy.render.yaml.JsonString;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code lint --format sarif}: SARIF 2.1.0 (OASIS), as GitHub code scanning and other review
 * tools read it. One rule per diagnostic code, in the order of {@link DiagnosticCode}; one result
 * per finding, with its file, line and column, and a fingerprint that does not change when an
 * unrelated edit moves the finding to another line.
 */
final class SarifReport {
  /** The key of the fingerprint every result carries; a change of how it is computed is a new version. */
  static final String FINGERPRINT = "apiserverPolicyFinding/v1";

  private SarifReport() {}

  static String write(List<Diagnostic> diagnostics, String version) {
    return write(diagnostics, List.of(), version);
  }

  /** With the findings the input silenced, each marked with its suppression and the reason given. */
  static String write(List<Diagnostic> diagnostics, List<SilencedFindings.Silenced> silenced, String version) {
    StringBuilder out = new StringBuilder("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
        + "  \"version\": \"2.1.0\",\n  \"runs\": [{\n    \"tool\": {\"driver\": {\"name\": \"apiserver-policy\", "
        + "\"version\": " + JsonString.quote(version) + ", \"rules\": [");
    DiagnosticCode[] codes = DiagnosticCode.values();
    for (int i = 0; i < codes.length; i++) {
      out.append(i == 0 ? "\n" : ",\n").append("      ").append(rule(codes[i]));
    }
    out.append("\n    ]}},\n    \"columnKind\": \"utf16CodeUnits\",\n    \"results\": [");
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < diagnostics.size(); i++) {
      out.append(i == 0 ? "\n" : ",\n").append("      ").append(result(diagnostics.get(i), seen, ""));
    }
    for (int i = 0; i < silenced.size(); i++) {
      SilencedFindings.Silenced s = silenced.get(i);
      // A Cluster's annotation is in the source it silences; a Suppressions document is beside it.
      String kind = s.by().cluster().isPresent() ? "inSource" : "external";
      String suppression = ", \"suppressions\": [{\"kind\": \"" + kind + "\", \"status\": \"accepted\", "
          + "\"justification\": " + JsonString.quote(s.by().reason() + " (" + s.by().where() + ")") + "}]";
      out.append(diagnostics.isEmpty() && i == 0 ? "\n" : ",\n").append("      ")
          .append(result(s.finding(), seen, suppression));
    }
    boolean none = diagnostics.isEmpty() && silenced.isEmpty();
    return out.append(none ? "]\n  }]\n}\n" : "\n    ]\n  }]\n}\n").toString();
  }

  /** A SARIF log of a run that failed before it had findings: no results, the error as a notification. */
  static String failure(String message, int exitCode, String version) {
    return "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
        + "  \"runs\": [{\n    \"tool\": {\"driver\": {\"name\": \"apiserver-policy\", \"version\": "
        + JsonString.quote(version) + "}},\n    \"invocations\": [{\"executionSuccessful\": false, \"exitCode\": "
        + exitCode + ", \"toolExecutionNotifications\": [{\"level\": \"error\", \"message\": {\"text\": "
        + JsonString.quote(message) + "}}]}],\n    \"results\": []\n  }]\n}\n";
  }

  private static String rule(DiagnosticCode code) {
    String help = code.summary() + " What the code means and when it is reported: docs/spec.md, section 7 (`"
        + code.id() + "`).";
    String markdown = code.summary() + " See [docs/spec.md, section 7](docs/spec.md#7-diagnostics), `" + code.id()
        + "`.";
    return "{\"id\": " + JsonString.quote(code.id()) + ", \"shortDescription\": {\"text\": "
        + JsonString.quote(firstSentence(code.summary())) + "}, \"fullDescription\": {\"text\": "
        + JsonString.quote(code.summary()) + "}, \"help\": {\"text\": " + JsonString.quote(help)
        + ", \"markdown\": " + JsonString.quote(markdown) + "}, \"defaultConfiguration\": {\"level\": "
        + JsonString.quote(level(code.defaultSeverity())) + "}}";
  }

  private static String result(Diagnostic d, Map<String, Integer> seen, String suppression) {
    String what = d.code().id() + "\n" + d.object().orElse("") + "\n" + d.path() + "\n" + d.message();
    // Two findings that say the same are told apart by their order, which edits elsewhere keep.
    int occurrence = seen.merge(what, 1, Integer::sum);
    StringBuilder out = new StringBuilder("{\"ruleId\": ").append(JsonString.quote(d.code().id()))
        .append(", \"ruleIndex\": ").append(d.code().ordinal())
        .append(", \"level\": ").append(JsonString.quote(level(d.severity())))
        .append(", \"message\": {\"text\": ").append(JsonString.quote(d.message() + "\nhint: " + d.hint())).append('}');
    d.file().ifPresent(f -> out.append(", \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ")
        .append(JsonString.quote(uri(f))).append('}').append(d.line() > 0 ? ", \"region\": {\"startLine\": " + d.line()
            + ", \"startColumn\": " + Math.max(1, d.column()) + "}" : "").append("}}]"));
    out.append(", \"partialFingerprints\": {").append(JsonString.quote(FINGERPRINT)).append(": ")
        .append(JsonString.quote(sha256(what) + ":" + occurrence)).append('}');
    out.append(suppression).append(", \"properties\": {\"object\": ").append(JsonString.quote(d.object().orElse("")))
        .append(", \"path\": ").append(JsonString.quote(d.path())).append("}}");
    return out.toString();
  }

  /**
   * The file as a URI: a relative name stays a relative reference (to the repository, as code
   * scanning resolves it), an absolute one is a {@code file:} URI; characters encoded.
   */
  static String uri(String file) {
    try {
      boolean drive = file.matches("[A-Za-z]:/.*");
      if (file.startsWith("/") || drive) {
        return new URI("file", "", drive ? "/" + file : file, null).toASCIIString();
      }
      return new URI(null, null, file, null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a path: " + file, e);
    }
  }

  private static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  private static String firstSentence(String text) {
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }

  private static String sha256(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
