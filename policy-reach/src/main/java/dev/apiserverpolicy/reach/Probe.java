package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.LabelSelector;
import dev.apiserverpolicy.model.LabelSelectorRequirement;
import dev.apiserverpolicy.model.NetworkPolicyPeer;
import dev.apiserverpolicy.model.manifest.CiliumEgressRule;
import dev.apiserverpolicy.model.manifest.CiliumNetworkPolicy;
import dev.apiserverpolicy.model.manifest.NetworkPolicy;
import dev.apiserverpolicy.model.manifest.NetworkPolicyRule;
import dev.apiserverpolicy.model.manifest.PolicyType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A place the apiserver pods might connect to, standing for every place a policy treats alike:
 * a pod with the labels a peer selects, an address, a DNS name (Cilium toFQDNs) or a Cilium
 * entity. {@code explain} and {@code diff} ask the evaluator about the same probes.
 */
record Probe(String target, Optional<Pod> pod, Optional<Cidr> address, Optional<String> name,
    Optional<String> entity) {
  static Probe ofPod(String target, Pod pod) {
    return new Probe(target, Optional.of(pod), Optional.empty(), Optional.empty(), Optional.empty());
  }

  static Probe ofAddress(String target, Cidr address) {
    return new Probe(target, Optional.empty(), Optional.of(address), Optional.empty(), Optional.empty());
  }

  static Probe named(String target, Optional<String> name, Optional<String> entity) {
    return new Probe(target, Optional.empty(), Optional.empty(), name, entity);
  }

  /** A probe for each peer the policies name, by target, in the order of the policies' peers. */
  static Map<String, Probe> ofPeers(List<NetworkPolicy> policies, List<CiliumNetworkPolicy> cilium, String ns) {
    Map<String, Probe> probes = new LinkedHashMap<>();
    for (NetworkPolicy p : policies) {
      for (NetworkPolicyRule rule : p.egress()) {
        for (NetworkPolicyPeer peer : rule.peers()) {
          Probe probe = ofPeer(peer, ns);
          probes.putIfAbsent(probe.target(), probe);
        }
      }
    }
    for (CiliumNetworkPolicy p : cilium) {
      p.egress().forEach(rule -> ofCiliumRule(rule, ns).forEach(probe -> probes.putIfAbsent(probe.target(), probe)));
    }
    return probes;
  }

  /** What the evaluator allows from {@code apiserver} to this probe. */
  ConnectionSet allowedIn(Reachability reach, Pod apiserver) {
    return name.isPresent() ? reach.toName(apiserver, name.get())
        : entity.isPresent() ? reach.toEntity(apiserver, entity.get())
        : pod.isPresent() ? reach.between(apiserver, pod.get())
        : reach.toAddress(apiserver, address.get());
  }

  /** The policies with a rule that reaches the probe, each once, NetworkPolicies first. */
  List<String> allowedBy(Reachability reach, Pod apiserver, String ns) {
    return allowedBy(reach, apiserver, ns, ConnectionSet.all());
  }

  /** Those of {@link #allowedBy(Reachability, Pod, String)} whose rule allows some of {@code wanted}. */
  List<String> allowedBy(Reachability reach, Pod apiserver, String ns, ConnectionSet wanted) {
    List<String> by = new ArrayList<>();
    boolean named = name.isPresent() || entity.isPresent();
    for (NetworkPolicy p : reach.selecting(apiserver, PolicyType.EGRESS)) {
      for (NetworkPolicyRule rule : p.egress()) {
        boolean matches = named ? rule.peers().isEmpty()
            : reach.peersMatch(rule.peers(), p.metadata().namespace(), pod, address);
        if (matches && allows(Reachability.ports(rule.ports(), pod), wanted) && !by.contains(p.metadata().name())) {
          by.add(p.metadata().name());
        }
      }
    }
    for (CiliumNetworkPolicy p : reach.selectingCilium(apiserver)) {
      for (CiliumEgressRule rule : p.egress()) {
        String how = name.filter(n -> Reachability.namesMatch(rule, n)).map(n -> " (Cilium FQDN)")
            .or(() -> entity.filter(rule.toEntities()::contains).map(e -> " (Cilium entity)"))
            .or(() -> pod.filter(pod -> Reachability.endpointsMatch(rule, ns, pod)).map(pod -> " (Cilium)"))
            .orElse("");
        if (!how.isEmpty() && allows(Reachability.ports(rule.ports(), Optional.empty()), wanted)
            && !by.contains(p.metadata().name() + how)) {
          by.add(p.metadata().name() + how);
        }
      }
    }
    return by;
  }

  private static boolean allows(ConnectionSet rulePorts, ConnectionSet wanted) {
    return !rulePorts.intersect(wanted).isEmpty();
  }

  /** The Cilium flavour's destinations: pods by labels, names (toFQDNs) and entities (toEntities). */
  private static List<Probe> ofCiliumRule(CiliumEgressRule rule, String ns) {
    List<Probe> probes = new ArrayList<>();
    for (Map<String, String> labels : rule.toEndpoints()) {
      Map<String, String> podLabels = new TreeMap<>(labels);
      String namespace = podLabels.containsKey(Reachability.CILIUM_NAMESPACE_LABEL)
          ? podLabels.remove(Reachability.CILIUM_NAMESPACE_LABEL) : ns;
      String target = "pods " + String.join(",", podLabels.entrySet().stream().map(e -> e.getKey() + "="
          + e.getValue()).toList()) + " in namespace " + namespace;
      probes.add(ofPod(target, Pod.of(namespace, "probe", podLabels)));
    }
    for (String fqdn : rule.toFqdnNames()) {
      probes.add(named(fqdn, Optional.of(fqdn), Optional.empty()));
    }
    for (String pattern : rule.toFqdnPatterns()) {
      probes.add(named(pattern, Optional.of(pattern.replace("*", "any")), Optional.empty()));
    }
    for (String e : rule.toEntities()) {
      probes.add(named("entity " + e, Optional.empty(), Optional.of(e)));
    }
    return probes;
  }

  private static Probe ofPeer(NetworkPolicyPeer peer, String policyNamespace) {
    if (peer.ipBlock().isPresent()) {
      Cidr cidr = peer.ipBlock().get().cidr();
      String text = cidr + (peer.ipBlock().get().except().isEmpty() ? ""
          : " except " + peer.ipBlock().get().except().stream().map(Cidr::toString).collect(Collectors.joining(", ")));
      return ofAddress(text, Cidr.of(cidr.family(), cidr.firstAddress(), cidr.family().bits()));
    }
    Map<String, String> podLabels = peer.podSelector().map(Probe::labelsFor).orElse(Map.of());
    // Every pod peer names its namespace: the cluster's own is a namespace like any other to a reader.
    String namespace = policyNamespace;
    String where = " in namespace " + policyNamespace;
    if (peer.namespaceSelector().isPresent()) {
      Map<String, String> nsLabels = labelsFor(peer.namespaceSelector().get());
      namespace = nsLabels.getOrDefault(Namespace.NAME_LABEL, "namespace-" + describe(peer.namespaceSelector().get()));
      where = nsLabels.containsKey(Namespace.NAME_LABEL) ? " in namespace " + namespace
          : " in namespaces " + describe(peer.namespaceSelector().get());
    }
    String what = peer.podSelector().isPresent() && !peer.podSelector().get().isEmpty()
        ? "pods " + describe(peer.podSelector().get()) : "all pods";
    return ofPod(what + where, Pod.of(namespace, "probe", podLabels));
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
