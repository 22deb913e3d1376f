package dev.apiserverpolicy.render.catalogue;

import static dev.apiserverpolicy.model.Profile.KKP_V2_18;
import static dev.apiserverpolicy.model.Profile.KKP_V2_31;
import static dev.apiserverpolicy.model.Profile.LEAST_PRIVILEGE;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.ClusterDns;
import dev.apiserverpolicy.model.ExtraEgressRule;
import dev.apiserverpolicy.model.IpBlock;
import dev.apiserverpolicy.model.LabelSelector;
import dev.apiserverpolicy.model.LoadBalancerBackend;
import dev.apiserverpolicy.model.NetworkPolicyPeer;
import dev.apiserverpolicy.model.NetworkPolicyPort;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.Protocol;
import dev.apiserverpolicy.model.manifest.NetworkPolicyRule;
import dev.apiserverpolicy.render.facts.ClusterFacts;
import dev.apiserverpolicy.render.facts.HttpUrls;
import dev.apiserverpolicy.render.facts.KkpOrder;
import dev.apiserverpolicy.render.facts.OidcIssuers;
import dev.apiserverpolicy.render.facts.ProfileTraits;
import dev.apiserverpolicy.render.facts.ProfileTraits.Trait;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What this tool knows about policies, as data (docs/spec.md section 4): the egress targets of
 * the kube-apiserver pods (each profile's traits are {@link ProfileTraits}'s). Everything else
 * asks here: the renderer
 * walks {@link #TARGETS}; the validator asks what a profile's targets need from the
 * RenderContext; the lints ask whether a profile has a target or a trait; the reserved policy
 * names are the targets' names. Adding a target is one entry in {@link #TARGETS}; adding a
 * profile is its {@link Profile} constant, a line in {@link ProfileTraits#PROFILES} and its
 * place in the targets' profile sets (docs/architecture.md has both recipes).
 *
 * <p>Ports listed for a pod target are what it listens on (docs/kkp.md, Ports of the peers);
 * only a profile with {@link Trait#EXPLICIT_PORTS} restricts them, except where KKP itself
 * does (DNS, the authorization webhook).
 *
 * @since 0.1.0
 */
public final class EgressCatalogue {
  private static final Set<Profile> ALL = EnumSet.allOf(Profile.class);
  private static final Set<Profile> KKP_V2_18_ONLY = EnumSet.of(KKP_V2_18);
  private static final Set<Profile> KKP_V2_31_ONLY = EnumSet.of(KKP_V2_31);
  private static final Set<Profile> SINCE_V2_31 = EnumSet.of(KKP_V2_31, LEAST_PRIVILEGE);
  private static final Set<Profile> LEAST_PRIVILEGE_ONLY = EnumSet.of(LEAST_PRIVILEGE);
  private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  /** Names other code asks about, and the CiliumCatalogue's policies that stand in for these. */
  public static final String KYVERNO_WEBHOOK = "kyverno-webhook-allow";
  public static final String AUTHORIZATION_WEBHOOK = "authorization-webhook-allow";
  static final String DNS_POLICY = "dns-allow";
  static final String OIDC_ISSUER = "oidc-issuer-allow";
  static final String SEED_APISERVER = "seed-apiserver-allow";
  /**
   * A policy KKP once managed and still deletes on every reconcile: reserved, though no
   * profile renders it.
   */
  private static final String LEGACY_POLICY = "cluster-external-addr-allow";

  /** Ports by protocol name, then number (docs/spec.md section 9). */
  public static final Comparator<NetworkPolicyPort> PORT_ORDER = Comparator
      .comparing((NetworkPolicyPort p) -> p.protocol().name())
      .thenComparing(p -> p.port().orElse(0))
      .thenComparing(p -> p.namedPort().orElse(""))
      .thenComparing(p -> p.endPort().orElse(0));

  /** UDP first, as KKP writes them. */
  private static final ToAnywhere DNS_TO_ANYWHERE = new ToAnywhere(
      List.of(port(Protocol.UDP, 53), port(Protocol.TCP, 53)),
      "pkg/resources/apiserver/networkpolicy.go, DNSAllowReconciler: an egress rule with Ports and no To");
  private static final String OPENVPN_DESCRIPTION = "Allows the kube-apiserver pods to reach this cluster's OpenVPN "
      + "server, their tunnel to the nodes when Konnectivity is off.";
  private static final String METRICS_DESCRIPTION = "Allows the kube-apiserver pods to reach the seed-side "
      + "metrics-server that serves the cluster's metrics API when Konnectivity is off.";

  static final List<EgressTarget> TARGETS = List.of(
      target("default-deny-all-egress", ALL, f -> true,
          f -> "Denies all egress from the kube-apiserver pods; the other policies in this namespace allow "
              + "only what the API server needs.",
          f -> List.of()),
      // KKP v2.18 (PR #7396): the cluster's dns-resolver pods, every port.
      target(DNS_POLICY, KKP_V2_18_ONLY, f -> true,
          f -> "Allows the kube-apiserver pods to resolve names at this cluster's dns-resolver "
              + "(port 53, UDP and TCP).",
          f -> List.of(rule(List.of(dnsResolver(f)), List.of()))),
      // The one rule without peers, declared as such: KKP v2.31 allows port 53 to any address.
      new EgressTarget(DNS_POLICY, KKP_V2_31_ONLY, f -> true,
          f -> "Allows the kube-apiserver pods to resolve names over DNS (port 53, UDP and TCP) at any "
              + "address, as KKP does.",
          f -> List.of(toAnywhere(DNS_TO_ANYWHERE)), Set.of(), Optional.of(DNS_TO_ANYWHERE)),
      new EgressTarget(DNS_POLICY, LEAST_PRIVILEGE_ONLY, f -> true,
          f -> "Allows the kube-apiserver pods to resolve names at the seed's cluster DNS and "
              + "this cluster's dns-resolver (port 53, UDP and TCP).",
          EgressCatalogue::clusterDnsRules, Set.of(EgressTarget.ContextNeed.CLUSTER_DNS)),
      pods("etcd-allow", ALL, f -> true,
          "Allows the kube-apiserver pods to reach this cluster's etcd members, which store all cluster state.",
          f -> Map.of("app", "etcd", "cluster", f.name()), f -> tcp(2379)),
      pods("machine-controller-webhook-allow", ALL, f -> true,
          "Allows the kube-apiserver pods to call the machine-controller admission webhook.",
          f -> Map.of("app", "machine-controller-webhook"), f -> tcp(9876)),
      pods("openvpn-server-allow", ALL, f -> f.has(Trait.OPENVPN_ALWAYS) || !f.konnectivity(), OPENVPN_DESCRIPTION,
          f -> Map.of("app", "openvpn-server", "cluster", f.name()), f -> tcp(1194)),
      pods("metrics-server-allow", ALL, f -> f.has(Trait.OPENVPN_ALWAYS) || !f.konnectivity(), METRICS_DESCRIPTION,
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
      // KKP renders it whenever the gate is on; our own form only for clusters that enable Kyverno.
      pods(KYVERNO_WEBHOOK, SINCE_V2_31, f -> f.has(Trait.KKP_FORM) || f.kyverno(),
          "Allows the kube-apiserver pods to call the Kyverno admission controller.",
          f -> Map.of("app.kubernetes.io/component", "admission-controller"), f -> tcp(9443)),
      // Under the Cilium flavour's seedAPIServerEntity, a CiliumNetworkPolicy of this name instead.
      new EgressTarget(SEED_APISERVER, SINCE_V2_31, f -> !f.seedApiServerEntity(),
          f -> "Allows the kube-apiserver pods to reach the seed's own API server, which the etcd-launcher "
              + "init container asks for the Cluster object.",
          f -> List.of(rule(ipBlocks(f, f.seedEndpoints()), explicitPorts(f, tcp(f.seedAPIServerPort())))),
          Set.of(EgressTarget.ContextNeed.SEED_ENDPOINTS)),
      new EgressTarget(OIDC_ISSUER, SINCE_V2_31, ClusterFacts::oidcConfigured,
          EgressCatalogue::oidcDescription, EgressCatalogue::oidcRules,
          Set.of(EgressTarget.ContextNeed.ISSUER_ADDRESSES)),
      // Under the Cilium flavour's fqdnEgress, a webhook named by host is a CiliumNetworkPolicy instead.
      new EgressTarget(AUTHORIZATION_WEBHOOK, SINCE_V2_31, f -> f.webhookConfigured() && !f.webhookByName(),
          f -> "Allows the kube-apiserver pods to call the cluster's authorization webhook "
              + f.webhook().orElseThrow().url() + ".",
          // KKP hard-codes 443 here; the URL's own port is what the webhook listens on.
          f -> List.of(rule(ipBlocks(f, resolvedOrder(f, f.webhook().orElseThrow().ips())),
              tcp(HttpUrls.port(f.webhook().orElseThrow().url())))),
          Set.of(EgressTarget.ContextNeed.WEBHOOK_ADDRESSES)));

  /** Every policy name KKP or this tool manages in a cluster namespace; an extraEgress entry may take none. */
  public static final Set<String> RESERVED_POLICY_NAMES = reservedPolicyNames();

  private EgressCatalogue() {}

  /** A target made of pods in the cluster namespace, limited to its ports under {@link Trait#EXPLICIT_PORTS}. */
  private static EgressTarget pods(String name, Set<Profile> profiles, Predicate<ClusterFacts> when,
      String description, Function<ClusterFacts, Map<String, String>> labels,
      Function<ClusterFacts, List<NetworkPolicyPort>> ports) {
    return target(name, profiles, when, f -> description,
        f -> List.of(rule(List.of(podPeer(labels.apply(f))), explicitPorts(f, ports.apply(f)))));
  }


  /** True if {@code profile} renders the policy {@code policyName} for some cluster. */
  public static boolean offers(Profile profile, String policyName) {
    return TARGETS.stream().anyMatch(t -> t.policyName().equals(policyName) && t.profiles().contains(profile));
  }

  /** The profiles that render {@code policyName} for some cluster, in declaration order. */
  public static List<Profile> profilesOffering(String policyName) {
    return Arrays.stream(Profile.values()).filter(p -> offers(p, policyName)).toList();
  }

  /** What the targets of {@code profile} need from the RenderContext. */
  public static Set<EgressTarget.ContextNeed> needs(Profile profile) {
    Set<EgressTarget.ContextNeed> needs = EnumSet.noneOf(EgressTarget.ContextNeed.class);
    TARGETS.stream().filter(t -> t.profiles().contains(profile)).forEach(t -> needs.addAll(t.needs()));
    return needs;
  }


  private static Set<String> reservedPolicyNames() {
    Set<String> names = new TreeSet<>();
    TARGETS.forEach(t -> names.add(t.policyName()));
    names.add(LEGACY_POLICY);
    return Set.copyOf(names);
  }

  private static EgressTarget target(String name, Set<Profile> profiles, Predicate<ClusterFacts> when,
      Function<ClusterFacts, String> description, Function<ClusterFacts, List<NetworkPolicyRule>> rules) {
    return new EgressTarget(name, profiles, when, description, rules, Set.of());
  }

  private static NetworkPolicyPeer dnsResolver(ClusterFacts f) {
    return podPeer(Map.of("app", "dns-resolver", "cluster", f.name()));
  }

  private static List<NetworkPolicyRule> clusterDnsRules(ClusterFacts f) {
    ClusterDns clusterDns = f.clusterDns().orElseThrow();
    NetworkPolicyPeer.Builder seedDns = NetworkPolicyPeer.builder()
        .namespaceSelector(selector(Map.of(NAMESPACE_NAME_LABEL, clusterDns.namespace())));
    if (!clusterDns.podLabels().isEmpty()) {
      seedDns.podSelector(selector(clusterDns.podLabels()));
    }
    List<NetworkPolicyPort> dns = List.of(port(Protocol.TCP, 53), port(Protocol.UDP, 53));
    return List.of(rule(List.of(seedDns.build(), dnsResolver(f)), dns));
  }

  private static String oidcDescription(ClusterFacts f) {
    List<OidcIssuers.Issuer> issuers = f.oidcIssuers();
    boolean one = issuers.size() == 1;
    boolean backends = issuers.stream().anyMatch(i -> !i.backends().isEmpty());
    boolean anyAddress = issuers.stream().anyMatch(i -> !i.addresses().isEmpty());
    boolean anyByName = issuers.stream().anyMatch(OidcIssuers.Issuer::byName);
    return "Allows the kube-apiserver pods to reach the OIDC issuer" + (one ? " " : "s ")
        + issuers.stream().map(OidcIssuers.Issuer::url).collect(Collectors.joining(", "))
        + " for " + (one ? "its" : "their") + " signing keys, " + (anyAddress ? "directly" : "")
        + (backends ? (anyAddress ? ", " : "") + "through the pods behind " + (one ? "its load balancer"
            : "their load balancers") + "," : "")
        + (anyAddress || backends ? " or " : "") + "through the seed's ingress controllers"
        + (anyByName ? " (by name: the CiliumNetworkPolicy of the same name)" : "") + ".";
  }

  /**
   * KKP's four rules, in its order: the issuers' addresses; the pods behind the seed load
   * balancers that front them; the ingress controller's namespace; envoy-gateway's namespace.
   * With explicit ports each is limited to the issuers' ports (one address rule per port).
   */
  private static List<NetworkPolicyRule> oidcRules(ClusterFacts f) {
    List<OidcIssuers.Issuer> issuers = f.oidcIssuers();
    List<NetworkPolicyPort> allPorts = explicitPorts(f, issuers.stream().map(OidcIssuers.Issuer::port).distinct()
        .sorted().map(p -> port(Protocol.TCP, p)).toList());
    List<NetworkPolicyRule> rules = new ArrayList<>();
    // Issuers the Cilium flavour reaches by name have no addresses here; with none left, no
    // address rule at all (a rule without peers would allow every address).
    boolean anyAddress = issuers.stream().anyMatch(i -> !i.addresses().isEmpty());
    if (f.kkpForm() && anyAddress) {
      rules.add(rule(ipBlocks(f, issuers.stream().sorted(KkpOrder.ISSUERS)
          .flatMap(i -> i.addresses().stream().sorted(KkpOrder.RESOLVED_ADDRESSES)).toList()), List.of()));
    } else if (anyAddress) {
      Map<Integer, List<Cidr>> byPort = new TreeMap<>();
      issuers.stream().filter(i -> !i.addresses().isEmpty())
          .forEach(i -> byPort.computeIfAbsent(i.port(), p -> new ArrayList<>()).addAll(i.addresses()));
      byPort.forEach((p, addresses) -> rules.add(rule(ipBlocks(f, addresses), tcp(p))));
    }
    List<NetworkPolicyPeer> backends = new ArrayList<>();
    java.util.stream.Stream<LoadBalancerBackend> declared = issuers.stream().flatMap(i -> i.backends().stream());
    for (LoadBalancerBackend backend : (f.kkpForm() ? declared.sorted(KkpOrder.BACKENDS) : declared).toList()) {
      NetworkPolicyPeer peer = NetworkPolicyPeer.builder()
          .namespaceSelector(selector(Map.of(NAMESPACE_NAME_LABEL, backend.namespace())))
          .podSelector(selector(backend.podLabels())).build();
      if (!backends.contains(peer)) {
        backends.add(peer);
      }
    }
    if (!backends.isEmpty()) {
      rules.add(rule(backends, allPorts));
    }
    rules.add(rule(List.of(namespacePeer(f.ingressNamespace())), allPorts));
    rules.add(rule(List.of(namespacePeer(ClusterFacts.ENVOY_GATEWAY_NAMESPACE)), allPorts));
    return rules;
  }

  private static List<NetworkPolicyPort> explicitPorts(ClusterFacts f, List<NetworkPolicyPort> ports) {
    return f.has(Trait.EXPLICIT_PORTS) ? ports : List.of();
  }

  /** A rule to {@code peers}, on {@code ports} (all ports if none); refused without peers. */
  static NetworkPolicyRule rule(List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports) {
    if (peers.isEmpty()) {
      throw new RuleWithoutPeersException("a catalogue rule", PeerGuard.describe(ports));
    }
    List<NetworkPolicyPort> sorted = new ArrayList<>(ports);
    sorted.sort(PORT_ORDER);
    return NetworkPolicyRule.builder().addAllPeers(peers).addAllPorts(sorted).build();
  }

  /** The rule a target declares to go to every address on its ports, in the order declared. */
  private static NetworkPolicyRule toAnywhere(ToAnywhere declared) {
    return NetworkPolicyRule.builder().addAllPorts(declared.ports()).build();
  }

  /** A host's addresses: under KKP's form in the order KKP's resolver gives them, else as they are. */
  private static List<Cidr> resolvedOrder(ClusterFacts f, List<Cidr> addresses) {
    return f.kkpForm() ? addresses.stream().sorted(KkpOrder.RESOLVED_ADDRESSES).toList() : addresses;
  }

  /** Address peers in the profile's form: in KKP's, in the order given (as KKP takes them); else sorted. */
  private static List<NetworkPolicyPeer> ipBlocks(ClusterFacts f, List<Cidr> addresses) {
    return addressPeers(addresses, !f.kkpForm());
  }

  /**
   * One ipBlock peer per address (a /32 or /128 {@link Cidr}), repeats dropped, in the order
   * given or sorted: the one way an address becomes a peer.
   */
  static List<NetworkPolicyPeer> addressPeers(List<Cidr> addresses, boolean sorted) {
    java.util.stream.Stream<Cidr> unique = addresses.stream().distinct();
    return (sorted ? unique.sorted() : unique)
        .map(c -> NetworkPolicyPeer.builder().ipBlock(IpBlock.builder().cidr(c).build()).build())
        .toList();
  }

  /**
   * The peers of an extraEgress rule: its own, then each host's addresses, sorted (unless the
   * Cilium flavour reaches the hosts by name). A host whose addresses are not known fails (the
   * validator reports it first), never widens.
   */
  static List<NetworkPolicyPeer> extraEgressPeers(ClusterFacts f, ExtraEgressRule rule) {
    List<NetworkPolicyPeer> peers = new ArrayList<>(rule.to());
    if (f.fqdnEgress()) {
      return List.copyOf(peers);
    }
    for (String host : rule.hosts()) {
      List<Cidr> addresses = f.inputs().resolvedAddresses().of(host).orElseThrow(() -> new IllegalStateException(
          "extraEgress " + rule.name() + ": the addresses of " + host + " are not known"));
      peers.addAll(addressPeers(addresses, true));
    }
    return List.copyOf(peers);
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

  static List<NetworkPolicyPort> tcp(int number) {
    return List.of(port(Protocol.TCP, number));
  }

  static NetworkPolicyPort port(Protocol protocol, int number) {
    return NetworkPolicyPort.builder().protocol(protocol).port(number).build();
  }
}
