package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.IpBlock;
import dev.apiserverpolicy.model.NetworkPolicyPeer;
import dev.apiserverpolicy.model.NetworkPolicyPort;
import dev.apiserverpolicy.model.manifest.CiliumEgressRule;
import dev.apiserverpolicy.model.manifest.CiliumNetworkPolicy;
import dev.apiserverpolicy.model.manifest.NetworkPolicy;
import dev.apiserverpolicy.model.manifest.NetworkPolicyRule;
import dev.apiserverpolicy.model.manifest.PolicyType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which connections NetworkPolicies allow ({@code networking.k8s.io/v1} semantics). A pod
 * selected by no policy of a direction is open in that direction; otherwise it allows the
 * union of what the rules of the policies selecting it allow. A connection needs both the
 * source's egress and the destination's ingress. ipBlocks match addresses outside the pod
 * network only (as the independent analyzer this is checked against reads them); pods are
 * matched by selectors. Given CiliumNetworkPolicies too, it enforces their egress beside the
 * NetworkPolicies, as Cilium does, with names and entities as destinations of their own.
 * Immutable after construction and safe to share between threads.
 *
 * @since 0.1.0
 */
public final class Reachability {
  /** The label by which a CiliumNetworkPolicy's {@code toEndpoints} names a namespace. */
  public static final String CILIUM_NAMESPACE_LABEL = "k8s:io.kubernetes.pod.namespace";

  private final Map<String, Namespace> namespaces = new HashMap<>();
  private final List<NetworkPolicy> policies;
  private final List<CiliumNetworkPolicy> ciliumPolicies;

  /** An evaluator over these namespaces and policies; unknown namespaces get only their name label. */
  public Reachability(Collection<Namespace> namespaces, Collection<NetworkPolicy> policies) {
    this(namespaces, policies, List.of());
  }

  /**
   * An evaluator that also enforces CiliumNetworkPolicies (egress), as Cilium does beside
   * NetworkPolicies: a pod selected by a policy of either kind has its egress limited to what
   * any of them allows. Names ({@code toFQDNs}) and entities ({@code toEntities}) are
   * destinations of their own: {@link #toName} and {@link #toEntity}.
   */
  public Reachability(Collection<Namespace> namespaces, Collection<NetworkPolicy> policies,
      Collection<CiliumNetworkPolicy> ciliumPolicies) {
    for (Namespace n : namespaces) {
      this.namespaces.put(n.name(), n);
    }
    this.policies = List.copyOf(policies);
    this.ciliumPolicies = List.copyOf(ciliumPolicies);
  }

  /** Connections allowed from one pod to another. */
  public ConnectionSet between(Pod source, Pod destination) {
    ConnectionSet egress = egressRestricted(source)
        ? direction(source, PolicyType.EGRESS, Optional.of(destination), Optional.empty())
            .union(ciliumEgress(source, rule -> endpointsMatch(rule, source.namespace(), destination)))
        : ConnectionSet.all();
    return egress.intersect(direction(destination, PolicyType.INGRESS, Optional.of(source), Optional.empty()));
  }

  /** Connections allowed from a pod to an address outside the pod network. */
  public ConnectionSet toAddress(Pod source, Cidr address) {
    if (!egressRestricted(source)) {
      return ConnectionSet.all();
    }
    return direction(source, PolicyType.EGRESS, Optional.empty(), Optional.of(address));
  }

  /**
   * Connections allowed from a pod to a DNS name outside the cluster, at whatever addresses it
   * resolves to: the CiliumNetworkPolicy rules that name it ({@code toFQDNs}), and the rules of
   * either kind that allow every destination.
   */
  public ConnectionSet toName(Pod source, String name) {
    return toNamed(source, rule -> namesMatch(rule, name));
  }

  /** True if the rule's {@code toFQDNs} name {@code name} (literally, or by a wildcard pattern). */
  public static boolean namesMatch(CiliumEgressRule rule, String name) {
    String host = name.toLowerCase(java.util.Locale.ROOT);
    return rule.toFqdnNames().contains(host) || rule.toFqdnPatterns().stream().anyMatch(p -> wildcardMatches(p, host));
  }

  /** Connections allowed from a pod to a Cilium entity such as {@code kube-apiserver}. */
  public ConnectionSet toEntity(Pod source, String entity) {
    return toNamed(source, rule -> rule.toEntities().contains(entity) || rule.toEntities().contains("all"));
  }

  private ConnectionSet toNamed(Pod source, java.util.function.Predicate<CiliumEgressRule> names) {
    if (!egressRestricted(source)) {
      return ConnectionSet.all();
    }
    ConnectionSet allowed = ciliumEgress(source, names);
    for (NetworkPolicy p : selecting(source, PolicyType.EGRESS)) {
      for (NetworkPolicyRule rule : p.egress()) {
        if (rule.peers().isEmpty()) {
          allowed = allowed.union(ports(rule.ports(), Optional.empty()));
        }
      }
    }
    return allowed;
  }

