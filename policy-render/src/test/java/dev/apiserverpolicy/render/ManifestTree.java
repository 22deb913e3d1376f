package dev.apiserverpolicy.render;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ClusterNetwork;
import dev.apiserverpolicy.model.ClusterSpec;
import dev.apiserverpolicy.model.IpBlock;
import dev.apiserverpolicy.model.LabelSelector;
import dev.apiserverpolicy.model.LabelSelectorRequirement;
import dev.apiserverpolicy.model.NetworkPolicyPeer;
import dev.apiserverpolicy.model.NetworkPolicyPort;
import dev.apiserverpolicy.model.manifest.KubernetesObject;
import dev.apiserverpolicy.model.manifest.NetworkPolicy;
import dev.apiserverpolicy.model.manifest.NetworkPolicyRule;
import dev.apiserverpolicy.model.manifest.ObjectMeta;
import dev.apiserverpolicy.model.manifest.PolicyType;
import dev.apiserverpolicy.model.manifest.Service;
import dev.apiserverpolicy.model.manifest.ServicePort;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reference form of what we write, for tests: rendered objects as plain trees (maps, lists,
 * strings, numbers), every map sorted by {@link KeyOrder}; empty optional fields left out, as
 * Kubernetes' {@code omitempty} does. Lists keep the renderer's order. {@link YamlEmitter} writes
 * these trees, and the production writer must give the same bytes.
 */
final class ManifestTree {
  private ManifestTree() {}

  static Map<String, Object> of(KubernetesObject object) {
    Map<String, Object> root = map();
    root.put("apiVersion", object.apiVersion());
    root.put("kind", object.kind());
    root.put("metadata", metadata(object.metadata()));
    if (object instanceof NetworkPolicy p) {
      root.put("spec", spec(p));
    } else if (object instanceof Service s) {
      root.put("spec", spec(s));
    } else {
      throw new IllegalArgumentException("no tree for " + object.getClass().getName());
    }
    return root;
  }

  /** A kustomization listing {@code resources}, for one cluster's folder. */
  static Map<String, Object> kustomization(List<String> resources) {
    Map<String, Object> root = map();
    root.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
    root.put("kind", "Kustomization");
    root.put("resources", List.copyOf(resources));
    return root;
  }

  /** A KKP Cluster with the fields apiserver-policy reads (for printing defaulted clusters). */
  static Map<String, Object> of(Cluster cluster) {
    Map<String, Object> root = map();
    root.put("apiVersion", "kubermatic.k8c.io/v1");
    root.put("kind", "Cluster");
    Map<String, Object> meta = map();
    putIfNotEmpty(meta, "labels", new TreeMap<>(cluster.labels()));
    meta.put("name", cluster.name());
    root.put("metadata", meta);
    ClusterSpec spec = cluster.spec();
    Map<String, Object> s = map();
    putIfNotEmpty(s, "features", new TreeMap<>(spec.features()));
    spec.exposeStrategy().ifPresent(e -> s.put("exposeStrategy", e.kkpName()));
    spec.apiServerAllowedIPRanges().ifPresent(r -> s.put("apiServerAllowedIPRanges",
        Map.of("cidrBlocks", r.stream().map(Object::toString).toList())));
    Map<String, Object> cloud = map();
    spec.datacenter().ifPresent(dc -> cloud.put("dc", dc));
    spec.cloudProvider().ifPresent(p -> cloud.put("providerName", p));
    putIfNotEmpty(s, "cloud", cloud);
    ClusterNetwork n = spec.clusterNetwork();
    Map<String, Object> network = map();
    n.konnectivityEnabled().ifPresent(k -> network.put("konnectivityEnabled", k));
    n.ipFamily().ifPresent(f -> network.put("ipFamily", f.kkpName()));
    if (!n.podCidrs().isEmpty()) {
      network.put("pods", Map.of("cidrBlocks", n.podCidrs().stream().map(Object::toString).toList()));
    }
    if (!n.serviceCidrs().isEmpty()) {
      network.put("services", Map.of("cidrBlocks", n.serviceCidrs().stream().map(Object::toString).toList()));
    }
    n.tunnelingAgentIP().ifPresent(ip -> network.put("tunnelingAgentIP", ip.firstAddressText()));
    putIfNotEmpty(s, "clusterNetwork", network);
    spec.oidcIssuerURL().ifPresent(u -> s.put("oidc", Map.of("issuerURL", u)));
    spec.authenticationConfiguration().ifPresent(ref -> s.put("authenticationConfiguration",
        new TreeMap<>(Map.of("secretName", ref.name(), "secretKey", ref.key()))));
    spec.kyvernoEnabled().ifPresent(k -> s.put("kyverno", Map.of("enabled", k)));
    root.put("spec", s);
    return root;
  }

