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

  /**
   * The ranges as they are written into front-loadbalancer. Under the KKP profiles, as KKP
   * builds them ({@code FrontLoadBalancerServiceReconciler}): a set of the texts as written,
   * sorted as strings. Under least-privilege: canonical, in address order. Both admit exactly
   * the addresses of {@link #sourceRanges}.
   */
  public static List<Cidr> written(Cluster cluster, Seed seed, boolean kkpForm) {
    List<Cidr> ranges = sourceRanges(cluster, seed);
    if (!kkpForm) {
      return ranges.stream().map(Cidr::canonical).toList();
    }
    java.util.TreeMap<String, Cidr> byText = new java.util.TreeMap<>();
    for (Cidr c : inputs(cluster, seed)) {
      byText.putIfAbsent(c.asWritten(), c);
    }
    return List.copyOf(byText.values());
  }

  private static List<Cidr> inputs(Cluster cluster, Seed seed) {
    List<Cidr> all = new java.util.ArrayList<>(seed.nodeportProxySourceRanges());
    cluster.spec().apiServerAllowedIPRanges().ifPresent(own -> {
      all.addAll(own);
      all.addAll(seed.defaultAPIServerAllowedIPRanges());
    });
    return all;
  }

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
