package dev.apiserverpolicy.render;

import dev.apiserverpolicy.model.ClusterTemplate;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.FieldPath;
import dev.apiserverpolicy.model.KubernetesNames;
import dev.apiserverpolicy.model.Seed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks a seed's reference to its default ClusterTemplate. */
final class SeedValidator {
  private SeedValidator() {}

  /** Findings about {@code seed}: its own fields, and its default template among {@code templates}. */
  static List<Diagnostic> validate(Seed seed, List<ClusterTemplate> templates) {
    List<Diagnostic> out = validate(seed);
    out.addAll(defaultTemplate(seed, templates));
    return out;
  }

  /** Findings about the seed's own fields: its name and the annotation keys it hands to Services. */
  static List<Diagnostic> validate(Seed seed) {
    List<Diagnostic> out = new ArrayList<>();
    if (!KubernetesNames.isSubdomain(seed.name())) {
      out.add(Diagnostic.at(DiagnosticCode.SEED_NAME_INVALID, seed.origin(), FieldPath.of("metadata", "name"))
          .object(seed.ref())
          .message("seed name '" + seed.name() + "' is not valid: " + KubernetesNames.SUBDOMAIN_RULE)
          .hint("use the seed's real Kubernetes name, e.g. '" + KubernetesNames.suggestLabel(seed.name()) + "'")
          .build());
    }
    annotationKeys(seed, FieldPath.of("spec", "nodeportProxy", "annotations"), seed.nodeportProxyAnnotations()
        .keySet(), out);
    annotationKeys(seed, FieldPath.of("spec", "nodeportProxy", "envoy", "loadBalancerService", "annotations"),
        seed.loadBalancerServiceAnnotations().keySet(), out);
    return out;
  }

  private static List<Diagnostic> defaultTemplate(Seed seed, List<ClusterTemplate> templates) {
    List<Diagnostic> out = new ArrayList<>();
    Optional<String> wanted = seed.defaultClusterTemplate();
    if (wanted.isEmpty()) {
      return out;
    }
    Optional<ClusterTemplate> template = templates.stream().filter(t -> t.name().equals(wanted.get())).findFirst();
    if (template.isEmpty()) {
      out.add(Diagnostic.at(DiagnosticCode.DEFAULT_TEMPLATE_MISSING, seed.origin(), FieldPath.of("spec",
          "defaultClusterTemplate"))
          .object(seed.ref())
          .message("default ClusterTemplate " + wanted.get() + " is not in the input; new clusters cannot be defaulted")
          .hint("add the ClusterTemplate to the input, or clear spec.defaultClusterTemplate")
          .build());
      return out;
    }
    String scope = template.get().scope().orElse("");
    if (!scope.equals(ClusterTemplate.SEED_SCOPE)) {
      out.add(Diagnostic.at(DiagnosticCode.DEFAULT_TEMPLATE_SCOPE, template.get().origin(), FieldPath.of("metadata",
          "labels", "scope"))
          .object(seed.ref())
          .message("invalid scope of default cluster template, is \"" + scope + "\" but must be \"seed\" ("
              + template.get().ref() + ", named by seed " + seed.name() + ")")
          .hint("label the template scope: seed")
          .build());
    }
        return out;
  }

  // These keys go onto front-loadbalancer.
  private static void annotationKeys(Seed seed, FieldPath path, java.util.Set<String> keys, List<Diagnostic> out) {
    KubernetesNames.validateAnnotationKeys(keys, path, "front-loadbalancer")
        .forEach(e -> out.add(e.toDiagnostic(seed.origin(), seed.ref())));
  }
}