  private static Map<String, Object> metadata(ObjectMeta meta) {
    Map<String, Object> m = map();
    putIfNotEmpty(m, "annotations", new TreeMap<>(meta.annotations()));
    putIfNotEmpty(m, "labels", new TreeMap<>(meta.labels()));
    m.put("name", meta.name());
    m.put("namespace", meta.namespace());
    return m;
  }

  private static Map<String, Object> spec(NetworkPolicy p) {
    Map<String, Object> spec = map();
    spec.put("podSelector", selector(p.podSelector()));
    spec.put("policyTypes", p.policyTypes().stream().map(PolicyType::kubernetesName).toList());
    putIfNotEmpty(spec, "ingress", p.ingress().stream().map(r -> rule(r, "from")).toList());
    putIfNotEmpty(spec, "egress", p.egress().stream().map(r -> rule(r, "to")).toList());
    return spec;
  }

  private static Map<String, Object> rule(NetworkPolicyRule rule, String peersKey) {
    Map<String, Object> m = map();
    putIfNotEmpty(m, peersKey, rule.peers().stream().map(ManifestTree::peer).toList());
    putIfNotEmpty(m, "ports", rule.ports().stream().map(ManifestTree::port).toList());
    return m;
  }

  private static Map<String, Object> peer(NetworkPolicyPeer peer) {
    Map<String, Object> m = map();
    peer.ipBlock().ifPresent(b -> m.put("ipBlock", ipBlock(b)));
    peer.namespaceSelector().ifPresent(s -> m.put("namespaceSelector", selector(s)));
    peer.podSelector().ifPresent(s -> m.put("podSelector", selector(s)));
    return m;
  }

  private static Map<String, Object> ipBlock(IpBlock block) {
    Map<String, Object> m = map();
    m.put("cidr", block.cidr().toString());
    putIfNotEmpty(m, "except", block.except().stream().sorted().map(Object::toString).toList());
    return m;
  }

  private static Map<String, Object> selector(LabelSelector selector) {
    Map<String, Object> m = map();
    putIfNotEmpty(m, "matchExpressions", selector.matchExpressions().stream().map(ManifestTree::requirement).toList());
    putIfNotEmpty(m, "matchLabels", new TreeMap<>(selector.matchLabels()));
    return m;
  }

  private static Map<String, Object> requirement(LabelSelectorRequirement r) {
    Map<String, Object> m = map();
    m.put("key", r.key());
    m.put("operator", r.operator().kubernetesName());
    putIfNotEmpty(m, "values", r.values());
    return m;
  }

  private static Map<String, Object> port(NetworkPolicyPort port) {
    Map<String, Object> m = map();
    m.put("protocol", port.protocol().name());
    port.port().ifPresent(p -> m.put("port", p));
    port.namedPort().ifPresent(p -> m.put("port", p));
    port.endPort().ifPresent(p -> m.put("endPort", p));
    return m;
  }

  private static Map<String, Object> spec(Service s) {
    Map<String, Object> spec = map();
    spec.put("type", s.type().kubernetesName());
    spec.put("selector", new TreeMap<>(s.selector()));
    spec.put("ports", s.ports().stream().map(ManifestTree::servicePort).toList());
    putIfNotEmpty(spec, "loadBalancerSourceRanges", s.loadBalancerSourceRanges().stream().map(Cidr::asWritten)
        .toList());
    return spec;
  }

  private static Map<String, Object> servicePort(ServicePort port) {
    Map<String, Object> m = map();
    m.put("name", port.name());
    m.put("port", port.port());
    m.put("protocol", port.protocol().name());
    m.put("targetPort", port.targetPort());
    port.nodePort().ifPresent(n -> m.put("nodePort", n));
    return m;
  }

  private static Map<String, Object> map() {
    return new TreeMap<>(KeyOrder.FIELDS);
  }

  private static void putIfNotEmpty(Map<String, Object> m, String key, Object value) {
    boolean empty = value instanceof Map<?, ?> mv ? mv.isEmpty() : value instanceof List<?> lv && lv.isEmpty();
    if (!empty) {
      m.put(key, value);
    }
  }
}
