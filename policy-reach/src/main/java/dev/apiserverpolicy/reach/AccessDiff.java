package dev.apiserverpolicy.reach;

import java.util.List;

/**
 * What a change of the inputs does to who may connect to what: each cluster that changed, in
 * seed and cluster order, and the findings that name no cluster and appear or go away.
 *
 * @param clusters the clusters with changes
 * @param findings findings that name no cluster, as {@link AccessChange.Kind#FINDING} changes
 *
 * @since 0.1.0
 */
public record AccessDiff(List<ClusterDiff> clusters, List<AccessChange> findings) {
  /** The version of the JSON shape ({@code diff -o json}); a change of the shape is a new version. */
  public static final String JSON_VERSION = "apiserver-policy.dev/diff/v1";

  /** Defensive copies. */
  public AccessDiff {
    clusters = List.copyOf(clusters);
    findings = List.copyOf(findings);
  }

  /** True if anything changed. */
  public boolean changed() {
    return !clusters.isEmpty() || !findings.isEmpty();
  }

  /** How many clusters have {@code status}. */
  public long count(ClusterDiff.Status status) {
    return clusters.stream().filter(c -> c.status() == status).count();
  }
}
