package dev.apiserverpolicy.render.engine;

import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.FieldPath;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.KubermaticConfiguration;
import dev.apiserverpolicy.model.OrderedTasks;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.Seed;
import dev.apiserverpolicy.model.Severity;
import dev.apiserverpolicy.model.manifest.KubernetesObject;
import dev.apiserverpolicy.render.BoundInputs;
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.Rendering;
import dev.apiserverpolicy.render.bind.ClusterDefaulting;
import dev.apiserverpolicy.render.bind.ClusterValidator;
import dev.apiserverpolicy.render.bind.InputValidator;
import dev.apiserverpolicy.render.bind.RenderContextValidator;
import dev.apiserverpolicy.render.bind.SchemaFindings;
import dev.apiserverpolicy.render.bind.SeedValidator;
import dev.apiserverpolicy.render.catalogue.CiliumCatalogue;
import dev.apiserverpolicy.render.catalogue.PolicyRenderer;
import dev.apiserverpolicy.render.catalogue.RuleWithoutPeersException;
import dev.apiserverpolicy.render.facts.ClusterFacts;
import dev.apiserverpolicy.render.lint.OperationalLints;
import dev.apiserverpolicy.render.service.ServiceRenderer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The engine behind {@link dev.apiserverpolicy.ApiserverPolicy}, which is the one entry point the
 * CLI and embedders share: binds, validates, lints and renders clusters. Pure and thread-safe;
 * problems come back as diagnostics, never as exceptions. Public only because the front door is
 * in another package; call the front door instead.
 *
 * @since 0.1.0
 */
public final class ManifestRenderer {
  private ManifestRenderer() {}

  /**
   * Every CiliumNetworkPolicy name the Cilium flavour may render, extraEgress names aside: what a
   * cleanup deletes whatever today's flavour says.
   */
  public static List<String> ciliumPolicyNames() {
    return CiliumCatalogue.POLICY_NAMES;
  }

  /**
   * Renders one cluster of {@code installation} with the profile of its context. The
   * installation's KubermaticConfiguration decides whether the API server must reach KKP's own
   * OIDC issuer. (Without a context: {@link #render(ClusterInputs, RenderOptions)}.)
   */
  public static ClusterManifests render(Cluster cluster, Seed seed, RenderContext context,
      KubermaticConfiguration installation) {
    return render(ClusterInputs.builder().cluster(cluster).seed(seed).context(context)
        .kubermaticConfiguration(installation).build(), RenderOptions.defaults());
  }

  /**
   * Renders one cluster. Its seed and RenderContext are validated first, as {@link
   * #renderAll(Inputs, RenderOptions)} validates them, then the cluster; with any error the
   * cluster is not rendered. Findings of one code beyond a limit are counted, not listed.
   */
  public static ClusterManifests render(ClusterInputs inputs, RenderOptions options) {
    // Values built in code never passed the reader or renderAll's checks of seeds and contexts;
    // an extraEgress entry without peers, say, would otherwise allow egress to anywhere.
    List<Diagnostic> shared = SeedValidator.validate(inputs.seed());
    inputs.context().ifPresent(context -> shared.addAll(RenderContextValidator.validate(context)));
    List<String> blockers = shared.stream().filter(d -> d.severity() == Severity.ERROR)
        .map(d -> d.object().orElse("")).distinct().toList();
    if (!blockers.isEmpty()) {
      return notRendered(inputs, options, shared, blockers);
    }
    ClusterManifests m = renderUncapped(inputs, options);
    return ClusterManifests.builder().from(m).diagnostics(FindingLimits.cap(m.diagnostics())).build();
  }

  private static ClusterManifests renderUncapped(ClusterInputs inputs, RenderOptions options) {
    Profile profile = options.profileFor(inputs);
    ClusterManifests.Builder result = ClusterManifests.builder()
        .seed(inputs.seed().name())
        .cluster(inputs.cluster().name())
        .namespace(inputs.cluster().namespace())
        .inputs(inputs)
        .profile(profile);
    ClusterFacts facts = ClusterFacts.of(inputs, profile);
    List<Diagnostic> findings = ClusterValidator.validate(facts);
    result.addAllDiagnostics(findings);
    if (findings.stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
      return result.build();
    }
    result.addAllDiagnostics(OperationalLints.lint(facts));
    return renderValidated(facts, options, result);
  }

