package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.ClusterDns;
import dev.apiserverpolicy.model.ClusterSpec;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.model.NetworkPolicyPort;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.Protocol;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.reach.Allowance.Addresses;
import dev.apiserverpolicy.reach.Allowance.Anywhere;
import dev.apiserverpolicy.reach.Allowance.Destination;
import dev.apiserverpolicy.reach.Allowance.Entity;
import dev.apiserverpolicy.reach.Allowance.Name;
import dev.apiserverpolicy.reach.Allowance.Pods;
import dev.apiserverpolicy.render.ClusterInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * docs/spec.md's tables (sections 4, 4.1 and 5), written out a second time from the inputs
 * alone: which policies a cluster gets, what the apiserver pods may reach through them, and
 * the source ranges of each Service. Nothing here calls the catalogue, the renderer or their
 * helpers; a target added to or dropped from the catalogue makes the two disagree.
 */
final class SpecOracle {
  private static final List<NetworkPolicyPort> EVERY_PORT = List.of();
  private static final List<NetworkPolicyPort> DNS = List.of(port(Protocol.UDP, 53), port(Protocol.TCP, 53));

  private final ClusterInputs in;
  private final Profile profile;
  private final boolean v218;
  private final boolean leastPrivilege;
  private final Optional<RenderContext> context;
  private final SpecExpectation.Builder out;

  private SpecOracle(ClusterInputs in) {
    this.in = in;
    this.context = in.context();
    this.profile = context.flatMap(RenderContext::profile).orElse(Profile.KKP_V2_31);
    this.v218 = profile == Profile.KKP_V2_18;
    this.leastPrivilege = profile == Profile.LEAST_PRIVILEGE;
    this.out = new SpecExpectation.Builder(in.cluster().namespace(), profile);
  }

  static SpecExpectation expect(ClusterInputs in) {
    SpecOracle oracle = new SpecOracle(in);
    oracle.out.services(SpecServices.of(in));
    if (in.cluster().spec().features().getOrDefault(ClusterSpec.APISERVER_NETWORK_POLICY, false)) {
      oracle.catalogue();
      new SpecIssuers(in, oracle.profile, oracle.out).add();
      oracle.ciliumDns();
      new SpecExtraEgress(in, oracle.out).add();
    }
    return oracle.out.build();
  }

  /** Section 4's table, row by row. */
  private void catalogue() {
    String name = in.cluster().name();
    boolean konnectivity = in.cluster().spec().clusterNetwork().konnectivityEnabled().orElse(false);
    out.networkPolicy("default-deny-all-egress");
    dns(name);
    np("etcd-allow", Pods.local(Map.of("app", "etcd", "cluster", name)), tcp(2379));
    np("machine-controller-webhook-allow", Pods.local(Map.of("app", "machine-controller-webhook")), tcp(9876));
    if (v218 || !konnectivity) {
      np("openvpn-server-allow", Pods.local(Map.of("app", "openvpn-server", "cluster", name)), tcp(1194));
      np("metrics-server-allow", Pods.local(Map.of("app", "metrics-server")), tcp(10250));
    }
    if (v218) {
      return;
    }
    if (konnectivity) {
      np("apiserver-internal-allow", Pods.local(Map.of("app", "apiserver")), tcp(apiserverPort()));
    }
    np("usercluster-webhook-allow", Pods.local(Map.of("app", "usercluster-webhook")), tcp(9443));
    np("operating-system-manager-webhook-allow", Pods.local(Map.of("app", "operating-system-manager-webhook")),
        tcp(9443));
    if (!leastPrivilege || in.cluster().spec().kyvernoEnabled().orElse(false)) {
      np("kyverno-webhook-allow", Pods.local(Map.of("app.kubernetes.io/component", "admission-controller")), tcp(9443));
    }
    seedApiServer();
  }

  private void dns(String name) {
    Pods resolver = Pods.local(Map.of("app", "dns-resolver", "cluster", name));
    if (v218) {
      out.networkPolicy("dns-allow").allow(resolver, EVERY_PORT);
    } else if (leastPrivilege) {
      ClusterDns dns = context.flatMap(RenderContext::clusterDNS).orElseThrow();
      out.networkPolicy("dns-allow").allow(Pods.in(dns.namespace(), dns.podLabels()), DNS).allow(resolver, DNS);
    } else {
      out.networkPolicy("dns-allow").allow(new Anywhere(), DNS);
    }
  }

  private void seedApiServer() {
    int port = context.flatMap(RenderContext::seedAPIServerPort).orElse(6443);
    if (cilium(c -> c.seedAPIServerEntity())) {
      out.ciliumPolicy("seed-apiserver-allow")
          .allow(new Entity("kube-apiserver"), leastPrivilege ? tcp(port) : EVERY_PORT);
      return;
    }
    out.networkPolicy("seed-apiserver-allow");
    List<Cidr> notReady = context.map(RenderContext::seedAPIServerEndpointsNotReady).orElse(List.of());
    for (Cidr endpoint : context.flatMap(RenderContext::seedAPIServerEndpoints).orElse(List.of())) {
      if (leastPrivilege && notReady.contains(endpoint)) {
        continue; // section 2.4: least-privilege allows the ready ones only
      }
      out.allow(new Addresses(endpoint, List.of()), leastPrivilege ? tcp(port) : EVERY_PORT);
    }
  }

  /** Section 4.1: DNS through Cilium's proxy, beside the profile's dns-allow, in every profile. */
  private void ciliumDns() {
    if (!cilium(c -> c.fqdnEgress())) {
      return;
    }
    out.ciliumPolicy("dns-allow").allow(Pods.local(Map.of("app", "dns-resolver", "cluster", in.cluster().name())),
        DNS);
    context.flatMap(RenderContext::clusterDNS).ifPresent(dns -> out.allow(Pods.in(dns.namespace(),
        dns.podLabels()), DNS));
  }

  private int apiserverPort() {
    ExposeStrategy strategy = in.cluster().spec().exposeStrategy().or(() -> in.seed().exposeStrategy())
        .or(() -> in.kubermaticConfiguration().flatMap(k -> k.exposeStrategy())).orElse(ExposeStrategy.NODE_PORT);
    return strategy == ExposeStrategy.TUNNELING ? 6443 : in.cluster().statusPort().orElse(6443);
  }

  private boolean cilium(java.util.function.Predicate<dev.apiserverpolicy.model.CiliumFlavour> on) {
    return context.filter(c -> c.cni().filter("cilium"::equals).isPresent()).flatMap(RenderContext::cilium)
        .filter(on).isPresent();
  }

  private void np(String policy, Destination to, List<NetworkPolicyPort> leastPrivilegePorts) {
    out.networkPolicy(policy).allow(to, leastPrivilege ? leastPrivilegePorts : EVERY_PORT);
  }

  static List<NetworkPolicyPort> tcp(int number) {
    return List.of(port(Protocol.TCP, number));
  }

  static NetworkPolicyPort port(Protocol protocol, int number) {
    return NetworkPolicyPort.builder().protocol(protocol).port(number).build();
  }

  /** The ports of a set of numbers, TCP. */
  static List<NetworkPolicyPort> tcp(TreeSet<Integer> numbers) {
    List<NetworkPolicyPort> ports = new ArrayList<>();
    numbers.forEach(n -> ports.add(port(Protocol.TCP, n)));
    return ports;
  }
}
