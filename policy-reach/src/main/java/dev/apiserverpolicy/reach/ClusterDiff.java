package dev.apiserverpolicy.reach;

import java.util.List;

/**
 * What changed for one cluster between BASE and HEAD.
 *
 * @param seed seed name (HEAD's, or BASE's for a removed cluster)
 * @param cluster cluster name
 * @param status added, removed or changed
 * @param changes each change, grouped by {@link AccessChange.Section} in its order
 *
 * @since 0.1.0
 */
public record ClusterDiff(String seed, String cluster, Status status, List<AccessChange> changes) {
  /** Defensive copy. */
  public ClusterDiff {
    changes = List.copyOf(changes);
  }

  /** How the cluster changed. */
  public enum Status {
    /** Only in HEAD. */
    ADDED,
    /** Only in BASE. */
    REMOVED,
    /** In both, with changes. */
    CHANGED;

    /** {@code added}, {@code removed}, {@code changed}. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
