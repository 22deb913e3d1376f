package dev.apiserverpolicy.model;

import java.util.List;
import org.immutables.value.Value;

/**
 * The inputs of a render: clusters, seeds, templates, RenderContexts, the installation's
 * KubermaticConfiguration and the rest, in input order, built in code ({@code Inputs.builder()})
 * or read from files ({@code ManifestReader}), with the findings of reading them. An object with
 * an error diagnostic naming it is still listed, so that the renderer can say which clusters it
 * stops, but it is never rendered.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractInputs {
  /** Clusters, in input order. */
  public abstract List<Cluster> clusters();

  /** Seeds, in input order. */
  public abstract List<Seed> seeds();

  /** Cluster templates, in input order. */
  public abstract List<ClusterTemplate> templates();

  /** Render contexts, in input order. */
  public abstract List<RenderContext> contexts();

  /** KubermaticConfigurations, in input order (an installation has one). */
  public abstract List<KubermaticConfiguration> kubermaticConfigurations();

  /** The seed API server's EndpointSlices and Endpoints, in input order. */
  public abstract List<SeedApiEndpoints> seedApiEndpoints();

  /** ResolvedHosts documents, in input order. */
  public abstract List<ResolvedHosts> resolvedHosts();

  /** Findings silenced on the record (Cluster annotations and Suppressions documents), in input order. */
  public abstract List<Suppression> suppressions();

  /** Diagnostics, in input order. */
  public abstract List<Diagnostic> diagnostics();

  /** True if any diagnostic is an error. */
  public boolean hasErrors() {
    return diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }

  /** True if an error names {@code objectRef} (e.g. {@code Cluster/prod-1}). */
  public boolean hasErrorsFor(String objectRef) {
    return diagnostics().stream()
        .anyMatch(d -> d.severity() == Severity.ERROR && d.object().filter(objectRef::equals).isPresent());
  }

  /**
   * This result followed by {@code other}. It copies both: to join the results of many files,
   * use {@link #plusAll}, which copies each once.
   */
  public Inputs plus(Inputs other) {
    return plusAll(List.of(other));
  }

  /** This result followed by each of {@code others} in order, built once (linear in what they hold). */
  public Inputs plusAll(List<Inputs> others) {
    Inputs.Builder all = Inputs.builder().from(this);
    for (Inputs other : others) {
      all.addAllClusters(other.clusters())
          .addAllSeeds(other.seeds())
          .addAllTemplates(other.templates())
          .addAllContexts(other.contexts())
          .addAllKubermaticConfigurations(other.kubermaticConfigurations())
          .addAllSeedApiEndpoints(other.seedApiEndpoints())
          .addAllResolvedHosts(other.resolvedHosts())
          .addAllSuppressions(other.suppressions())
          .addAllDiagnostics(other.diagnostics());
    }
    return all.build();
  }
}
