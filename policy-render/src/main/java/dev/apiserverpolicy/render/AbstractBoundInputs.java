package dev.apiserverpolicy.render;

import dev.apiserverpolicy.model.Diagnostic;
import java.util.List;
import org.immutables.value.Value;

/**
 * The result of binding read objects together: one entry per bindable cluster, plus findings.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractBoundInputs {
  /** Clusters with their seed and context, in input order. */
  public abstract List<ClusterInputs> clusters();

  /** Binding and validation findings. */
  public abstract List<Diagnostic> diagnostics();
}
