package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.model.LabelSelector;
import dev.apiserverpolicy.model.LabelSelectorRequirement;
import dev.apiserverpolicy.model.NetworkPolicyPeer;
import dev.apiserverpolicy.model.manifest.CiliumEgressRule;
import dev.apiserverpolicy.model.manifest.CiliumNetworkPolicy;
import dev.apiserverpolicy.model.manifest.NetworkPolicy;
import dev.apiserverpolicy.model.manifest.NetworkPolicyRule;
import dev.apiserverpolicy.model.manifest.PolicyType;
import dev.apiserverpolicy.model.manifest.Service;
import dev.apiserverpolicy.model.manifest.ServiceType;
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.ClusterManifests;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Explains rendered manifests by running them through the evaluator: each peer the
 * policies name becomes a probe (a pod with the selected labels, or the first address of an
 * ipBlock), plus "any other pod" and "any other address"; the Services say who may connect.
 *
 * @since 0.1.0
 */
public final class AccessExplainer {
  private static final String OTHER_NAMESPACE = "any-other-namespace";

  private AccessExplainer() {}

  /**
   * The explanation of one rendered cluster, from its objects, the inputs and the profile it was rendered with.
   *
   * @throws IllegalArgumentException if {@code manifests} has no inputs (a cluster that could not be bound)
   */
  public static AccessExplanation explain(ClusterManifests manifests) {
    ClusterInputs inputs = manifests.inputs().orElseThrow(() -> new IllegalArgumentException("cluster "
        + manifests.cluster() + " was not bound to a seed; there is nothing to explain"));
    String profile = manifests.profile().orElseThrow().id();
    List<NetworkPolicy> policies = manifests.objects().stream().filter(NetworkPolicy.class::isInstance)
        .map(NetworkPolicy.class::cast).toList();
    List<CiliumNetworkPolicy> cilium = manifests.objects().stream().filter(CiliumNetworkPolicy.class::isInstance)
        .map(CiliumNetworkPolicy.class::cast).toList();
    Reachability reach = new Reachability(List.of(), policies, cilium);
    String ns = manifests.namespace();
    Pod apiserver = apiserverPod(manifests);
    List<AccessExplanation.Destination> egress = new ArrayList<>();
    for (Probe probe : probes(policies, cilium, ns, reach)) {
      egress.add(new AccessExplanation.Destination(probe.target(), probe.allowedIn(reach, apiserver),
          probe.allowedBy(reach, apiserver, ns)));
    }
    if (policies.isEmpty() && cilium.isEmpty()) {
      egress = List.of(new AccessExplanation.Destination("anything", ConnectionSet.all(), List.of()));
    }
    List<String> notes = new ArrayList<>();
    if (policies.isEmpty()) {
      notes.add("no NetworkPolicy is rendered: the apiserverNetworkPolicy gate is not on, so egress is unrestricted");
    }
    return new AccessExplanation(manifests.cluster(), manifests.seed(), ns, profile,
        inputs.effectiveExposeStrategy().kkpName(), egress, clients(inputs, manifests, notes), notes,
        ingress(ClientPaths.of(manifests)));
  }

  /** The paths of {@link ClientPaths}, and the NodePort bypass as a path of its own when there is one. */
  private static List<AccessExplanation.Ingress> ingress(ClientPaths paths) {
    List<AccessExplanation.Ingress> ingress = new ArrayList<>();
    new TreeMap<>(paths.paths()).forEach((path, ranges) ->
        ingress.add(new AccessExplanation.Ingress(path, ClientPaths.text(ranges), false)));
    if (paths.bypass()) {
      ingress.add(new AccessExplanation.Ingress(ClientPaths.NODEPORT_BYPASS, "anyone who reaches a seed node", true));
    }
    return ingress;
  }

  /** A kube-apiserver pod of the cluster, as KKP labels it. */
  static Pod apiserverPod(ClusterManifests manifests) {
    return Pod.of(manifests.namespace(), "apiserver", Map.of("app", "apiserver", "cluster", manifests.cluster()));
  }

