package dev.apiserverpolicy.render;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.IpBlock;
import dev.apiserverpolicy.model.LabelSelector;
import dev.apiserverpolicy.model.LabelSelectorRequirement;
import dev.apiserverpolicy.model.NetworkPolicyPeer;
import dev.apiserverpolicy.model.NetworkPolicyPort;
import dev.apiserverpolicy.model.manifest.CiliumEgressRule;
import dev.apiserverpolicy.model.manifest.CiliumNetworkPolicy;
import dev.apiserverpolicy.model.manifest.KubernetesObject;
import dev.apiserverpolicy.model.manifest.NetworkPolicy;
import dev.apiserverpolicy.model.manifest.NetworkPolicyRule;
import dev.apiserverpolicy.model.manifest.ObjectMeta;
import dev.apiserverpolicy.model.manifest.PolicyType;
import dev.apiserverpolicy.model.manifest.Service;
import dev.apiserverpolicy.model.manifest.ServicePort;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rendered objects as plain trees of maps, lists, strings, integers and booleans, in output key
 * order ({@code apiVersion, kind, metadata, spec}, then string order); empty optional fields left
 * out, as Kubernetes' {@code omitempty} does; lists in the renderer's order. The neutral form a
 * Kubernetes client converts from (fabric8's or Jackson's {@code convertValue}, the official
 * client's Gson), equal to what the YAML says. The tests also hold the YAML writer to these trees,
 * byte for byte.
 */
public final class ManifestTrees {
  private ManifestTrees() {}

  /** {@code object} as an unmodifiable tree in output key order. */
  public static Map<String, Object> of(KubernetesObject object) {
    return frozen(tree(object));
  }

  private static Map<String, Object> tree(KubernetesObject object) {
    Map<String, Object> root = map();
    root.put("apiVersion", object.apiVersion());
    root.put("kind", object.kind());
    root.put("metadata", metadata(object.metadata()));
    if (object instanceof NetworkPolicy p) {
      root.put("spec", spec(p));
    } else if (object instanceof Service s) {
      root.put("spec", spec(s));
    } else if (object instanceof CiliumNetworkPolicy c) {
      root.put("spec", spec(c));
    } else {
      throw new IllegalArgumentException("no tree for " + object.getClass().getName());
    }
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
    putIfNotEmpty(m, peersKey, rule.peers().stream().map(ManifestTrees::peer).toList());
    putIfNotEmpty(m, "ports", rule.ports().stream().map(ManifestTrees::port).toList());
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
    putIfNotEmpty(m, "matchExpressions", selector.matchExpressions().stream().map(ManifestTrees::requirement).toList());
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

  private static Map<String, Object> spec(CiliumNetworkPolicy p) {
    Map<String, Object> spec = map();
    spec.put("egress", p.egress().stream().map(ManifestTrees::ciliumRule).toList());
    Map<String, Object> selector = map();
    selector.put("matchLabels", new TreeMap<>(p.endpointSelector()));
    spec.put("endpointSelector", selector);
    return spec;
  }

  private static Map<String, Object> ciliumRule(CiliumEgressRule rule) {
    Map<String, Object> m = map();
    putIfNotEmpty(m, "toEndpoints", rule.toEndpoints().stream().map(labels -> {
      Map<String, Object> selector = map();
      selector.put("matchLabels", new TreeMap<>(labels));
      return selector;
    }).toList());
    putIfNotEmpty(m, "toEntities", rule.toEntities());
    List<Map<String, Object>> fqdns = new java.util.ArrayList<>();
    rule.toFqdnNames().forEach(n -> fqdns.add(Map.of("matchName", n)));
    rule.toFqdnPatterns().forEach(n -> fqdns.add(Map.of("matchPattern", n)));
    putIfNotEmpty(m, "toFQDNs", fqdns);
    if (!rule.ports().isEmpty()) {
      Map<String, Object> toPorts = map();
      toPorts.put("ports", rule.ports().stream().map(ManifestTrees::ciliumPort).toList());
      if (rule.dnsProxy()) {
        toPorts.put("rules", Map.of("dns", List.of(Map.of("matchPattern", "*"))));
      }
      m.put("toPorts", List.of(toPorts));
    }
    return m;
  }

  /** Cilium writes a port as a string (a number or a name). */
  private static Map<String, Object> ciliumPort(NetworkPolicyPort port) {
    Map<String, Object> m = map();
    port.endPort().ifPresent(p -> m.put("endPort", p));
    m.put("port", port.port().map(String::valueOf).orElseGet(() -> port.namedPort().orElse("0")));
    m.put("protocol", port.protocol().name());
    return m;
  }

  private static Map<String, Object> spec(Service s) {
    Map<String, Object> spec = map();
    spec.put("type", s.type().kubernetesName());
    spec.put("selector", new TreeMap<>(s.selector()));
    spec.put("ports", s.ports().stream().map(ManifestTrees::servicePort).toList());
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

  @SuppressWarnings("unchecked")
  private static <T> T frozen(T node) {
    if (node instanceof Map<?, ?> m) {
      // In the order built: fields in KeyOrder.FIELDS, maps of data (labels, selectors) in string order.
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put((String) k, frozen(v)));
      return (T) Collections.unmodifiableMap(copy);
    }
    if (node instanceof List<?> l) {
      return (T) l.stream().map(ManifestTrees::frozen).toList();
    }
    return node;
  }

  static Map<String, Object> map() {
    return new TreeMap<>(KeyOrder.FIELDS);
  }

  static void putIfNotEmpty(Map<String, Object> m, String key, Object value) {
    boolean empty = value instanceof Map<?, ?> mv ? mv.isEmpty() : value instanceof List<?> lv && lv.isEmpty();
    if (!empty) {
      m.put(key, value);
    }
  }
}
