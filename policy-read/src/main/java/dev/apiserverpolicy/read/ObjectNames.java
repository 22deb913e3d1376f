package dev.apiserverpolicy.read;

import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.FieldPath;
import java.util.Optional;

/** Reads {@code metadata.name}, which every object needs before anything can name it. */
final class ObjectNames {
  private ObjectNames() {}

  static Optional<String> name(FieldReader doc, String kind) {
    return name(doc, kind, name -> kind + "/" + name);
  }

  /** Like {@link #name(FieldReader, String)}, with the object's reference made by {@code ref} from its name. */
  static Optional<String> name(FieldReader doc, String kind, java.util.function.UnaryOperator<String> ref) {
    Optional<FieldReader> metadata = doc.object("metadata");
    Optional<String> name = metadata.flatMap(m -> m.nonEmptyString("name"));
    boolean wrongType = metadata.filter(m -> m.has("name")).isPresent()
        && metadata.flatMap(m -> m.value("name")).filter(v -> !(v instanceof YamlNode.Scalar s
            && s.type() == YamlNode.Type.STRING)).isPresent();
    if (name.isEmpty() && wrongType) {
      return Optional.empty();
    }
    if (name.isEmpty()) {
      doc.report(DiagnosticCode.FIELD_MISSING, doc.value("metadata").orElse(doc.node()), FieldPath.of("metadata",
          "name"),
          kind + " has no metadata.name", "give the " + kind + " a name");
      return Optional.empty();
    }
    doc.scope().nameObject(ref.apply(name.get()));
    return name;
  }
}
