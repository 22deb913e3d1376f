package dev.apiserverpolicy.render.bind;

import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ClusterTemplate;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.FieldPath;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.KubermaticConfiguration;
import dev.apiserverpolicy.model.Origin;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.Seed;
import dev.apiserverpolicy.model.Spelling;
import dev.apiserverpolicy.render.BoundInputs;
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.ResolvedAddresses;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Ties each cluster to its seed and each seed to its render context, KKP's way: a
 * cluster belongs to the seed whose {@code spec.datacenters} has its {@code spec.cloud.dc};
 * with exactly one seed, a cluster without a match belongs to it. A context applies to
 * the seed of the same name, or to the only seed. Anything missing or ambiguous is an
 * error naming the cluster (or context), so only that object is left out.
 *
 * @since 0.1.0
 */
public final class InputBinding {
  private InputBinding() {}

  /** Binds everything read; duplicates of a name are reported and the later one dropped. */
  public static BoundInputs bind(Inputs read) {
    List<Diagnostic> findings = new ArrayList<>();
    List<Seed> seeds = unique(read.seeds(), Seed::name, Seed::ref, Seed::origin, findings);
    List<Cluster> clusters = unique(read.clusters(), Cluster::name, Cluster::ref, Cluster::origin, findings);
    List<RenderContext> contexts =
        unique(read.contexts(), RenderContext::name, RenderContext::ref, RenderContext::origin, findings);
    unique(read.templates(), ClusterTemplate::name, ClusterTemplate::ref, ClusterTemplate::origin, findings);
    Optional<KubermaticConfiguration> installation = installation(read.kubermaticConfigurations(), findings);

    Map<String, RenderContext> contextBySeed = new HashMap<>();
    for (RenderContext context : contexts) {
      Optional<Seed> seed = seeds.stream().filter(s -> s.name().equals(context.name())).findFirst();
      if (seed.isEmpty() && seeds.size() == 1 && contexts.size() == 1) {
        seed = Optional.of(seeds.get(0));
      }
      if (seed.isEmpty()) {
        findings.add(Diagnostic.at(DiagnosticCode.CONTEXT_BINDING, context.origin(), FieldPath.of("metadata", "name"))
            .object(context.ref())
            .message("RenderContext " + context.name() + " names no Seed in the input")
            .hint(seeds.isEmpty() ? "add the Seed it applies to"
                : "name it after one of the seeds: " + seeds.stream().map(Seed::name).collect(Collectors.joining(", ")))
            .build());
      } else {
        contextBySeed.put(seed.get().name(), context);
      }
    }

    Map<String, RenderContext> withFacts =
        RunTimeFacts.withSeedEndpoints(seeds, contextBySeed, read.seedApiEndpoints(), findings);
    ResolvedAddresses resolved = RunTimeFacts.resolvedAddresses(read.resolvedHosts(), findings);
    for (RenderContext context : contextBySeed.values().stream()
        .sorted(java.util.Comparator.comparing(RenderContext::name)).toList()) {
      findings.addAll(RunTimeFacts.checkContext(context, resolved));
    }

    BoundInputs.Builder bound = BoundInputs.builder();
    for (Cluster cluster : clusters) {
      bindCluster(cluster, seeds, findings).ifPresent(seed -> bound.addClusters(ClusterInputs.builder()
          .cluster(cluster)
          .seed(seed)
          .context(Optional.ofNullable(withFacts.get(seed.name())))
          .kubermaticConfiguration(installation)
          .resolvedAddresses(resolved)
          .build()));
    }
    return bound.diagnostics(findings).build();
  }

  /** The one KubermaticConfiguration of the installation; a second is an error, and the first is used. */
  private static Optional<KubermaticConfiguration> installation(List<KubermaticConfiguration> configurations,
      List<Diagnostic> findings) {
    for (KubermaticConfiguration extra : configurations.subList(Math.min(1, configurations.size()),
        configurations.size())) {
      // Named after the one in use: which of the two is right is unknown, so nothing is rendered.
      findings.add(Diagnostic.at(DiagnosticCode.DUPLICATE_OBJECT, extra.origin(), FieldPath.of("metadata", "name"))
          .object(configurations.get(0).ref())
          .message("a second KubermaticConfiguration (" + extra.name() + " after " + configurations.get(0).name()
              + "); a KKP installation has one")
          .hint("keep the installation's KubermaticConfiguration only")
          .build());
    }
    return configurations.stream().findFirst();
  }

