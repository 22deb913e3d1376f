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
    Pod apiserver = Pod.of(ns, "apiserver", Map.of("app", "apiserver", "cluster", manifests.cluster()));
    List<AccessExplanation.Destination> egress = new ArrayList<>();
    for (Probe probe : probes(policies, cilium, ns, reach)) {
      egress.add(new AccessExplanation.Destination(probe.target(), allowed(reach, apiserver, probe),
          allowedBy(reach, apiserver, probe, ns)));
    }
    if (policies.isEmpty() && cilium.isEmpty()) {
      egress = List.of(new AccessExplanation.Destination("anything", ConnectionSet.all(), List.of()));
    }
    List<String> notes = new ArrayList<>();
    if (policies.isEmpty()) {
      notes.add("no NetworkPolicy is rendered: the apiserverNetworkPolicy gate is not on, so egress is unrestricted");
    }
    return new AccessExplanation(manifests.cluster(), manifests.seed(), ns, profile,
        inputs.effectiveExposeStrategy().kkpName(), egress, clients(inputs, manifests, notes), notes);
  }

  /** A probe for each peer the policies name, then any other pod and any other address. */
  private static java.util.Collection<Probe> probes(List<NetworkPolicy> policies, List<CiliumNetworkPolicy> cilium,
      String ns, Reachability reach) {
    Map<String, Probe> probes = new LinkedHashMap<>();
    for (NetworkPolicy p : policies) {
      for (NetworkPolicyRule rule : p.egress()) {
        for (NetworkPolicyPeer peer : rule.peers()) {
          Probe probe = probe(peer, ns);
          probes.putIfAbsent(probe.target(), probe);
        }
      }
    }
    for (CiliumNetworkPolicy p : cilium) {
      p.egress().forEach(rule -> ciliumProbes(rule, ns).forEach(probe -> probes.putIfAbsent(probe.target(), probe)));
    }
    probes.put("any other pod", new Probe("any other pod", Optional.of(Pod.of(OTHER_NAMESPACE, "other",
        Map.of("app", "something-else"))), Optional.empty()));
    otherAddress(reach).ifPresent(a -> probes.put("any other address", new Probe("any other address",
        Optional.empty(), Optional.of(a))));
    return probes.values();
  }

  /** The Cilium flavour's destinations: pods by labels, names (toFQDNs) and entities (toEntities). */
  private static List<Probe> ciliumProbes(CiliumEgressRule rule, String ns) {
    List<Probe> probes = new ArrayList<>();
    for (Map<String, String> labels : rule.toEndpoints()) {
      Map<String, String> podLabels = new TreeMap<>(labels);
      String namespace = podLabels.containsKey(Reachability.CILIUM_NAMESPACE_LABEL)
          ? podLabels.remove(Reachability.CILIUM_NAMESPACE_LABEL) : ns;
      String target = "pods " + String.join(",", podLabels.entrySet().stream().map(e -> e.getKey() + "="
          + e.getValue()).toList()) + (namespace.equals(ns) ? "" : " in namespace " + namespace);
      probes.add(new Probe(target, Optional.of(Pod.of(namespace, "probe", podLabels)), Optional.empty()));
    }
    for (String name : rule.toFqdnNames()) {
      probes.add(Probe.named(name, Optional.of(name), Optional.empty()));
    }
    for (String pattern : rule.toFqdnPatterns()) {
      probes.add(Probe.named(pattern, Optional.of(pattern.replace("*", "any")), Optional.empty()));
    }
    for (String entity : rule.toEntities()) {
      probes.add(Probe.named("entity " + entity, Optional.empty(), Optional.of(entity)));
    }
    return probes;
  }

  private static ConnectionSet allowed(Reachability reach, Pod apiserver, Probe probe) {
    return probe.name().isPresent() ? reach.toName(apiserver, probe.name().get())
        : probe.entity().isPresent() ? reach.toEntity(apiserver, probe.entity().get())
        : probe.pod().isPresent() ? reach.between(apiserver, probe.pod().get())
        : reach.toAddress(apiserver, probe.address().get());
  }

  /** The policies with a rule that reaches the probe, each once, NetworkPolicies first. */
  private static List<String> allowedBy(Reachability reach, Pod apiserver, Probe probe, String ns) {
    List<String> by = new ArrayList<>();
    boolean named = probe.name().isPresent() || probe.entity().isPresent();
    for (NetworkPolicy p : reach.selecting(apiserver, PolicyType.EGRESS)) {
      for (NetworkPolicyRule rule : p.egress()) {
        boolean matches = named ? rule.peers().isEmpty()
            : reach.peersMatch(rule.peers(), p.metadata().namespace(), probe.pod(), probe.address());
        if (matches && !by.contains(p.metadata().name())) {
          by.add(p.metadata().name());
        }
      }
    }
    for (CiliumNetworkPolicy p : reach.selectingCilium(apiserver)) {
      for (CiliumEgressRule rule : p.egress()) {
        String how = probe.name().filter(n -> Reachability.namesMatch(rule, n)).map(n -> " (Cilium FQDN)")
            .or(() -> probe.entity().filter(rule.toEntities()::contains).map(e -> " (Cilium entity)"))
            .or(() -> probe.pod().filter(pod -> Reachability.endpointsMatch(rule, ns, pod)).map(pod -> " (Cilium)"))
            .orElse("");
        if (!how.isEmpty() && !by.contains(p.metadata().name() + how)) {
          by.add(p.metadata().name() + how);
        }
      }
    }
    return by;
  }

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

  /** A place the apiserver might connect to: a pod, an address, a DNS name or a Cilium entity. */
  private record Probe(String target, Optional<Pod> pod, Optional<Cidr> address, Optional<String> name,
      Optional<String> entity) {
    Probe(String target, Optional<Pod> pod, Optional<Cidr> address) {
      this(target, pod, address, Optional.empty(), Optional.empty());
    }

    static Probe named(String target, Optional<String> name, Optional<String> entity) {
      return new Probe(target, Optional.empty(), Optional.empty(), name, entity);
    }
  }

  private static Probe probe(NetworkPolicyPeer peer, String policyNamespace) {
    if (peer.ipBlock().isPresent()) {
      Cidr cidr = peer.ipBlock().get().cidr();
      String text = cidr + (peer.ipBlock().get().except().isEmpty() ? ""
          : " except " + peer.ipBlock().get().except().stream().map(Cidr::toString).collect(Collectors.joining(", ")));
      return new Probe(text, Optional.empty(), Optional.of(Cidr.of(cidr.family(), cidr.firstAddress(),
          cidr.family().bits())));
    }
    Map<String, String> podLabels = peer.podSelector().map(AccessExplainer::labelsFor).orElse(Map.of());
    String namespace = policyNamespace;
    String where = "";
    if (peer.namespaceSelector().isPresent()) {
      Map<String, String> nsLabels = labelsFor(peer.namespaceSelector().get());
      namespace = nsLabels.getOrDefault(Namespace.NAME_LABEL, "namespace-" + describe(peer.namespaceSelector().get()));
      where = nsLabels.containsKey(Namespace.NAME_LABEL) ? " in namespace " + namespace
          : " in namespaces " + describe(peer.namespaceSelector().get());
    }
    String what = peer.podSelector().isPresent() && !peer.podSelector().get().isEmpty()
        ? "pods " + describe(peer.podSelector().get()) : "all pods";
    return new Probe(what + where, Optional.of(Pod.of(namespace, "probe", podLabels)), Optional.empty());
  }

  /** Labels that satisfy the selector (for In the first value, for Exists any value). */
  private static Map<String, String> labelsFor(LabelSelector s) {
    Map<String, String> labels = new TreeMap<>(s.matchLabels());
    for (LabelSelectorRequirement r : s.matchExpressions()) {
      switch (r.operator()) {
        case IN -> labels.put(r.key(), r.values().get(0));
        case EXISTS -> labels.put(r.key(), "any");
        default -> { }
      }
    }
    return labels;
  }

  private static String describe(LabelSelector s) {
    List<String> parts = new ArrayList<>();
    s.matchLabels().forEach((k, v) -> parts.add(k + "=" + v));
    for (LabelSelectorRequirement r : s.matchExpressions()) {
      parts.add(r.key() + " " + r.operator().kubernetesName() + (r.values().isEmpty() ? "" : " " + r.values()));
    }
    return parts.isEmpty() ? "(all)" : String.join(",", parts);
  }
}