  /** True if a policy of either kind limits the pod's egress. */
  public boolean egressRestricted(Pod pod) {
    return !selecting(pod, PolicyType.EGRESS).isEmpty() || !selectingCilium(pod).isEmpty();
  }

  /** The CiliumNetworkPolicies that select {@code pod} (egress), in the order given. */
  public List<CiliumNetworkPolicy> selectingCilium(Pod pod) {
    List<CiliumNetworkPolicy> out = new ArrayList<>();
    for (CiliumNetworkPolicy p : ciliumPolicies) {
      if (p.metadata().namespace().equals(pod.namespace()) && pod.labels().entrySet()
          .containsAll(p.endpointSelector().entrySet())) {
        out.add(p);
      }
    }
    return out;
  }

  /** What the CiliumNetworkPolicies selecting {@code pod} allow through the rules {@code matches} accepts. */
  private ConnectionSet ciliumEgress(Pod pod, java.util.function.Predicate<CiliumEgressRule> matches) {
    ConnectionSet allowed = ConnectionSet.none();
    for (CiliumNetworkPolicy p : selectingCilium(pod)) {
      for (CiliumEgressRule rule : p.egress()) {
        if (matches.test(rule)) {
          allowed = allowed.union(ports(rule.ports(), Optional.empty()));
        }
      }
    }
    return allowed;
  }

  /** A namespaced CiliumNetworkPolicy's endpoints are in its own namespace unless a selector names another. */
  public static boolean endpointsMatch(CiliumEgressRule rule, String policyNamespace, Pod destination) {
    for (Map<String, String> labels : rule.toEndpoints()) {
      boolean matches = true;
      for (Map.Entry<String, String> l : labels.entrySet()) {
        matches &= l.getKey().equals(CILIUM_NAMESPACE_LABEL) ? l.getValue().equals(destination.namespace())
            : l.getValue().equals(destination.labels().get(l.getKey()));
      }
      if (matches && (labels.containsKey(CILIUM_NAMESPACE_LABEL) || destination.namespace().equals(policyNamespace))) {
        return true;
      }
    }
    return false;
  }

  /** Cilium's matchPattern: {@code *} matches any run of characters within one label. */
  static boolean wildcardMatches(String pattern, String host) {
    String regex = java.util.regex.Pattern.quote(pattern.toLowerCase(java.util.Locale.ROOT))
        .replace("*", "\\E[-a-z0-9_]*\\Q");
    return host.matches(regex);
  }

  /** Connections allowed from an address outside the pod network to a pod. */
  public ConnectionSet fromAddress(Cidr address, Pod destination) {
    return direction(destination, PolicyType.INGRESS, Optional.empty(), Optional.of(address));
  }

  /**
   * The directions a policy affects. Absent (or empty) {@code policyTypes} default as
   * Kubernetes defaults them: every policy affects ingress, and those with egress rules
   * affect egress too.
   */
  public static List<PolicyType> effectiveTypes(NetworkPolicy policy) {
    if (!policy.policyTypes().isEmpty()) {
      return policy.policyTypes();
    }
    return policy.egress().isEmpty() ? List.of(PolicyType.INGRESS) : List.of(PolicyType.INGRESS, PolicyType.EGRESS);
  }

  /** The policies that select {@code pod} for {@code type}, in the order given. */
  public List<NetworkPolicy> selecting(Pod pod, PolicyType type) {
    List<NetworkPolicy> out = new ArrayList<>();
    for (NetworkPolicy p : policies) {
      if (p.metadata().namespace().equals(pod.namespace()) && effectiveTypes(p).contains(type)
          && LabelSelectors.matches(p.podSelector(), pod.labels())) {
        out.add(p);
      }
    }
    return out;
  }

  /** What the policies of {@code pod} allow in one direction towards the other end. */
  private ConnectionSet direction(Pod pod, PolicyType type, Optional<Pod> otherPod, Optional<Cidr> otherAddress) {
    List<NetworkPolicy> selecting = selecting(pod, type);
    // Egress limited by CiliumNetworkPolicies alone: the NetworkPolicies add nothing, but do not open it.
    if (selecting.isEmpty()) {
      return type == PolicyType.EGRESS && !selectingCilium(pod).isEmpty() ? ConnectionSet.none() : ConnectionSet.all();
    }
    // Named ports resolve on the destination: the other pod for egress, this pod for ingress.
    Optional<Pod> portsOf = type == PolicyType.EGRESS ? otherPod : Optional.of(pod);
    ConnectionSet allowed = ConnectionSet.none();
    for (NetworkPolicy p : selecting) {
      for (NetworkPolicyRule rule : type == PolicyType.EGRESS ? p.egress() : p.ingress()) {
        if (peersMatch(rule.peers(), p.metadata().namespace(), otherPod, otherAddress)) {
          allowed = allowed.union(ports(rule.ports(), portsOf));
        }
      }
    }
    return allowed;
  }

