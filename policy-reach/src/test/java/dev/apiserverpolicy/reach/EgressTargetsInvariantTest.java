package dev.apiserverpolicy.reach;

import static dev.apiserverpolicy.model.Properties.qt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.ClusterSpec;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.Protocol;
import dev.apiserverpolicy.model.manifest.CiliumNetworkPolicy;
import dev.apiserverpolicy.model.manifest.NetworkPolicy;
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.engine.ManifestRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * docs/spec.md section 10, invariant 1: with the gate on, what the apiserver pods may reach
 * (computed by the evaluator from the rendered policies) is exactly the catalogue's
 * targets for the cluster and profile; every other pod, namespace and address is denied.
 * The expectation below is written from docs/spec.md section 4, not from the renderer.
 */
class EgressTargetsInvariantTest {
  private static final String NS = "cluster-prod-1";
  private static final String DECOY_NS = "decoy-system";

  /** A place the apiserver might connect to: a pod, an address, a DNS name or a Cilium entity. */
  private record Probe(String name, Optional<Pod> pod, Optional<Cidr> address, Optional<String> host,
      Optional<String> entity) {
    static Probe pod(String ns, String name, Map<String, String> labels) {
      return new Probe(ns + "/" + name, Optional.of(Pod.of(ns, name, labels)), Optional.empty(), Optional.empty(),
          Optional.empty());
    }

    static Probe address(String ip) {
      return new Probe(ip, Optional.empty(), Optional.of(Cidr.parseHost(ip)), Optional.empty(), Optional.empty());
    }

    static Probe host(String name) {
      return new Probe(name, Optional.empty(), Optional.empty(), Optional.of(name), Optional.empty());
    }

    static Probe entity(String entity) {
      return new Probe("entity " + entity, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(entity));
    }
  }

  private static List<Probe> probes() {
    List<Probe> p = new ArrayList<>();
    // The catalogue's pod targets, in the cluster namespace.
    p.add(Probe.pod(NS, "etcd-0", Map.of("app", "etcd", "cluster", "prod-1")));
    p.add(Probe.pod(NS, "mc-webhook", Map.of("app", "machine-controller-webhook", "cluster", "prod-1")));
    p.add(Probe.pod(NS, "openvpn", Map.of("app", "openvpn-server", "cluster", "prod-1")));
    p.add(Probe.pod(NS, "metrics", Map.of("app", "metrics-server")));
    p.add(Probe.pod(NS, "apiserver-replica", Map.of("app", "apiserver", "cluster", "prod-1")));
    p.add(Probe.pod(NS, "uc-webhook", Map.of("app", "usercluster-webhook", "cluster", "prod-1")));
    p.add(Probe.pod(NS, "osm-webhook", Map.of("app", "operating-system-manager-webhook")));
    p.add(Probe.pod(NS, "kyverno", Map.of("app.kubernetes.io/component", "admission-controller")));
    p.add(Probe.pod(NS, "dns-resolver", Map.of("app", "dns-resolver", "cluster", "prod-1")));
    p.add(Probe.pod("kube-system", "coredns", Map.of("k8s-app", "kube-dns")));
    p.add(Probe.pod("nginx-ingress-controller", "ingress", Map.of("app", "ingress-nginx")));
    p.add(Probe.pod("envoy-gateway-controller", "envoy", Map.of("app", "envoy")));
    p.add(Probe.address("10.0.0.10"));
    p.add(Probe.address("fd00::10"));
    p.add(Probe.address("203.0.113.20"));
    p.add(Probe.address("203.0.113.30"));
    p.add(Probe.address("203.0.113.40"));
    // Near misses: another cluster's pods, a missing label, the right labels in the wrong namespace.
    p.add(Probe.pod(NS, "etcd-other-cluster", Map.of("app", "etcd", "cluster", "prod-2")));
    p.add(Probe.pod(NS, "etcd-unlabelled", Map.of("app", "etcd")));
    p.add(Probe.pod(NS, "openvpn-other", Map.of("app", "openvpn-server", "cluster", "prod-2")));
    p.add(Probe.pod(NS, "resolver-other", Map.of("app", "dns-resolver", "cluster", "prod-2")));
    p.add(Probe.pod(NS, "prometheus", Map.of("app", "prometheus", "cluster", "prod-1")));
    p.add(Probe.pod(DECOY_NS, "etcd-0", Map.of("app", "etcd", "cluster", "prod-1")));
    p.add(Probe.pod(DECOY_NS, "webhook", Map.of("app", "machine-controller-webhook")));
    p.add(Probe.pod(DECOY_NS, "coredns", Map.of("k8s-app", "kube-dns")));
    p.add(Probe.pod("kube-system", "kube-proxy", Map.of("k8s-app", "kube-proxy")));
    p.add(Probe.pod("cluster-prod-2", "etcd-0", Map.of("app", "etcd", "cluster", "prod-1")));
    p.add(Probe.address("10.0.0.11"));
    p.add(Probe.address("fd00::11"));
    p.add(Probe.address("203.0.113.21"));
    p.add(Probe.address("203.0.113.41"));
    p.add(Probe.address("8.8.8.8"));
    p.add(Probe.address("2001:db8::1"));
    // Names and entities (the Cilium flavour reaches the declared ones, on their ports only).
    p.add(Probe.host("dex.example.com"));
    p.add(Probe.host("authz.example.com"));
    p.add(Probe.host("audit.example.com"));
    p.add(Probe.host("evil.example.com"));
    p.add(Probe.entity("kube-apiserver"));
    p.add(Probe.entity("world"));
    return p;
  }

