package dev.apiserverpolicy.render;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.Severity;
import java.util.List;
import org.immutables.value.Value;

/**
 * The result of rendering everything read: each cluster's manifests, and findings about no cluster.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractRendering {
  /** One entry per cluster, ordered by seed, then cluster name. */
  public abstract List<ClusterManifests> clusters();

  /** Findings that name no cluster (files, seeds, contexts, templates). */
  public abstract List<Diagnostic> diagnostics();

  /** Every diagnostic: general ones first, then each cluster's. */
  public List<Diagnostic> allDiagnostics() {
    List<Diagnostic> all = new java.util.ArrayList<>(diagnostics());
    clusters().forEach(c -> all.addAll(c.diagnostics()));
    return all;
  }

  /** True if any cluster failed or a general finding is an error. */
  public boolean hasErrors() {
    return allDiagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }
}
