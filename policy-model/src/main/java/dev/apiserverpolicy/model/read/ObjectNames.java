package dev.apiserverpolicy.model.read;

import dev.apiserverpolicy.model.DiagnosticCode;
import java.util.Optional;

/** Reads {@code metadata.name}, which every object needs before anything can name it. */
final class ObjectNames {
  private ObjectNames() {}

  static Optional<String> name(FieldReader doc, String kind) {
    Optional<String> name = doc.object("metadata").flatMap(m -> m.nonEmptyString("name"));
    if (name.isEmpty()) {
      doc.report(DiagnosticCode.FIELD_MISSING, doc.value("metadata").orElse(doc.node()), "metadata.name",
          kind + " has no metadata.name", "give the " + kind + " a name");
      return Optional.empty();
    }
    doc.scope().nameObject(kind + "/" + name.get());
    return name;
  }
}
