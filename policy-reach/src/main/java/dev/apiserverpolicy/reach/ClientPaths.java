package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.model.manifest.NetworkPolicy;
import dev.apiserverpolicy.model.manifest.Service;
import dev.apiserverpolicy.model.manifest.ServiceType;
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.ClusterManifests;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ways to one cluster's API server and who each admits, from its rendered Services and its
 * seed, as {@code explain} describes them: the front load balancer admits its
 * loadBalancerSourceRanges (none: anyone); NodePort and Tunneling go through the seed's shared
 * nodeport-proxy, which admits the seed's ranges (none: anyone); a LoadBalancer apiserver-external
 * (the datacenter's apiServerServiceType) admits anyone.
 *
 * @param strategy the effective expose strategy
 * @param gate whether NetworkPolicies are rendered (the apiserverNetworkPolicy gate)
 * @param paths each path by name, with the ranges it admits, merged ({@link #ANYONE} for anyone)
 * @param serviceTypes each rendered Service's type, by name
 * @param bypass whether apiserver-external's NodePort goes around a front load balancer's allow-list
 */
record ClientPaths(ExposeStrategy strategy, boolean gate, Map<String, List<Cidr>> paths,
    Map<String, ServiceType> serviceTypes, boolean bypass) {
  /** Every address of both families. */
  static final List<Cidr> ANYONE = List.of(Cidr.parse("0.0.0.0/0"), Cidr.parse("::/0"));

  static final String FRONT_LOAD_BALANCER = "Service front-loadbalancer";
  static final String OWN_LOAD_BALANCER = "Service apiserver-external (its own load balancer)";
  static final String NODEPORT_PROXY = "the seed's nodeport-proxy";
  static final String NODEPORT_BYPASS = "Service apiserver-external's NodePort on every seed node (bypass)";

  static ClientPaths of(ClusterManifests manifests) {
    ClusterInputs inputs = manifests.inputs().orElseThrow();
    ExposeStrategy strategy = inputs.effectiveExposeStrategy();
    Map<String, ServiceType> types = new TreeMap<>();
    Map<String, List<Cidr>> paths = new TreeMap<>();
    boolean bypass = false;
    for (Service s : manifests.objects().stream().filter(Service.class::isInstance).map(Service.class::cast)
        .toList()) {
      types.put(s.metadata().name(), s.type());
      if (s.metadata().name().equals("apiserver-external") && s.type() == ServiceType.LOAD_BALANCER) {
        paths.put(OWN_LOAD_BALANCER, ANYONE);
      }
      if (s.metadata().name().equals("front-loadbalancer") && strategy == ExposeStrategy.LOAD_BALANCER) {
        List<Cidr> ranges = Cidr.merge(s.loadBalancerSourceRanges());
        paths.put(FRONT_LOAD_BALANCER, ranges.isEmpty() ? ANYONE : ranges);
        bypass = !ranges.isEmpty();
      }
    }
    if (strategy != ExposeStrategy.LOAD_BALANCER) {
      List<Cidr> seed = Cidr.merge(inputs.seed().nodeportProxySourceRanges());
      paths.put(NODEPORT_PROXY, seed.isEmpty() ? ANYONE : seed);
    }
    boolean gate = manifests.objects().stream().anyMatch(NetworkPolicy.class::isInstance);
    return new ClientPaths(strategy, gate, Map.copyOf(paths), Map.copyOf(types), bypass);
  }

  /** True if some path admits every address of a family. */
  boolean openToAnyone() {
    return paths.values().stream().anyMatch(ranges -> ranges.stream().anyMatch(c -> c.prefixLength() == 0));
  }

  /** The ranges as text, {@code anyone} for {@link #ANYONE}. */
  static String text(List<Cidr> ranges) {
    return ranges.equals(ANYONE) ? "anyone" : AddressText.line(ranges);
  }
}
