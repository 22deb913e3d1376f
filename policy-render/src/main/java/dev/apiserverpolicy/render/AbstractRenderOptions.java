package dev.apiserverpolicy.render;

import dev.apiserverpolicy.model.Profile;
import java.util.Optional;
import org.immutables.value.Value;

/** Choices made per call rather than in the input. */
@Value.Immutable
abstract class AbstractRenderOptions {
  private static final RenderOptions DEFAULTS = RenderOptions.builder().build();

  /** No overrides. */
  public static RenderOptions defaults() {
    return DEFAULTS;
  }

  /** A profile that overrides the RenderContext's. */
  public abstract Optional<Profile> profile();
}