  /**
   * The objects of a cluster the validators have passed, or the error that stops it; package-private so that
   * a test can take a path around the validators, as a future defect might.
   */
  static ClusterManifests renderValidated(ClusterFacts facts, RenderOptions options,
      ClusterManifests.Builder result) {
    ClusterInputs inputs = facts.inputs();
    try {
      List<KubernetesObject> objects = new ArrayList<>(PolicyRenderer.render(facts));
      objects.addAll(CiliumCatalogue.render(facts));
      objects.addAll(ServiceRenderer.render(facts));
      if (options.managedByLabelFor(inputs)) {
        objects.replaceAll(ManagedByLabel::apply);
      }
      Optional<Diagnostic> tooLarge = ObjectSizes.tooLarge(inputs, objects);
      if (tooLarge.isPresent()) {
        return result.addDiagnostics(tooLarge.get()).build();
      }
      return result.addAllObjects(objects).build();
    } catch (RuleWithoutPeersException e) {
      return result.addDiagnostics(Diagnostic.at(DiagnosticCode.RULE_WITHOUT_PEERS, inputs.cluster().origin(),
              FieldPath.root())
          .object(inputs.cluster().ref())
          .message("not rendered: " + e.getMessage() + "; no check before the renderer stopped this input")
          .hint("please report this with the input that caused it; until then, give the target its addresses")
          .build()).build();
    } catch (RuntimeException e) {
      // Validation should have caught whatever this is; report it rather than crash a whole run.
      return result.addDiagnostics(Diagnostic.at(DiagnosticCode.INTERNAL_ERROR, inputs.cluster().origin(), FieldPath
          .root())
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
  public static Rendering renderAll(Inputs read, RenderOptions options) {
    List<ClusterManifests> clusters = new ArrayList<>();
    List<Diagnostic> general = renderAll(read, options, clusters::add);
    return Rendering.builder().addAllClusters(clusters).addAllDiagnostics(general).build();
  }

  /**
   * Like {@link #renderAll(Inputs, RenderOptions)}, but hands each cluster to
   * {@code consumer} as soon as it and all before it are rendered, in the same order (seed,
   * then cluster), without keeping them: memory stays flat however many clusters there are.
   * Returns the findings that name no cluster.
   */
  public static List<Diagnostic> renderAll(Inputs read, RenderOptions options,
      Consumer<ClusterManifests> consumer) {
    return renderAll(read, options, Function.identity(), consumer);
  }

  /**
   * Like {@link #renderAll(Inputs, RenderOptions, Consumer)}, but each cluster is first
   * passed through {@code eachInParallel} on the rendering threads (to turn it into YAML,
   * say), and {@code inOrder} receives what that returns, in order, on the calling thread.
   * {@code eachInParallel} must be safe to call from several threads at once.
   */
  public static <T> List<Diagnostic> renderAll(Inputs read, RenderOptions options,
      Function<? super ClusterManifests, ? extends T> eachInParallel, Consumer<? super T> inOrder) {
    BoundInputs bound = InputValidator.validateBindingAndInputs(read);
    List<Diagnostic> general = new ArrayList<>();
    // Diagnostics by the object they name, so each cluster finds its own without a scan.
    Map<String, List<Diagnostic>> byObject = new HashMap<>();
    Set<String> withErrors = new HashSet<>();
    // A finding that names a cluster the input does not hold (the reader left it out) is general: never lost.
    Set<String> clusterRefs = new HashSet<>();
    read.clusters().forEach(c -> clusterRefs.add(c.ref()));
    for (Diagnostic d : concat(SchemaFindings.inForce(read, bound.clusters(), options), bound.diagnostics())) {
      d.object().ifPresent(o -> {
        byObject.computeIfAbsent(o, k -> new ArrayList<>()).add(d);
        if (d.severity() == Severity.ERROR) {
          withErrors.add(o);
        }
      });
      if (d.object().filter(clusterRefs::contains).isEmpty()) {
        general.add(d);
      }
    }
    // Clusters that could not be bound come first (their seed is unknown), then by seed and name.
    Set<String> boundNames = new HashSet<>();
    bound.clusters().forEach(c -> boundNames.add(c.cluster().name()));
    TreeMap<String, Cluster> unbound = new TreeMap<>();
    for (Cluster c : read.clusters()) {
      if (!boundNames.contains(c.name())) {
        unbound.putIfAbsent(c.name(), c);
      }
    }
    for (Cluster c : unbound.values()) {
      inOrder.accept(eachInParallel.apply(ClusterManifests.builder().seed("").cluster(c.name())
          .namespace(c.namespace()).addAllDiagnostics(FindingLimits.cap(byObject.getOrDefault(c.ref(), List.of())))
          .build()));
    }
    List<ClusterInputs> ordered = new ArrayList<>(bound.clusters());
    ordered.sort(Comparator.comparing((ClusterInputs c) -> c.seed().name()).thenComparing(c -> c.cluster().name()));
    // Clusters are independent: render a chunk on every core, then hand it on in order.
    for (int from = 0; from < ordered.size(); from += STREAM_CHUNK) {
      List<ClusterInputs> chunk = ordered.subList(from, Math.min(ordered.size(), from + STREAM_CHUNK));
      List<? extends T> done = OrderedTasks.map(chunk,
          inputs -> eachInParallel.apply(renderBound(read, inputs, options, byObject, withErrors)), options.executor());
      done.forEach(inOrder);
    }
    return List.copyOf(FindingLimits.cap(general));
  }

  /** Clusters rendered together before being handed on: enough to keep both cores busy, few enough to stay small. */
  private static final int STREAM_CHUNK = 256;

  private static ClusterManifests renderBound(Inputs read, ClusterInputs inputs, RenderOptions options,
      Map<String, List<Diagnostic>> byObject, Set<String> withErrors) {
    String ref = inputs.cluster().ref();
    List<Diagnostic> own = byObject.getOrDefault(ref, List.of());
    List<String> blockers = new ArrayList<>();
    for (String r : List.of(ref, inputs.seed().ref(), inputs.context().map(RenderContext::ref).orElse(""),
        inputs.kubermaticConfiguration().map(KubermaticConfiguration::ref).orElse(""))) {
      if (withErrors.contains(r)) {
        blockers.add(r);
      }
    }
    if (!blockers.isEmpty()) {
      return notRendered(inputs, options, own, blockers);
    }
    ClusterInputs toRender = inputs;
    if (options.newClusters()) {
      ClusterDefaulting.Defaulted d = ClusterDefaulting.forCreation(inputs.cluster(), inputs.seed(), read.templates(),
          inputs.kubermaticConfiguration());
      toRender = ClusterInputs.builder().from(inputs).cluster(d.cluster()).build();
      // The seed's template findings are the seed's; they are reported once, not per cluster.
      List<Diagnostic> defaulting = d.diagnostics().stream().filter(x -> x.severity() == Severity.ERROR)
          .map(x -> Diagnostic.builder().from(x).object(ref).message(x.message() + "; cannot default this cluster")
              .build()).toList();
      if (!defaulting.isEmpty()) {
        return ClusterManifests.builder().seed(inputs.seed().name()).cluster(inputs.cluster().name())
            .namespace(inputs.cluster().namespace()).addAllDiagnostics(FindingLimits.cap(concat(own, defaulting)))
            .build();
      }
    }
    ClusterManifests rendered = renderUncapped(toRender, options);
    return ClusterManifests.builder().from(rendered)
        .diagnostics(FindingLimits.cap(own.isEmpty() ? rendered.diagnostics() : concat(own, rendered.diagnostics())))
        .build();
  }

  /** A cluster that is not rendered because {@code blockers} (objects it depends on) have errors. */
  private static ClusterManifests notRendered(ClusterInputs inputs, RenderOptions options, List<Diagnostic> found,
      List<String> blockers) {
    String named = String.join(", ", blockers);
    return ClusterManifests.builder()
        .seed(inputs.seed().name()).cluster(inputs.cluster().name()).namespace(inputs.cluster().namespace())
        .inputs(inputs).profile(options.profileFor(inputs))
        .addAllDiagnostics(FindingLimits.cap(found))
        .addDiagnostics(Diagnostic.at(DiagnosticCode.NOT_RENDERED, inputs.cluster().origin(), FieldPath.root())
            .object(inputs.cluster().ref())
            .message("not rendered: " + named + " has errors")
            .hint("fix the errors reported for " + named)
            .build())
        .build();
  }

  private static List<Diagnostic> concat(List<Diagnostic> a, List<Diagnostic> b) {
    List<Diagnostic> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
