package dev.apiserverpolicy.render;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.Seed;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who may reach the API server through {@code front-loadbalancer}: KKP's union of the seed's
 * nodeport-proxy source ranges, the cluster's {@code apiServerAllowedIPRanges} and, only
 * when the cluster has that field at all (even empty), the seed's default ranges. Every
 * range is canonical; exact duplicates are dropped; nothing is widened or merged, so the
 * list admits exactly the union of its inputs.
 */
public final class SourceRangePolicy {
  private SourceRangePolicy() {}

  /** The sorted, de-duplicated source ranges; empty means unrestricted. */
  public static List<Cidr> sourceRanges(Cluster cluster, Seed seed) {
    TreeSet<Cidr> ranges = new TreeSet<>(seed.nodeportProxySourceRanges());
    Optional<List<Cidr>> clusterRanges = cluster.spec().apiServerAllowedIPRanges();
    if (clusterRanges.isPresent()) {
      ranges.addAll(clusterRanges.get());
      // KKP's surprising rule: the seed defaults apply only to clusters that have the field.
      ranges.addAll(seed.defaultAPIServerAllowedIPRanges());
    }
    return List.copyOf(ranges);
  }
}
