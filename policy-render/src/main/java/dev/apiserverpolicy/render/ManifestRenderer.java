package dev.apiserverpolicy.render;

import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.Seed;
import dev.apiserverpolicy.model.Severity;
import dev.apiserverpolicy.model.manifest.KubernetesObject;
import dev.apiserverpolicy.model.read.ReadResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The library's entry point: renders the NetworkPolicies and Services of clusters.
 * Pure and thread-safe; problems come back as diagnostics, never as exceptions.
 *
 * <pre>{@code
 * ClusterManifests m = ManifestRenderer.render(cluster, seed, Optional.of(context));
 * String yaml = YamlManifestWriter.write(m.objects(), "clusters.yaml");
 * }</pre>
 */
public final class ManifestRenderer {
  private ManifestRenderer() {}

  /** Renders one cluster with the profile of its context (or the default). */
  public static ClusterManifests render(Cluster cluster, Seed seed, Optional<RenderContext> context) {
    return render(ClusterInputs.builder().cluster(cluster).seed(seed).context(context).build(),
        RenderOptions.defaults());
  }

  /** Renders one cluster; the cluster is validated first and not rendered if it has errors. */
  public static ClusterManifests render(ClusterInputs inputs, RenderOptions options) {
    Profile profile = options.profile().orElse(inputs.effectiveProfile());
    ClusterManifests.Builder result = ClusterManifests.builder()
        .seed(inputs.seed().name())
        .cluster(inputs.cluster().name())
        .namespace(inputs.cluster().namespace());
    List<Diagnostic> findings = ClusterValidator.validate(inputs, profile);
    result.addAllDiagnostics(findings);
    if (findings.stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
      return result.build();
    }
    result.addAllDiagnostics(OperationalLints.lint(inputs, profile));
    try {
      ClusterFacts facts = new ClusterFacts(inputs, profile);
      List<KubernetesObject> objects = new ArrayList<>(PolicyRenderer.render(facts));
      objects.addAll(ServiceRenderer.render(facts));
      return result.addAllObjects(objects).build();
    } catch (RuntimeException e) {
      // Validation should have caught whatever this is; report it rather than crash a whole run.
      return result.addDiagnostics(Diagnostic.at(DiagnosticCode.INTERNAL_ERROR, inputs.cluster().origin(), "")
          .object(inputs.cluster().ref())
          .message("internal error while rendering: " + e)
          .hint("please report this with the input that caused it")
          .build()).build();
    }
  }

  /**
   * Binds, validates and renders everything read, ordered by seed then cluster. Reading
   * and binding diagnostics that name no cluster are returned in {@link Rendering#diagnostics()}.
   * A cluster whose own, seed's or context's objects have errors is not rendered, and says why.
   */
  public static Rendering renderAll(ReadResult read, RenderOptions options) {
    BoundInputs bound = InputValidator.validateBindingAndInputs(read);
    List<Diagnostic> general = new ArrayList<>();
    for (Diagnostic d : concat(read.diagnostics(), bound.diagnostics())) {
      if (d.object().filter(o -> o.startsWith("Cluster/")).isEmpty()) {
        general.add(d);
      }
    }
    List<ClusterManifests> clusters = new ArrayList<>();
    for (ClusterInputs inputs : bound.clusters()) {
      String ref = inputs.cluster().ref();
      List<Diagnostic> own = concat(read.diagnostics(), bound.diagnostics()).stream()
          .filter(d -> d.object().filter(ref::equals).isPresent()).toList();
      List<String> blockers = blockingErrors(read, bound, inputs);
      if (!blockers.isEmpty()) {
        clusters.add(ClusterManifests.builder()
            .seed(inputs.seed().name()).cluster(inputs.cluster().name()).namespace(inputs.cluster().namespace())
            .addAllDiagnostics(own)
            .addDiagnostics(Diagnostic.at(DiagnosticCode.NOT_RENDERED, inputs.cluster().origin(), "")
                .object(ref)
                .message("not rendered: " + String.join(", ", blockers) + " has errors")
                .hint("fix the errors reported for " + String.join(", ", blockers))
                .build())
            .build());
        continue;
      }
      ClusterInputs toRender = inputs;
      List<Diagnostic> defaulting = List.of();
      if (options.newClusters()) {
        ClusterDefaulting.Defaulted d = ClusterDefaulting.forCreation(inputs.cluster(), inputs.seed(), read.templates());
        toRender = ClusterInputs.builder().from(inputs).cluster(d.cluster()).build();
        // The seed's template findings are the seed's; they are reported once, not per cluster.
        defaulting = d.diagnostics().stream().filter(x -> x.severity() == Severity.ERROR)
            .map(x -> Diagnostic.builder().from(x).object(ref).message(x.message() + "; cannot default this cluster")
                .build()).toList();
      }
      if (!defaulting.isEmpty()) {
        clusters.add(ClusterManifests.builder().seed(inputs.seed().name()).cluster(inputs.cluster().name())
            .namespace(inputs.cluster().namespace()).addAllDiagnostics(own).addAllDiagnostics(defaulting).build());
        continue;
      }
      ClusterManifests rendered = render(toRender, options);
      clusters.add(ClusterManifests.builder().from(rendered)
          .diagnostics(concat(own, rendered.diagnostics()))
          .build());
    }
    // Clusters that could not be bound still deserve a line in the result.
    for (Cluster unbound : read.clusters()) {
      boolean isBound = bound.clusters().stream().anyMatch(c -> c.cluster().name().equals(unbound.name()));
      if (!isBound && clusters.stream().noneMatch(c -> c.cluster().equals(unbound.name()))) {
        List<Diagnostic> own = concat(read.diagnostics(), bound.diagnostics()).stream()
            .filter(d -> d.object().filter(unbound.ref()::equals).isPresent()).toList();
        clusters.add(ClusterManifests.builder().seed("").cluster(unbound.name()).namespace(unbound.namespace())
            .addAllDiagnostics(own).build());
      }
    }
    clusters.sort(Comparator.comparing(ClusterManifests::seed).thenComparing(ClusterManifests::cluster));
    return Rendering.builder().addAllClusters(clusters).addAllDiagnostics(general).build();
  }

  private static List<String> blockingErrors(ReadResult read, BoundInputs bound, ClusterInputs inputs) {
    List<String> refs = new ArrayList<>();
    refs.add(inputs.cluster().ref());
    refs.add(inputs.seed().ref());
    inputs.context().ifPresent(c -> refs.add(c.ref()));
    List<Diagnostic> all = concat(read.diagnostics(), bound.diagnostics());
    return refs.stream()
        .filter(ref -> all.stream().anyMatch(d -> d.severity() == Severity.ERROR
            && d.object().filter(ref::equals).isPresent()))
        .collect(Collectors.toList());
  }

  private static List<Diagnostic> concat(List<Diagnostic> a, List<Diagnostic> b) {
    List<Diagnostic> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