  private static Optional<Seed> bindCluster(Cluster cluster, List<Seed> seeds, List<Diagnostic> findings) {
    Optional<String> dc = cluster.spec().datacenter();
    List<Seed> matches = dc.map(d -> seeds.stream().filter(s -> s.datacenters().contains(d)).toList())
        .orElse(List.of());
    if (matches.size() == 1) {
      return Optional.of(matches.get(0));
    }
    // The only seed takes a cluster that names no datacenter, or one it cannot check (it lists none); a
    // datacenter it does not list is a typo whose settings (Service type, authentication) would be lost.
    if (matches.isEmpty() && seeds.size() == 1 && (dc.isEmpty() || seeds.get(0).datacenters().isEmpty())) {
      return Optional.of(seeds.get(0));
    }
    String message;
    String hint;
    if (matches.isEmpty() && seeds.size() == 1) {
      Seed only = seeds.get(0);
      message = "datacenter " + dc.get() + " is not one of seed " + only.name() + "'s: "
          + String.join(", ", only.datacenters());
      hint = closestDatacenter(dc.get(), only.datacenters()).map(d -> "did you mean '" + d + "'?")
          .orElse("set spec.cloud.dc to one of the seed's datacenters");
    } else if (matches.size() > 1) {
      message = "datacenter " + dc.get() + " is listed by several seeds: "
          + matches.stream().map(Seed::name).collect(Collectors.joining(", "));
      hint = "a datacenter name must be unique across seeds, as in KKP";
    } else if (seeds.isEmpty()) {
      message = "no Seed in the input, so the cluster cannot be rendered";
      hint = "add the Seed that hosts this cluster to the input";
    } else {
      message = dc.map(d -> "no seed lists datacenter " + d).orElse("the cluster names no datacenter (spec.cloud.dc)")
          + " and the input has " + seeds.size() + " seeds";
      hint = "set spec.cloud.dc to a datacenter of one of: "
          + seeds.stream().map(Seed::name).collect(Collectors.joining(", "));
    }
    findings.add(Diagnostic.at(DiagnosticCode.SEED_BINDING, cluster.origin(), FieldPath.of("spec", "cloud", "dc"))
        .object(cluster.ref()).message(message).hint(hint).build());
    return Optional.empty();
  }

  /** The datacenter {@code written} was probably meant to be: another case, or two letters off at most. */
  private static Optional<String> closestDatacenter(String written, java.util.Collection<String> datacenters) {
    return Spelling.closest(written, datacenters).filter(d -> d.equalsIgnoreCase(written)
        || Spelling.distance(written.toLowerCase(java.util.Locale.ROOT), d.toLowerCase(java.util.Locale.ROOT)) <= 2);
  }

  private static <T> List<T> unique(List<T> objects, Function<T, String> name, Function<T, String> ref,
      Function<T, Origin> origin, List<Diagnostic> findings) {
    Map<String, T> first = new HashMap<>();
    List<T> kept = new ArrayList<>();
    for (T object : objects) {
      T earlier = first.putIfAbsent(name.apply(object), object);
      if (earlier == null) {
        kept.add(object);
        continue;
      }
      Origin was = origin.apply(earlier);
      String where = was.source().map(s -> s + was.start().map(p -> ":" + p.line()).orElse("")).orElse("in code");
      findings.add(Diagnostic.at(DiagnosticCode.DUPLICATE_OBJECT, origin.apply(object), FieldPath.of("metadata",
          "name"))
          .object(ref.apply(object))
          .message(ref.apply(object) + " is defined twice; the first is at " + where)
          .hint("remove or rename one; this one is ignored")
          .build());
    }
    return kept;
  }
}
