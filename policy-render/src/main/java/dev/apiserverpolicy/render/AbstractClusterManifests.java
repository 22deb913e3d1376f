package dev.apiserverpolicy.render;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.Severity;
import dev.apiserverpolicy.model.manifest.KubernetesObject;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The manifests of one cluster, or the reasons there are none. When any diagnostic is an
 * error, {@link #objects()} is empty: a cluster is rendered whole or not at all.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractClusterManifests {
  /** Name of the seed the cluster belongs to. */
  public abstract String seed();

  /** Name of the cluster. */
  public abstract String cluster();

  /** The namespace of its control plane. */
  public abstract String namespace();

  /**
   * NetworkPolicies sorted by name, then CiliumNetworkPolicies (the Cilium flavour) sorted by
   * name, then the Services in the order KKP creates them: apiserver-external,
   * konnectivity-server, front-loadbalancer (not sorted by name).
   */
  public abstract List<KubernetesObject> objects();

  /** Findings about this cluster. */
  public abstract List<Diagnostic> diagnostics();

  /**
   * What the cluster was rendered from: its inputs as bound (under {@code newClusters}, the
   * defaulted cluster). Absent when it could not be bound or defaulted. Commands that need
   * more than the objects ({@code explain}, {@code defaults}) take it from here instead of
   * binding again.
   */
  public abstract Optional<ClusterInputs> inputs();

  /**
   * The profile the cluster was rendered (or validated) with: the options' override, else its
   * RenderContext's, else the default. Absent exactly when {@link #inputs()} is.
   */
  public abstract Optional<Profile> profile();

  /** True if it was not rendered. */
  public boolean failed() {
    return diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }

  @Value.Check
  void check() {
    if (failed() && !objects().isEmpty()) {
      throw new IllegalStateException("a cluster with errors has no manifests");
    }
    if (inputs().isPresent() != profile().isPresent()) {
      throw new IllegalStateException("a cluster's profile is known exactly when its inputs are");
    }
  }
}
