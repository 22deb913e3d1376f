package dev.apiserverpolicy.render;

import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.RenderContext;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.immutables.value.Value;

/**
 * Choices made per call rather than in the input.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractRenderOptions {
  private static final RenderOptions DEFAULTS = RenderOptions.builder().build();

  /** No overrides. */
  public static RenderOptions defaults() {
    return DEFAULTS;
  }

  /** A profile that overrides the RenderContext's. */
  public abstract Optional<Profile> profile();

  /** The profile a cluster of {@code inputs} is rendered with: this override, else its context's, else the default. */
  public Profile profileFor(ClusterInputs inputs) {
    return profile().orElse(inputs.effectiveProfile());
  }

  /**
   * Overrides every RenderContext's {@code managedByLabel}: true puts
   * {@code app.kubernetes.io/managed-by: apiserver-policy} on every object, false on none.
   */
  public abstract Optional<Boolean> managedByLabel();

  /**
   * True if the objects of a cluster of {@code inputs} carry {@code app.kubernetes.io/managed-by}: this
   * override, else its RenderContext's {@code managedByLabel}, else not.
   */
  public boolean managedByLabelFor(ClusterInputs inputs) {
    return managedByLabel().orElse(inputs.context().map(RenderContext::managedByLabel).orElse(false));
  }

  /**
   * Where clusters are rendered side by side: the common fork-join pool unless this names
   * another ({@code Runnable::run} renders on the calling thread). Not part of equality.
   */
  @Value.Auxiliary
  public abstract Optional<Executor> executor();

  /**
   * True if the clusters are being created: each is defaulted from its seed's default
   * ClusterTemplate first (docs/spec.md section 6). Existing clusters are never defaulted.
   */
  @Value.Default
  public boolean newClusters() {
    return false;
  }
}
