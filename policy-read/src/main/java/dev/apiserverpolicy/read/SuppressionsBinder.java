package dev.apiserverpolicy.read;

import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.FieldPath;
import dev.apiserverpolicy.model.Severity;
import dev.apiserverpolicy.model.Spelling;
import dev.apiserverpolicy.model.Suppression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds suppressions: the annotations {@code apiserver-policy.dev/suppress.<code>: <reason>} of
 * a Cluster, and {@code apiserver-policy.dev/v1alpha1 Suppressions} documents, which silence
 * codes for the input files under their own folder. Strict: an unknown code (with the closest
 * one), an error's code, an empty reason or an unknown field is a {@code suppression-invalid}
 * or {@code field-unknown} error, and silences nothing.
 */
final class SuppressionsBinder {
  private static final List<String> CODES = Arrays.stream(DiagnosticCode.values()).map(DiagnosticCode::id).toList();

  private SuppressionsBinder() {}

  /** The suppressions a Cluster's annotations state. */
  static List<Suppression> ofCluster(FieldReader doc, String cluster) {
    List<Suppression> out = new ArrayList<>();
    Optional<FieldReader> annotations = doc.object("metadata").flatMap(m -> m.object("annotations"));
    if (annotations.isEmpty()) {
      return out;
    }
    FieldReader a = annotations.get();
    for (String key : new java.util.TreeSet<>(a.keys())) {
      if (!key.startsWith(Suppression.ANNOTATION_PREFIX)) {
        continue;
      }
      YamlNode at = a.value(key).orElse(a.node());
      Optional<String> reason = a.string(key);
      code(a, at, a.child(key), key.substring(Suppression.ANNOTATION_PREFIX.length()), reason)
          .ifPresent(code -> out.add(new Suppression(code, reason.get().strip(), Optional.of(cluster),
              Optional.empty(), doc.scope().source(), at.start().line())));
    }
    return out;
  }

  /** The suppressions of a Suppressions document, for the files under its folder. */
  static List<Suppression> ofDocument(FieldReader doc) {
    List<Suppression> out = new ArrayList<>();
    doc.rejectUnknown(Set.of("apiVersion", "kind", "metadata", "spec"));
    if (ObjectNames.name(doc, "Suppressions").isEmpty()) {
      return out;
    }
    doc.object("metadata").ifPresent(m -> m.rejectUnknown(Set.of("name", "labels", "annotations")));
    String source = doc.scope().source();
    String folder = source.substring(0, source.lastIndexOf('/') + 1);
    doc.object("spec").ifPresent(spec -> {
      spec.rejectUnknown(Set.of("suppress"));
      for (FieldReader.Item item : spec.list("suppress").orElse(List.of())) {
        spec.asObject(item.node(), item.path()).ifPresent(entry -> {
          entry.rejectUnknown(Set.of("code", "reason"));
          Optional<String> reason = entry.string("reason");
          YamlNode at = entry.value("code").orElse(entry.node());
          code(entry, at, entry.child("code"), entry.string("code").orElse(""), reason)
              .ifPresent(code -> out.add(new Suppression(code, reason.get().strip(), Optional.empty(),
                  Optional.of(folder), source, at.start().line())));
        });
      }
    });
    return out;
  }

  /** The code named, if it may be silenced and a reason is given; otherwise reports why not. */
  private static Optional<DiagnosticCode> code(FieldReader r, YamlNode at, FieldPath path, String id,
      Optional<String> reason) {
    Optional<DiagnosticCode> code = Arrays.stream(DiagnosticCode.values()).filter(c -> c.id().equals(id)).findFirst();
    if (code.isEmpty()) {
      r.report(DiagnosticCode.SUPPRESSION_INVALID, at, path, "no finding has the code '" + id + "'",
          Spelling.closest(id, CODES).map(s -> "did you mean '" + s + "'?")
              .orElse("the codes are listed in docs/spec.md, section 7"));
    } else if (code.get().defaultSeverity() == Severity.ERROR) {
      r.report(DiagnosticCode.SUPPRESSION_INVALID, at, path, id + " is an error, and errors cannot be silenced: "
          + "the object it names is not rendered", "fix what the error says");
      return Optional.empty();
    } else if (reason.filter(s -> !s.isBlank()).isEmpty()) {
      r.report(DiagnosticCode.SUPPRESSION_INVALID, at, path, "silencing " + id + " needs a reason",
          "say why the finding does not apply here (lint prints it with what was silenced)");
      return Optional.empty();
    }
    return code;
  }
}
