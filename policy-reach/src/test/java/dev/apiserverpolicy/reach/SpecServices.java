package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.render.ClusterInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** docs/spec.md section 5: the Services a cluster gets, and the source ranges of each. */
final class SpecServices {
  private SpecServices() {}

  /** Service name to its source ranges (empty: anyone may connect). */
  static SortedMap<String, List<Cidr>> of(ClusterInputs in) {
    SortedMap<String, List<Cidr>> services = new TreeMap<>();
    services.put("apiserver-external", List.of());
    if (in.cluster().spec().clusterNetwork().konnectivityEnabled().orElse(false)) {
      services.put("konnectivity-server", List.of());
    }
    ExposeStrategy strategy = in.cluster().spec().exposeStrategy().or(() -> in.seed().exposeStrategy())
        .or(() -> in.kubermaticConfiguration().flatMap(k -> k.exposeStrategy())).orElse(ExposeStrategy.NODE_PORT);
    if (strategy == ExposeStrategy.LOAD_BALANCER) {
      services.put("front-loadbalancer", sourceRanges(in));
    }
    return services;
  }

  /**
   * 5.3: the seed's nodeport-proxy ranges, the cluster's ranges, and the seed's defaults only
   * when the cluster has the field at all.
   */
  private static List<Cidr> sourceRanges(ClusterInputs in) {
    List<Cidr> ranges = new ArrayList<>(in.seed().nodeportProxySourceRanges());
    Optional<List<Cidr>> cluster = in.cluster().spec().apiServerAllowedIPRanges();
    cluster.ifPresent(ranges::addAll);
    if (cluster.isPresent()) {
      ranges.addAll(in.seed().defaultAPIServerAllowedIPRanges());
    }
    return ranges;
  }
}
