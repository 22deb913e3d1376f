package dev.apiserverpolicy.model;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where an object was read from: the file, the document's start, and the position of
 * every field the reader looked at (keyed by field path, e.g.
 * {@code spec.apiServerAllowedIPRanges.cidrBlocks[1]}), so later checks can point at the
 * exact line. Objects built in code have {@link #none()}.
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
  public Optional<Position> positionOf(String path) {
    String p = path;
    while (!p.isEmpty()) {
      Position at = fields().get(p);
      if (at != null) {
        return Optional.of(at);
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? "" : p.substring(0, cut);
    }
    return start();
  }
}
