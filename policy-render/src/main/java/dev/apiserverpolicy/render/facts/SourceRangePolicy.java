package dev.apiserverpolicy.render.facts;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.Seed;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who may reach the API server through {@code front-loadbalancer}: KKP's union of the seed's
 * nodeport-proxy source ranges, the cluster's {@code apiServerAllowedIPRanges} and, only
 * when the cluster has that field at all (even empty), the seed's default ranges. Every
 * range is canonical; exact duplicates are dropped; nothing is widened or merged, so the
 * list admits exactly the union of its inputs.
 */
final class SourceRangePolicy {
  private SourceRangePolicy() {}

  /**
   * The ranges as they are written into front-loadbalancer. Under the KKP profiles, as KKP
   * builds them ({@code FrontLoadBalancerServiceReconciler}): a set of the texts as written,
   * sorted as strings. Under least-privilege: canonical, in address order. Both admit exactly
   * the addresses of {@link #sourceRanges}, which {@code sourceRanges} holds for the same cluster and seed.
   */
  static List<Cidr> written(Cluster cluster, Seed seed, boolean kkpForm, List<Cidr> sourceRanges) {
    if (!kkpForm) {
      return sourceRanges.stream().map(Cidr::canonical).toList();
    }
    TreeMap<String, Cidr> byText = new TreeMap<>();
    for (Cidr c : inputs(cluster, seed)) {
      byText.putIfAbsent(c.asWritten(), c);
    }
    return List.copyOf(byText.values());
  }

  /**
   * KKP's union, in the order its inputs are read: the seed's nodeport-proxy source ranges, then
   * the cluster's own and the seed's defaults, the last two only when the cluster has the field
   * (KKP's surprising rule: the seed defaults apply only to clusters that have it, even empty).
   */
  private static List<Cidr> inputs(Cluster cluster, Seed seed) {
    List<Cidr> all = new ArrayList<>(seed.nodeportProxySourceRanges());
    cluster.spec().apiServerAllowedIPRanges().ifPresent(own -> {
      all.addAll(own);
      all.addAll(seed.defaultAPIServerAllowedIPRanges());
    });
    return all;
  }

  /** The sorted, de-duplicated source ranges; empty means unrestricted. */
  static List<Cidr> sourceRanges(Cluster cluster, Seed seed) {
    return List.copyOf(new TreeSet<>(inputs(cluster, seed)));
  }
}
