package dev.apiserverpolicy.render;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.Seed;
import dev.apiserverpolicy.model.read.ReadResult;
import java.util.ArrayList;
import java.util.List;

/** Binds and validates everything read, in one call; the entry point for checking inputs. */
public final class InputValidator {
  private InputValidator() {}

  /**
   * Binding findings, then per-seed, per-context and per-cluster findings, in input order.
   * Reading diagnostics are not repeated.
   */
  public static BoundInputs validate(ReadResult read) {
    BoundInputs shared = validateBindingAndInputs(read);
    List<Diagnostic> out = new ArrayList<>(shared.diagnostics());
    for (ClusterInputs inputs : shared.clusters()) {
      out.addAll(ClusterValidator.validate(inputs));
    }
    return BoundInputs.builder().from(shared).diagnostics(out).build();
  }

  /** Binding, seed and context findings; clusters are validated when they are rendered. */
  static BoundInputs validateBindingAndInputs(ReadResult read) {
    BoundInputs bound = InputBinding.bind(read);
    List<Diagnostic> out = new ArrayList<>(bound.diagnostics());
    for (Seed seed : read.seeds()) {
      out.addAll(SeedValidator.validate(seed, read.templates()));
    }
    for (RenderContext context : read.contexts()) {
      out.addAll(RenderContextValidator.validate(context));
    }
    return BoundInputs.builder().from(bound).diagnostics(out).build();
  }
}
