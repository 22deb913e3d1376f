package dev.apiserverpolicy.render;

import static dev.apiserverpolicy.model.Profile.KKP_V2_18;
import static dev.apiserverpolicy.model.Profile.KKP_V2_31;
import static dev.apiserverpolicy.model.Profile.LEAST_PRIVILEGE;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.ClusterDns;
import dev.apiserverpolicy.model.IpBlock;
import dev.apiserverpolicy.model.LabelSelector;
import dev.apiserverpolicy.model.LoadBalancerBackend;
import dev.apiserverpolicy.model.NetworkPolicyPeer;
import dev.apiserverpolicy.model.NetworkPolicyPort;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.Protocol;
import dev.apiserverpolicy.model.manifest.NetworkPolicyRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The egress targets of the kube-apiserver pods, as data (docs/spec.md section 4). Adding a
 * target is adding one entry to {@link #TARGETS}. Ports listed for a pod target are what
 * it listens on (docs/kkp.md, Ports of the peers); only the least-privilege profile restricts them,
 * except where KKP itself does (DNS, the authorization webhook).
 */
final class EgressCatalogue {
  private static final Set<Profile> ALL = EnumSet.allOf(Profile.class);
  private static final Set<Profile> SINCE_V2_31 = EnumSet.of(KKP_V2_31, LEAST_PRIVILEGE);
  private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  /** Ports by protocol name, then number (docs/spec.md section 9). */
  static final Comparator<NetworkPolicyPort> PORT_ORDER = Comparator
      .comparing((NetworkPolicyPort p) -> p.protocol().name())
      .thenComparing(p -> p.port().orElse(0))
      .thenComparing(p -> p.namedPort().orElse(""))
      .thenComparing(p -> p.endPort().orElse(0));

  static final List<EgressTarget> TARGETS = List.of(
      new EgressTarget("default-deny-all-egress", ALL, f -> true,
          f -> "Denies all egress from the kube-apiserver pods; the other policies in this namespace allow "
              + "only what the API server needs.",
          f -> List.of()),
      new EgressTarget("dns-allow", ALL, f -> true, EgressCatalogue::dnsDescription, EgressCatalogue::dnsRules),
      pods("etcd-allow", ALL, f -> true,
          "Allows the kube-apiserver pods to reach this cluster's etcd members, which store all cluster state.",
          f -> Map.of("app", "etcd", "cluster", f.name()), f -> tcp(2379)),
      pods("machine-controller-webhook-allow", ALL, f -> true,
          "Allows the kube-apiserver pods to call the machine-controller admission webhook.",
          f -> Map.of("app", "machine-controller-webhook"), f -> tcp(9876)),
      pods("openvpn-server-allow", ALL, f -> f.profile() == KKP_V2_18 || !f.konnectivity(),
          "Allows the kube-apiserver pods to reach this cluster's OpenVPN server, their tunnel to the nodes "
              + "when Konnectivity is off.",
          f -> Map.of("app", "openvpn-server", "cluster", f.name()), f -> tcp(1194)),
      pods("metrics-server-allow", ALL, f -> f.profile() == KKP_V2_18 || !f.konnectivity(),
          "Allows the kube-apiserver pods to reach the seed-side metrics-server that serves the cluster's "
              + "metrics API when Konnectivity is off.",
          f -> Map.of("app", "metrics-server"), f -> tcp(10250)),
      pods("apiserver-internal-allow", SINCE_V2_31, ClusterFacts::konnectivity,
          "Allows the kube-apiserver pods to reach each other, so the Konnectivity server can validate "
              + "agent tokens with a TokenReview.",
          f -> Map.of("app", "apiserver"), f -> tcp(f.apiserverPort())),
      pods("usercluster-webhook-allow", SINCE_V2_31, f -> true,
          "Allows the kube-apiserver pods to call the user-cluster admission webhook of KKP.",
          f -> Map.of("app", "usercluster-webhook"), f -> tcp(9443)),
      pods("operating-system-manager-webhook-allow", SINCE_V2_31, f -> true,
          "Allows the kube-apiserver pods to call the operating-system-manager admission webhook.",
          f -> Map.of("app", "operating-system-manager-webhook"), f -> tcp(9443)),
      // KKP v2.31 renders it whenever the gate is on; least-privilege only for clusters that enable Kyverno.
      pods("kyverno-webhook-allow", SINCE_V2_31, f -> f.profile() == KKP_V2_31 || f.kyverno(),
          "Allows the kube-apiserver pods to call the Kyverno admission controller.",
          f -> Map.of("app.kubernetes.io/component", "admission-controller"), f -> tcp(9443)),
      new EgressTarget("seed-apiserver-allow", SINCE_V2_31, f -> true,
          f -> "Allows the kube-apiserver pods to reach the seed's own API server, which the etcd-launcher "
              + "init container asks for the Cluster object.",
          f -> List.of(rule(ipBlocks(f, f.seedEndpoints()), leastPrivilege(f, tcp(f.seedAPIServerPort()))))),
      new EgressTarget("oidc-issuer-allow", SINCE_V2_31, ClusterFacts::oidcConfigured,
          EgressCatalogue::oidcDescription, EgressCatalogue::oidcRules),
      new EgressTarget("authorization-webhook-allow", SINCE_V2_31, ClusterFacts::webhookConfigured,
          f -> "Allows the kube-apiserver pods to call the cluster's authorization webhook "
              + f.webhook().orElseThrow().url() + ".",
          // KKP hard-codes 443 here; the URL's own port is what the webhook listens on.
          f -> List.of(rule(ipBlocks(f, f.webhook().orElseThrow().ips()),
              tcp(UrlPorts.port(f.webhook().orElseThrow().url()))))));

  private EgressCatalogue() {}

  /** A target made of pods in the cluster namespace, limited to its ports under least-privilege. */
  private static EgressTarget pods(String name, Set<Profile> profiles, Predicate<ClusterFacts> when,
      String description, Function<ClusterFacts, Map<String, String>> labels,
      Function<ClusterFacts, List<NetworkPolicyPort>> ports) {
    return new EgressTarget(name, profiles, when, f -> description,
        f -> List.of(rule(List.of(podPeer(labels.apply(f))), leastPrivilege(f, ports.apply(f)))));
  }

  private static String dnsDescription(ClusterFacts f) {
    return switch (f.profile()) {
      case KKP_V2_18 -> "Allows the kube-apiserver pods to resolve names at this cluster's dns-resolver "
          + "(port 53, UDP and TCP).";
      case KKP_V2_31 -> "Allows the kube-apiserver pods to resolve names over DNS (port 53, UDP and TCP) at any "
          + "address, as KKP does.";
      case LEAST_PRIVILEGE -> "Allows the kube-apiserver pods to resolve names at the seed's cluster DNS and "
          + "this cluster's dns-resolver (port 53, UDP and TCP).";
    };
  }

  private static List<NetworkPolicyRule> dnsRules(ClusterFacts f) {
    List<NetworkPolicyPort> dns = List.of(port(Protocol.TCP, 53), port(Protocol.UDP, 53));
    NetworkPolicyPeer resolver = podPeer(Map.of("app", "dns-resolver", "cluster", f.name()));
    return switch (f.profile()) {
      // KKP v2.18 (PR #7396): the cluster's dns-resolver pods, every port.
      case KKP_V2_18 -> List.of(rule(List.of(resolver), List.of()));
      // The one rule without peers: KKP v2.31 allows port 53 to any address, UDP first, as it writes them.
      case KKP_V2_31 -> List.of(NetworkPolicyRule.builder()
          .addPorts(port(Protocol.UDP, 53), port(Protocol.TCP, 53)).build());
      case LEAST_PRIVILEGE -> {
        ClusterDns clusterDns = f.clusterDns().orElseThrow();
        NetworkPolicyPeer.Builder seedDns = NetworkPolicyPeer.builder()
            .namespaceSelector(selector(Map.of(NAMESPACE_NAME_LABEL, clusterDns.namespace())));
        if (!clusterDns.podLabels().isEmpty()) {
          seedDns.podSelector(selector(clusterDns.podLabels()));
        }
        yield List.of(rule(List.of(seedDns.build(), resolver), dns));
      }
    };
  }

  private static String oidcDescription(ClusterFacts f) {
    List<OidcIssuers.Issuer> issuers = f.oidcIssuers();
    boolean one = issuers.size() == 1;
    boolean backends = issuers.stream().anyMatch(i -> !i.backends().isEmpty());
    return "Allows the kube-apiserver pods to reach the OIDC issuer" + (one ? " " : "s ")
        + issuers.stream().map(OidcIssuers.Issuer::url).collect(Collectors.joining(", "))
        + " for " + (one ? "its" : "their") + " signing keys, directly"
        + (backends ? ", through the pods behind " + (one ? "its load balancer" : "their load balancers") + "," : "")
        + " or through the seed's ingress controllers.";
  }

  /**
   * KKP's four rules, in its order: the issuers' addresses; the pods behind the seed load
   * balancers that front them; the ingress controller's namespace; envoy-gateway's namespace.
   * Under least-privilege each is limited to the issuers' ports (one address rule per port).
   */
  private static List<NetworkPolicyRule> oidcRules(ClusterFacts f) {
    List<OidcIssuers.Issuer> issuers = f.oidcIssuers();
    List<NetworkPolicyPort> allPorts = leastPrivilege(f, issuers.stream().map(OidcIssuers.Issuer::port).distinct()
        .sorted().map(p -> port(Protocol.TCP, p)).toList());
    List<NetworkPolicyRule> rules = new ArrayList<>();
    if (f.kkpForm()) {
      rules.add(rule(ipBlocks(f, issuers.stream().flatMap(i -> i.addresses().stream()).toList()), List.of()));
    } else {
      Map<Integer, List<Cidr>> byPort = new TreeMap<>();
      issuers.forEach(i -> byPort.computeIfAbsent(i.port(), p -> new ArrayList<>()).addAll(i.addresses()));
      byPort.forEach((p, addresses) -> rules.add(rule(ipBlocks(f, addresses), tcp(p))));
    }
    List<NetworkPolicyPeer> backends = new ArrayList<>();
    for (OidcIssuers.Issuer issuer : issuers) {
      for (LoadBalancerBackend backend : issuer.backends()) {
        NetworkPolicyPeer peer = NetworkPolicyPeer.builder()
            .namespaceSelector(selector(Map.of(NAMESPACE_NAME_LABEL, backend.namespace())))
            .podSelector(selector(backend.podLabels())).build();
        if (!backends.contains(peer)) {
          backends.add(peer);
        }
      }
    }
    if (!backends.isEmpty()) {
      rules.add(rule(backends, allPorts));
    }
    rules.add(rule(List.of(namespacePeer(f.ingressNamespace())), allPorts));
    rules.add(rule(List.of(namespacePeer(ClusterFacts.ENVOY_GATEWAY_NAMESPACE)), allPorts));
    return rules;
  }

  private static List<NetworkPolicyPort> leastPrivilege(ClusterFacts f, List<NetworkPolicyPort> ports) {
    return f.profile() == LEAST_PRIVILEGE ? ports : List.of();
  }

  static NetworkPolicyRule rule(List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports) {
    List<NetworkPolicyPort> sorted = new ArrayList<>(ports);
    sorted.sort(PORT_ORDER);
    return NetworkPolicyRule.builder().addAllPeers(peers).addAllPorts(sorted).build();
  }

  /**
   * One /32 or /128 peer per address: under the KKP profiles in the order given (as KKP takes
   * them from the EndpointSlice or its resolver), repeats dropped; under least-privilege sorted.
   */
  private static List<NetworkPolicyPeer> ipBlocks(ClusterFacts f, List<Cidr> addresses) {
    java.util.stream.Stream<Cidr> unique = addresses.stream().distinct();
    return (f.kkpForm() ? unique : unique.sorted())
        .map(c -> NetworkPolicyPeer.builder().ipBlock(IpBlock.builder().cidr(c).build()).build())
        .toList();
  }

  private static NetworkPolicyPeer podPeer(Map<String, String> labels) {
    return NetworkPolicyPeer.builder().podSelector(selector(labels)).build();
  }

  private static NetworkPolicyPeer namespacePeer(String namespace) {
    return NetworkPolicyPeer.builder().namespaceSelector(selector(Map.of(NAMESPACE_NAME_LABEL, namespace))).build();
  }

  private static LabelSelector selector(Map<String, String> labels) {
    return LabelSelector.builder().putAllMatchLabels(new TreeMap<>(labels)).build();
  }

  private static List<NetworkPolicyPort> tcp(int number) {
    return List.of(port(Protocol.TCP, number));
  }

  private static NetworkPolicyPort port(Protocol protocol, int number) {
    return NetworkPolicyPort.builder().protocol(protocol).port(number).build();
  }
}
