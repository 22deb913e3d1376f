package dev.apiserverpolicy.render.yaml;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shape of every object we render, stated once: which fields it has, in output key order
 * ({@link KeyOrder}), which are left out when empty (as Kubernetes' {@code omitempty} does) and
 * how each value is spelled. The YAML writer and the neutral trees are both written from here.
 */
final class ObjectShapes {
  private ObjectShapes() {}

  /** {@code object}, whole, into {@code sink}. */
  static void write(KubernetesObject object, ShapeSink sink) {
    sink.scalar("apiVersion", object.apiVersion());
    sink.scalar("kind", object.kind());
    metadata(object.metadata(), sink);
    sink.beginMap("spec");
    if (object instanceof NetworkPolicy p) {
      networkPolicySpec(p, sink);
    } else if (object instanceof CiliumNetworkPolicy c) {
      ciliumSpec(c, sink);
    } else {
      // KubernetesObject is sealed: what is neither is a Service.
      serviceSpec((Service) object, sink);
    }
    sink.endMap();
  }

  private static void metadata(ObjectMeta meta, ShapeSink sink) {
    sink.beginMap("metadata");
    stringMapUnlessEmpty("annotations", meta.annotations(), sink);
    stringMapUnlessEmpty("labels", meta.labels(), sink);
    sink.scalar("name", meta.name());
    sink.scalar("namespace", meta.namespace());
    sink.endMap();
  }

  private static void networkPolicySpec(NetworkPolicy p, ShapeSink sink) {
    rules("egress", "to", p.egress(), sink);
    rules("ingress", "from", p.ingress(), sink);
    selector("podSelector", p.podSelector(), sink);
    List<String> types = new ArrayList<>(p.policyTypes().size());
    for (PolicyType t : p.policyTypes()) {
      types.add(t.kubernetesName());
    }
    stringList("policyTypes", types, false, sink);
  }

  private static void rules(String key, String peersKey, List<NetworkPolicyRule> rules, ShapeSink sink) {
    if (rules.isEmpty()) {
      return;
    }
    sink.beginList(key);
    for (NetworkPolicyRule rule : rules) {
      sink.beginItem();
      // Sorted keys: "from" < "ports" < "to".
      if (peersKey.equals("from")) {
        peers(peersKey, rule.peers(), sink);
        ports(rule.ports(), sink);
      } else {
        ports(rule.ports(), sink);
        peers(peersKey, rule.peers(), sink);
      }
      sink.endItem();
    }
    sink.endList();
  }

  private static void ports(List<NetworkPolicyPort> ports, ShapeSink sink) {
    if (ports.isEmpty()) {
      return;
    }
    sink.beginList("ports");
    for (NetworkPolicyPort port : ports) {
      sink.beginItem();
      port.endPort().ifPresent(e -> sink.number("endPort", e));
      port.port().ifPresent(n -> sink.number("port", n));
      port.namedPort().ifPresent(n -> sink.scalar("port", n));
      sink.scalar("protocol", port.protocol().name());
      sink.endItem();
    }
    sink.endList();
  }

  private static void peers(String key, List<NetworkPolicyPeer> peers, ShapeSink sink) {
    if (peers.isEmpty()) {
      return;
    }
    sink.beginList(key);
    for (NetworkPolicyPeer peer : peers) {
      sink.beginItem();
      peer.ipBlock().ifPresent(b -> ipBlock(b, sink));
      peer.namespaceSelector().ifPresent(s -> selector("namespaceSelector", s, sink));
      peer.podSelector().ifPresent(s -> selector("podSelector", s, sink));
      sink.endItem();
    }
    sink.endList();
  }

  private static void ipBlock(IpBlock block, ShapeSink sink) {
    sink.beginMap("ipBlock");
    sink.scalar("cidr", block.cidr().toString());
    stringList("except", block.except().stream().sorted().map(Object::toString).toList(), true, sink);
    sink.endMap();
  }

  private static void selector(String key, LabelSelector selector, ShapeSink sink) {
    if (selector.isEmpty()) {
      sink.emptyMap(key);
      return;
    }
    sink.beginMap(key);
    if (!selector.matchExpressions().isEmpty()) {
      sink.beginList("matchExpressions");
      for (LabelSelectorRequirement r : selector.matchExpressions()) {
        sink.beginItem();
        sink.scalar("key", r.key());
        sink.scalar("operator", r.operator().kubernetesName());
        stringList("values", r.values(), true, sink);
        sink.endItem();
      }
      sink.endList();
    }
    stringMapUnlessEmpty("matchLabels", selector.matchLabels(), sink);
    sink.endMap();
  }

  private static void ciliumSpec(CiliumNetworkPolicy p, ShapeSink sink) {
    sink.beginList("egress");
    for (CiliumEgressRule rule : p.egress()) {
      sink.beginItem();
      ciliumRule(rule, sink);
      sink.endItem();
    }
    sink.endList();
    sink.beginMap("endpointSelector");
    sink.stringMap("matchLabels", p.endpointSelector());
    sink.endMap();
  }

  private static void ciliumRule(CiliumEgressRule rule, ShapeSink sink) {
    if (!rule.toEndpoints().isEmpty()) {
      sink.beginList("toEndpoints");
      for (Map<String, String> labels : rule.toEndpoints()) {
        sink.beginItem();
        sink.stringMap("matchLabels", labels);
        sink.endItem();
      }
      sink.endList();
    }
    stringList("toEntities", rule.toEntities(), true, sink);
    if (!rule.toFqdnNames().isEmpty() || !rule.toFqdnPatterns().isEmpty()) {
      sink.beginList("toFQDNs");
      rule.toFqdnNames().forEach(name -> oneField("matchName", name, sink));
      rule.toFqdnPatterns().forEach(pattern -> oneField("matchPattern", pattern, sink));
      sink.endList();
    }
    if (!rule.ports().isEmpty()) {
      sink.beginList("toPorts");
      sink.beginItem();
      ciliumPorts(rule, sink);
      sink.endItem();
      sink.endList();
    }
  }

  private static void ciliumPorts(CiliumEgressRule rule, ShapeSink sink) {
    sink.beginList("ports");
    for (NetworkPolicyPort port : rule.ports()) {
      sink.beginItem();
      port.endPort().ifPresent(e -> sink.number("endPort", e));
      // Cilium's port is a string: a number or a name.
      sink.scalar("port", port.port().map(String::valueOf).orElseGet(() -> port.namedPort().orElse("0")));
      sink.scalar("protocol", port.protocol().name());
      sink.endItem();
    }
    sink.endList();
    if (rule.dnsProxy()) {
      sink.beginMap("rules");
      sink.beginList("dns");
      oneField("matchPattern", "*", sink);
      sink.endList();
      sink.endMap();
    }
  }

  private static void serviceSpec(Service s, ShapeSink sink) {
    stringList("loadBalancerSourceRanges", s.loadBalancerSourceRanges().stream().map(Cidr::asWritten).toList(), true,
        sink);
    if (s.ports().isEmpty()) {
      sink.emptyList("ports");
    } else {
      sink.beginList("ports");
      for (ServicePort p : s.ports()) {
        sink.beginItem();
        sink.scalar("name", p.name());
        p.nodePort().ifPresent(n -> sink.number("nodePort", n));
        sink.number("port", p.port());
        sink.scalar("protocol", p.protocol().name());
        sink.number("targetPort", p.targetPort());
        sink.endItem();
      }
      sink.endList();
    }
    sink.stringMap("selector", s.selector());
    sink.scalar("type", s.type().kubernetesName());
  }

  /** A list item that is a map of one string field. */
  static void oneField(String key, String value, ShapeSink sink) {
    sink.beginItem();
    sink.scalar(key, value);
    sink.endItem();
  }

  /** A list of strings; left out when empty and {@code omitEmpty}, else {@code []}. */
  static void stringList(String key, List<String> values, boolean omitEmpty, ShapeSink sink) {
    if (values.isEmpty()) {
      if (!omitEmpty) {
        sink.emptyList(key);
      }
      return;
    }
    sink.beginList(key);
    values.forEach(sink::stringItem);
    sink.endList();
  }

  /** A map of data, left out when empty. */
  static void stringMapUnlessEmpty(String key, Map<String, String> map, ShapeSink sink) {
    if (!map.isEmpty()) {
      sink.stringMap(key, map);
    }
  }
}