  private static ConnectionSet tcp(int port) {
    return ConnectionSet.of(Protocol.TCP, port, port);
  }

  private static final ConnectionSet DNS = tcp(53).union(ConnectionSet.of(Protocol.UDP, 53, 53));

  /** docs/spec.md section 4, target by target, for one probe. */
  private static ConnectionSet expected(ClusterInputs in, Profile profile, Probe probe) {
    ClusterSpec spec = in.cluster().spec();
    boolean v218 = profile == Profile.KKP_V2_18;
    boolean lp = profile == Profile.LEAST_PRIVILEGE;
    boolean konnectivity = spec.clusterNetwork().konnectivity();
    int apiserverPort = in.effectiveExposeStrategy() == dev.apiserverpolicy.model.ExposeStrategy.TUNNELING ? 6443
        : in.cluster().statusPort().orElse(6443);
    ConnectionSet all = ConnectionSet.all();
    ConnectionSet out = ConnectionSet.none();
    boolean cilium = in.context().map(c -> c.fqdnEgress()).orElse(false);
    boolean extra = in.context().map(c -> !c.extraEgress().isEmpty()).orElse(false);
    if (probe.host().isPresent() || probe.entity().isPresent()) {
      String named = probe.host().or(probe::entity).get();
      if (cilium && !v218 && spec.oidcIssuerURL().isPresent() && named.equals("dex.example.com")) {
        out = out.union(tcp(443));
      }
      if (cilium && !v218 && spec.authorizationWebhook() && named.equals("authz.example.com")) {
        out = out.union(tcp(8443));
      }
      if (cilium && extra && named.equals("audit.example.com")) {
        out = out.union(tcp(514));
      }
      if (cilium && !v218 && probe.entity().filter("kube-apiserver"::equals).isPresent()) {
        out = out.union(lp ? tcp(6443) : all);
      }
    } else if (probe.pod().isPresent()) {
      Pod pod = probe.pod().get();
      boolean local = pod.namespace().equals(NS);
      Map<String, String> l = pod.labels();
      if (local && has(l, "app", "etcd") && has(l, "cluster", "prod-1")) {
        out = out.union(lp ? tcp(2379) : all);
      }
      if (local && has(l, "app", "machine-controller-webhook")) {
        out = out.union(lp ? tcp(9876) : all);
      }
      if (local && (v218 || !konnectivity) && has(l, "app", "openvpn-server") && has(l, "cluster", "prod-1")) {
        out = out.union(lp ? tcp(1194) : all);
      }
      if (local && (v218 || !konnectivity) && has(l, "app", "metrics-server")) {
        out = out.union(lp ? tcp(10250) : all);
      }
      if (local && !v218 && konnectivity && has(l, "app", "apiserver")) {
        out = out.union(lp ? tcp(apiserverPort) : all);
      }
      if (local && !v218 && has(l, "app", "usercluster-webhook")) {
        out = out.union(lp ? tcp(9443) : all);
      }
      if (local && !v218 && has(l, "app", "operating-system-manager-webhook")) {
        out = out.union(lp ? tcp(9443) : all);
      }
      // KKP v2.31 always; least-privilege only when the cluster enables Kyverno.
      if (local && !v218 && (!lp || spec.kyvernoEnabled().orElse(false)) && has(l, "app.kubernetes.io/component",
          "admission-controller")) {
        out = out.union(lp ? tcp(9443) : all);
      }
      // KKP v2.18: the cluster's dns-resolver on every port; least-privilege: on 53.
      if ((v218 || lp) && local && has(l, "app", "dns-resolver") && has(l, "cluster", "prod-1")) {
        out = out.union(v218 ? all : DNS);
      }
      if (lp && pod.namespace().equals("kube-system") && has(l, "k8s-app", "kube-dns")) {
        out = out.union(DNS);
      }
      // The Cilium flavour's DNS proxy rule: the dns-resolver and the cluster DNS, on 53, in every profile.
      if (cilium && (local && has(l, "app", "dns-resolver") && has(l, "cluster", "prod-1")
          || pod.namespace().equals("kube-system") && has(l, "k8s-app", "kube-dns"))) {
        out = out.union(DNS);
      }
      boolean ingressNs = pod.namespace().equals("nginx-ingress-controller")
          || pod.namespace().equals("envoy-gateway-controller");
      if (!v218 && spec.oidcIssuerURL().isPresent() && ingressNs) {
        out = out.union(lp ? tcp(443) : all);
      }
    } else {
      String ip = probe.address().get().firstAddressText();
      // Under the Cilium flavour these are reached by name or as an entity, never by address.
      if (!cilium && !v218 && (ip.equals("10.0.0.10") || ip.equals("fd00::10"))) {
        out = out.union(lp ? tcp(6443) : all);
      }
      if (!cilium && !v218 && spec.oidcIssuerURL().isPresent() && ip.equals("203.0.113.20")) {
        out = out.union(lp ? tcp(443) : all);
      }
      if (!cilium && !v218 && spec.authorizationWebhook() && ip.equals("203.0.113.30")) {
        out = out.union(tcp(8443));
      }
      if (!cilium && extra && ip.equals("203.0.113.40")) {
        out = out.union(tcp(514));
      }
    }
    if (profile == Profile.KKP_V2_31) {
      out = out.union(DNS);
    }
    return out;
  }

