package dev.apiserverpolicy.render.yaml;

import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ClusterNetwork;
import dev.apiserverpolicy.model.ClusterSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The reference trees of what only the CLI writes (kustomizations, defaulted Clusters), for the writer's tests. */
final class ReferenceTrees {
  private ReferenceTrees() {}

  /** A kustomization listing {@code resources}, for one cluster's folder. */
  static Map<String, Object> kustomization(List<String> resources) {
    Map<String, Object> root = map();
    root.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
    root.put("kind", "Kustomization");
    root.put("resources", List.copyOf(resources));
    return root;
  }

  /** A KKP Cluster with the fields apiserver-policy reads (for printing defaulted clusters). */
  static Map<String, Object> cluster(Cluster cluster) {
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
