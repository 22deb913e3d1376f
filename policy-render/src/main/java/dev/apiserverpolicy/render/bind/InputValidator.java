package dev.apiserverpolicy.render.bind;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.FieldPath;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.KubermaticConfiguration;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.Seed;
import dev.apiserverpolicy.render.BoundInputs;
import dev.apiserverpolicy.render.ClusterInputs;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds and validates everything read, in one call; the entry point for checking inputs.
 *
 * @since 0.1.0
 */
public final class InputValidator {
  private InputValidator() {}

  /**
   * Binding findings, then per-seed, per-context and per-cluster findings, in input order.
   * Reading diagnostics are not repeated.
   */
  static BoundInputs validate(Inputs read) {
    BoundInputs shared = validateBindingAndInputs(read);
    List<Diagnostic> out = new ArrayList<>(shared.diagnostics());
    for (ClusterInputs inputs : shared.clusters()) {
      out.addAll(ClusterValidator.validate(inputs));
    }
    return BoundInputs.builder().from(shared).diagnostics(out).build();
  }

  /** Binding, seed and context findings; clusters are validated when they are rendered. */
  public static BoundInputs validateBindingAndInputs(Inputs read) {
    BoundInputs bound = InputBinding.bind(read);
    List<Diagnostic> out = new ArrayList<>(bound.diagnostics());
    for (Seed seed : read.seeds()) {
      out.addAll(SeedValidator.validate(seed, read.templates()));
    }
    for (RenderContext context : read.contexts()) {
      out.addAll(RenderContextValidator.validate(context));
    }
    out.addAll(sharedNamespaces(bound.clusters()));
    read.kubermaticConfigurations().stream().findFirst()
        .flatMap(KubermaticConfiguration::ingressNamespaceOverride)
        .ifPresent(override -> {
          for (RenderContext context : read.contexts()) {
            context.ingressNamespace().filter(ns -> !ns.equals(override)).ifPresent(ns -> out.add(
                Diagnostic.at(DiagnosticCode.FIELD_VALUE, context.origin(), FieldPath.of("spec", "ingressNamespace"))
                    .object(context.ref())
                    .message("ingressNamespace " + ns + " differs from the KubermaticConfiguration's "
                        + "spec.ingress.namespaceOverride " + override + ", which is what KKP uses")
                    .hint("remove spec.ingressNamespace, or make it " + override)
                    .build()));
          }
        });
    return BoundInputs.builder().from(bound).diagnostics(out).build();
  }

  /** Clusters of one seed in one namespace: each is an error that names the others. */
  static List<Diagnostic> sharedNamespaces(List<ClusterInputs> clusters) {
    java.util.Map<String, List<ClusterInputs>> byNamespace = new java.util.TreeMap<>();
    for (ClusterInputs c : clusters) {
      byNamespace.computeIfAbsent(c.seed().name() + "/" + c.cluster().namespace(), k -> new ArrayList<>()).add(c);
    }
    List<Diagnostic> out = new ArrayList<>();
    for (List<ClusterInputs> group : byNamespace.values()) {
      if (group.size() < 2) {
        continue;
      }
      for (ClusterInputs c : group) {
        String others = group.stream().filter(o -> o != c).map(o -> o.cluster().ref())
            .collect(java.util.stream.Collectors.joining(", "));
        out.add(Diagnostic.at(DiagnosticCode.NAMESPACE_SHARED, c.cluster().origin(), FieldPath.of("status",
            "namespaceName"))
            .object(c.cluster().ref())
            .message("namespace '" + c.cluster().namespace() + "' of seed " + c.seed().name()
                + " is also the namespace "
                + "of " + others + "; their policies and Services would overwrite each other")
            .hint("give each cluster the namespace KKP created for it (cluster-<name>)")
            .build());
      }
    }
    return out;
  }
}
