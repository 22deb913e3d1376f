package dev.apiserverpolicy.render.bind;

import dev.apiserverpolicy.model.ClusterTemplate;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.FieldError;
import dev.apiserverpolicy.model.FieldPath;
import dev.apiserverpolicy.model.KubernetesNames;
import dev.apiserverpolicy.model.Seed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a seed's reference to its default ClusterTemplate.
 *
 * @since 0.1.0
 */
public final class SeedValidator {
  private SeedValidator() {}

  /** Findings about {@code seed}: its own fields, and its default template among {@code templates}. */
  public static List<Diagnostic> validate(Seed seed, List<ClusterTemplate> templates) {
    List<Diagnostic> out = validate(seed);
    out.addAll(defaultTemplate(seed, templates));
    return out;
  }

  /**
   * Findings about the annotation keys the seed hands to Services (its names the builder has
   * checked: {@code Seed.validateNames}).
   */
  public static List<Diagnostic> validate(Seed seed) {
    List<FieldError> out = new ArrayList<>();
    // These keys go onto front-loadbalancer.
    out.addAll(KubernetesNames.validateAnnotationKeys(seed.nodeportProxyAnnotations().keySet(),
        FieldPath.of("spec", "nodeportProxy", "annotations"), "front-loadbalancer"));
    out.addAll(KubernetesNames.validateAnnotationKeys(seed.loadBalancerServiceAnnotations().keySet(),
        FieldPath.of("spec", "nodeportProxy", "envoy", "loadBalancerService", "annotations"), "front-loadbalancer"));
    List<Diagnostic> found = new ArrayList<>();
    out.forEach(e -> found.add(e.toDiagnostic(seed.origin(), seed.ref())));
    return found;
  }

  /** The seed's default template is in the input, scoped to seeds; a finding at the seed or the template. */
  private static List<Diagnostic> defaultTemplate(Seed seed, List<ClusterTemplate> templates) {
    Optional<String> wanted = seed.defaultClusterTemplate();
    if (wanted.isEmpty()) {
      return List.of();
    }
    Optional<ClusterTemplate> template = templates.stream().filter(t -> t.name().equals(wanted.get())).findFirst();
    if (template.isEmpty()) {
      return List.of(new FieldError(FieldPath.of("spec", "defaultClusterTemplate"),
          DiagnosticCode.DEFAULT_TEMPLATE_MISSING,
          "default ClusterTemplate " + wanted.get() + " is not in the input; new clusters cannot be defaulted",
          "add the ClusterTemplate to the input, or clear spec.defaultClusterTemplate")
          .toDiagnostic(seed.origin(), seed.ref()));
    }
    String scope = template.get().scope().orElse("");
    if (scope.equals(ClusterTemplate.SEED_SCOPE)) {
      return List.of();
    }
    return List.of(new FieldError(FieldPath.of("metadata", "labels", "scope"), DiagnosticCode.DEFAULT_TEMPLATE_SCOPE,
        "invalid scope of default cluster template, is \"" + scope + "\" but must be \"seed\" ("
            + template.get().ref() + ", named by seed " + seed.name() + ")",
        "label the template scope: seed")
        .toDiagnostic(template.get().origin(), seed.ref()));
  }
}