  private static boolean has(Map<String, String> labels, String key, String value) {
    return value.equals(labels.get(key));
  }

  @Test
  void apiserverReachesExactlyTheCatalogueTargets() {
    List<Probe> probes = probes();
    qt(1000).forAll(dev.apiserverpolicy.render.InputGeneratorsAccess.inputs()).checkAssert(in -> {
      List<dev.apiserverpolicy.model.manifest.KubernetesObject> objects =
          ManifestRenderer.render(in, RenderOptions.defaults()).objects();
      List<NetworkPolicy> policies = objects.stream().filter(NetworkPolicy.class::isInstance)
          .map(NetworkPolicy.class::cast).toList();
      List<CiliumNetworkPolicy> cilium = objects.stream().filter(CiliumNetworkPolicy.class::isInstance)
          .map(CiliumNetworkPolicy.class::cast).toList();
      Reachability reach = new Reachability(List.of(), policies, cilium);
      Pod apiserver = Pod.of(NS, "apiserver-0", Map.of("app", "apiserver", "cluster", "prod-1"));
      boolean gateOn = in.cluster().spec().apiserverNetworkPolicyGate().orElse(false);
      for (Probe probe : probes) {
        ConnectionSet actual = probe.host().isPresent() ? reach.toName(apiserver, probe.host().get())
            : probe.entity().isPresent() ? reach.toEntity(apiserver, probe.entity().get())
            : probe.pod().isPresent() ? reach.between(apiserver, probe.pod().get())
            : reach.toAddress(apiserver, probe.address().get());
        ConnectionSet want = gateOn ? expected(in, in.effectiveProfile(), probe) : ConnectionSet.all();
        assertEquals(want, actual, () -> probe.name() + " under " + in.effectiveProfile().id());
      }
    });
  }
}