  /** The rule's peers match by rule: none given means everyone. */
  public boolean peersMatch(List<NetworkPolicyPeer> peers, String policyNamespace, Optional<Pod> pod,
      Optional<Cidr> address) {
    if (peers.isEmpty()) {
      return true;
    }
    for (NetworkPolicyPeer peer : peers) {
      if (peer.ipBlock().isPresent()) {
        if (address.isPresent() && inBlock(peer.ipBlock().get(), address.get())) {
          return true;
        }
        continue;
      }
      if (pod.isEmpty()) {
        continue;
      }
      Pod p = pod.get();
      boolean namespaceOk = peer.namespaceSelector()
          .map(s -> LabelSelectors.matches(s, namespace(p.namespace()).labels()))
          .orElse(p.namespace().equals(policyNamespace));
      boolean podOk = peer.podSelector().map(s -> LabelSelectors.matches(s, p.labels())).orElse(true);
      if (namespaceOk && podOk) {
        return true;
      }
    }
    return false;
  }

  // Read-only after construction, so one evaluator may serve several threads.
  private Namespace namespace(String name) {
    Namespace known = namespaces.get(name);
    return known != null ? known : Namespace.of(name, Map.of());
  }

  /** True if some ipBlock of some policy (either direction) contains {@code address}. */
  public boolean coveredByIpBlock(Cidr address) {
    for (NetworkPolicy p : policies) {
      List<NetworkPolicyRule> rules = new ArrayList<>(p.ingress());
      rules.addAll(p.egress());
      for (NetworkPolicyRule r : rules) {
        for (NetworkPolicyPeer peer : r.peers()) {
          if (peer.ipBlock().filter(b -> inBlock(b, address)).isPresent()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean inBlock(IpBlock block, Cidr address) {
    return block.cidr().contains(address) && block.except().stream().noneMatch(e -> e.contains(address));
  }

  /** The ports of a rule: none given means every port; a named port resolves on {@code target}. */
  static ConnectionSet ports(List<NetworkPolicyPort> ports, Optional<Pod> target) {
    if (ports.isEmpty()) {
      return ConnectionSet.all();
    }
    ConnectionSet out = ConnectionSet.none();
    for (NetworkPolicyPort port : ports) {
      if (port.namedPort().isPresent()) {
        String name = port.namedPort().get();
        for (Pod.ContainerPort cp : target.map(Pod::ports).orElse(List.of())) {
          if (name.equals(cp.name()) && cp.protocol() == port.protocol()) {
            out = out.union(ConnectionSet.of(port.protocol(), cp.port(), cp.port()));
          }
        }
      } else if (port.port().isPresent()) {
        out = out.union(ConnectionSet.of(port.protocol(), port.port().get(), port.endPort().orElse(port.port().get())));
      } else {
        out = out.union(ConnectionSet.allPorts(port.protocol()));
      }
    }
    return out;
  }

  /**
   * The cells into which the ipBlocks (CIDRs and exceptions) of the policies' rules of one
   * direction cut the family's address space: within a cell, every such ipBlock treats
   * every address alike, so one address stands for the cell.
   */
  public List<AddressRange> addressCells(Cidr.Family family, PolicyType direction) {
    TreeSet<BigInteger> starts = new TreeSet<>();
    starts.add(BigInteger.ZERO);
    BigInteger end = BigInteger.ONE.shiftLeft(family.bits());
    for (NetworkPolicy p : policies) {
      for (NetworkPolicyRule r : direction == PolicyType.INGRESS ? p.ingress() : p.egress()) {
        for (NetworkPolicyPeer peer : r.peers()) {
          // An ipBlock is a set of addresses (its CIDR minus its exceptions); only the edges of
          // that set cut the space, so adjacent exceptions make one hole, not two.
          peer.ipBlock().filter(b -> b.cidr().family() == family).ifPresent(b -> {
            BigInteger runEnd = null;
            for (Cidr c : Cidr.subtract(List.of(b.cidr()), b.except())) {
              if (runEnd == null || !c.firstAddress().equals(runEnd)) {
                if (runEnd != null) {
                  starts.add(runEnd);
                }
                starts.add(c.firstAddress());
              }
              runEnd = c.lastAddress().add(BigInteger.ONE);
            }
            if (runEnd != null) {
              starts.add(runEnd);
            }
          });
        }
      }
    }
    starts.remove(end);
    List<BigInteger> sorted = new ArrayList<>(starts);
    List<AddressRange> cells = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      BigInteger last = (i + 1 < sorted.size() ? sorted.get(i + 1) : end).subtract(BigInteger.ONE);
      cells.add(new AddressRange(family, sorted.get(i), last));
    }
    return cells;
  }
}