  /** A probe for each peer the policies name, then any other pod and any other address. */
  private static java.util.Collection<Probe> probes(List<NetworkPolicy> policies, List<CiliumNetworkPolicy> cilium,
      String ns, Reachability reach) {
    Map<String, Probe> probes = Probe.ofPeers(policies, cilium, ns);
    probes.put(ANY_OTHER_POD.target(), ANY_OTHER_POD);
    otherAddress(reach).ifPresent(a -> probes.put("any other address", Probe.ofAddress("any other address", a)));
    return probes.values();
  }

  /** A pod no policy of this tool selects: in a namespace of its own, with a label nothing names. */
  static final Probe ANY_OTHER_POD = Probe.ofPod("any other pod", Pod.of(OTHER_NAMESPACE, "other",
      Map.of("app", "something-else")));

  private static List<String> clients(ClusterInputs inputs, ClusterManifests manifests, List<String> notes) {
    List<String> viaStrategy = clientsViaStrategy(inputs, manifests, notes);
    boolean ownLoadBalancer = manifests.objects().stream().filter(Service.class::isInstance).map(Service.class::cast)
        .anyMatch(s -> s.metadata().name().equals("apiserver-external") && s.type() == ServiceType.LOAD_BALANCER);
    if (!ownLoadBalancer) {
      return viaStrategy;
    }
    // The datacenter's apiServerServiceType makes apiserver-external a load balancer of its own, with no ranges.
    List<String> all = new ArrayList<>();
    all.add("anyone who reaches apiserver-external's own load balancer (the datacenter's apiServerServiceType: "
        + "LoadBalancer, with no source ranges)");
    all.addAll(viaStrategy);
    return all;
  }

  private static List<String> clientsViaStrategy(ClusterInputs inputs, ClusterManifests manifests,
      List<String> notes) {
    ExposeStrategy strategy = inputs.effectiveExposeStrategy();
    List<Cidr> seedProxy = inputs.seed().nodeportProxySourceRanges();
    if (strategy == ExposeStrategy.LOAD_BALANCER) {
      Optional<Service> lb = manifests.objects().stream().filter(Service.class::isInstance).map(Service.class::cast)
          .filter(s -> s.metadata().name().equals("front-loadbalancer")).findFirst();
      List<Cidr> ranges = lb.map(Service::loadBalancerSourceRanges).orElse(List.of());
      notes.add("apiserver-external is also a NodePort on every seed node; its allow-list does not cover that path");
      if (!ranges.isEmpty()) {
        return ranges.stream().map(Cidr::canonical).distinct().sorted().map(Cidr::toString).toList();
      }
      return List.of(inputs.cluster().spec().apiServerAllowedIPRanges().isEmpty()
          ? "anyone: the cluster has no apiServerAllowedIPRanges (and the seed's default ranges apply only when it has)"
          : "anyone: the allowed ranges are empty and the seed adds none");
    }
    String via = strategy == ExposeStrategy.TUNNELING ? "SNI through" : "a NodePort behind";
    if (!seedProxy.isEmpty()) {
      return List.of(seedProxy.stream().map(Cidr::toString).collect(Collectors.joining(", "))
          + " (the seed nodeport-proxy's source ranges; " + strategy.kkpName() + " reaches the API server via " + via
          + " it)");
    }
    return List.of("anyone who can reach the seed's nodeport-proxy: " + strategy.kkpName()
        + " has no per-cluster source ranges");
  }

  /** An address no ipBlock of the policies covers, if any. */
  private static Optional<Cidr> otherAddress(Reachability reach) {
    for (Cidr.Family family : Cidr.Family.values()) {
      for (AddressRange cell : reach.addressCells(family, PolicyType.EGRESS)) {
        Cidr candidate = cell.representative();
        boolean covered = reach.coveredByIpBlock(candidate);
        if (!covered) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
