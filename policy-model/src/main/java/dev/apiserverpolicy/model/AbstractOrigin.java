package dev.apiserverpolicy.model;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where an object was read from: the file, the document's start, and the position of
 * every field the reader looked at (keyed by {@link FieldPath} in its written form, e.g.
 * {@code spec.apiServerAllowedIPRanges.cidrBlocks[1]}), so later checks can point at the
 * exact line. Objects built in code have {@link #none()}.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractOrigin {
  private static final Origin NONE = Origin.builder().build();

  /** The origin of an object built in code. */
  public static Origin none() {
    return NONE;
  }

  /** File or stream name as the caller gave it. */
  public abstract Optional<String> source();

  /** Where the document starts, if known. */
  public abstract Optional<Position> start();

  /** Position of each field read, by field path. */
  public abstract Map<String, Position> fields();

  /**
   * The position of {@code path}, or of its nearest parent that has one, or of the
   * document start.
   */
  public Optional<Position> positionOf(FieldPath path) {
    for (FieldPath p = path; !p.isRoot(); p = p.parent().orElseThrow()) {
      Position at = fields().get(p.toString());
      if (at != null) {
        return Optional.of(at);
      }
    }
    return start();
  }
}
