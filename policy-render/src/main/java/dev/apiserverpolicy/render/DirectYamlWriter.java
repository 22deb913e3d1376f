package dev.apiserverpolicy.render;

import dev.apiserverpolicy.model.Cidr;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes NetworkPolicies and Services straight from the typed objects, with exactly the
 * bytes of {@link ManifestTree} plus {@link YamlEmitter} (which stay the reference: a
 * property test compares the two), without building intermediate sorted maps. Keys are
 * written in the reference's order: {@code apiVersion, kind, metadata, spec}, then sorted;
 * the keys of labels, annotations and selectors simply sorted.
 */
final class DirectYamlWriter {
  private final StringBuilder out;
  // True right after "- ": the next key of the item's map goes on the same line.
  private boolean atItemStart;

  private DirectYamlWriter(StringBuilder out) {
    this.out = out;
  }

  /** Writes the object; returns false (writing nothing) for a kind it does not know. */
  static boolean write(StringBuilder out, KubernetesObject object) {
    DirectYamlWriter w = new DirectYamlWriter(out);
    if (object instanceof NetworkPolicy p) {
      w.header(p);
      w.networkPolicySpec(p);
      return true;
    }
    if (object instanceof Service s) {
      w.header(s);
      w.serviceSpec(s);
      return true;
    }
    return false;
  }

  private void header(KubernetesObject o) {
    scalar(0, "apiVersion", o.apiVersion());
    scalar(0, "kind", o.kind());
    object(0, "metadata");
    ObjectMeta m = o.metadata();
    stringMap(2, "annotations", m.annotations(), true);
    stringMap(2, "labels", m.labels(), true);
    scalar(2, "name", m.name());
    scalar(2, "namespace", m.namespace());
    object(0, "spec");
  }

  private void networkPolicySpec(NetworkPolicy p) {
    if (!p.egress().isEmpty()) {
      list(2, "egress");
      for (NetworkPolicyRule r : p.egress()) {
        item(2);
        rule(4, r, "to");
      }
    }
    if (!p.ingress().isEmpty()) {
      list(2, "ingress");
      for (NetworkPolicyRule r : p.ingress()) {
        item(2);
        rule(4, r, "from");
      }
    }
    selector(2, "podSelector", p.podSelector());
    List<String> types = new ArrayList<>();
    for (PolicyType t : p.policyTypes()) {
      types.add(t.kubernetesName());
    }
    scalarList(2, "policyTypes", types, false);
  }

  private void rule(int indent, NetworkPolicyRule rule, String peersKey) {
    // Sorted keys: "from" < "ports" < "to". An empty rule is an empty map.
    if (rule.peers().isEmpty() && rule.ports().isEmpty()) {
      emptyItemMap();
      return;
    }
    if (peersKey.equals("from")) {
      peers(indent, peersKey, rule.peers());
      ports(indent, rule.ports());
    } else {
      ports(indent, rule.ports());
      peers(indent, peersKey, rule.peers());
    }
  }

  private void ports(int indent, List<NetworkPolicyPort> ports) {
    if (ports.isEmpty()) {
      return;
    }
    list(indent, "ports");
    for (NetworkPolicyPort port : ports) {
      item(indent);
      port.endPort().ifPresent(e -> number(indent + 2, "endPort", e));
      port.port().ifPresent(n -> number(indent + 2, "port", n));
      port.namedPort().ifPresent(n -> scalar(indent + 2, "port", n));
      scalar(indent + 2, "protocol", port.protocol().name());
    }
  }

  private void peers(int indent, String key, List<NetworkPolicyPeer> peers) {
    if (peers.isEmpty()) {
      return;
    }
    list(indent, key);
    for (NetworkPolicyPeer peer : peers) {
      item(indent);
      if (peer.ipBlock().isEmpty() && peer.namespaceSelector().isEmpty() && peer.podSelector().isEmpty()) {
        emptyItemMap();
        continue;
      }
      peer.ipBlock().ifPresent(b -> ipBlock(indent + 2, b));
      peer.namespaceSelector().ifPresent(s -> selector(indent + 2, "namespaceSelector", s));
      peer.podSelector().ifPresent(s -> selector(indent + 2, "podSelector", s));
    }
  }

  private void ipBlock(int indent, IpBlock block) {
    object(indent, "ipBlock");
    scalar(indent + 2, "cidr", block.cidr().toString());
    List<String> except = block.except().stream().sorted().map(Object::toString).toList();
    scalarList(indent + 2, "except", except, true);
  }

  private void selector(int indent, String key, LabelSelector selector) {
    if (selector.isEmpty()) {
      prefix(indent);
      out.append(key).append(": {}\n");
      return;
    }
    object(indent, key);
    if (!selector.matchExpressions().isEmpty()) {
      list(indent + 2, "matchExpressions");
      for (LabelSelectorRequirement r : selector.matchExpressions()) {
        item(indent + 2);
        scalar(indent + 4, "key", r.key());
        scalar(indent + 4, "operator", r.operator().kubernetesName());
        scalarList(indent + 4, "values", r.values(), true);
      }
    }
    stringMap(indent + 2, "matchLabels", selector.matchLabels(), true);
  }

  private void serviceSpec(Service s) {
    List<String> ranges = s.loadBalancerSourceRanges().stream().map(Cidr::asWritten).toList();
    scalarList(2, "loadBalancerSourceRanges", ranges, true);
    if (s.ports().isEmpty()) {
      prefix(2);
      out.append("ports: []\n");
    } else {
      list(2, "ports");
      for (ServicePort p : s.ports()) {
        item(2);
        scalar(4, "name", p.name());
        p.nodePort().ifPresent(n -> number(4, "nodePort", n));
        number(4, "port", p.port());
        scalar(4, "protocol", p.protocol().name());
        number(4, "targetPort", p.targetPort());
      }
    }
    stringMap(2, "selector", s.selector(), false);
    scalar(2, "type", s.type().kubernetesName());
  }

  // Primitives, mirroring YamlEmitter's layout.

  // Indentation as one append rather than one per space; objects never nest deeper than this.
  private static final String[] INDENTS = new String[32];

  static {
    for (int i = 0; i < INDENTS.length; i++) {
      INDENTS[i] = " ".repeat(i);
    }
  }

  private void prefix(int indent) {
    if (atItemStart) {
      atItemStart = false;
      return;
    }
    out.append(INDENTS[indent]);
  }

  // Keys named in this class are plain words, written as they are; keys that come from data
  // (labels, annotations, selectors) go through stringMap, which quotes them where needed.

  private void scalar(int indent, String key, String value) {
    prefix(indent);
    out.append(key).append(": ").append(YamlEmitter.scalar(value)).append('\n');
  }

  private void number(int indent, String key, int value) {
    prefix(indent);
    out.append(key).append(": ").append(value).append('\n');
  }

  private void object(int indent, String key) {
    prefix(indent);
    out.append(key).append(":\n");
  }

  private void list(int indent, String key) {
    object(indent, key);
  }

  private void item(int indent) {
    out.append(INDENTS[indent]).append("- ");
    atItemStart = true;
  }

  private void emptyItemMap() {
    atItemStart = false;
    out.append("{}\n");
  }

  /** A list of strings; left out when empty and {@code omitEmpty}, else written as {@code []}. */
  private void scalarList(int indent, String key, List<String> values, boolean omitEmpty) {
    if (values.isEmpty()) {
      if (!omitEmpty) {
        prefix(indent);
        out.append(key).append(": []\n");
      }
      return;
    }
    list(indent, key);
    for (String v : values) {
      item(indent);
      atItemStart = false;
      out.append(YamlEmitter.scalar(v)).append('\n');
    }
  }

  /**
   * A map of strings (labels, annotations, selectors) in plain sorted order, as the reference
   * writes them; left out when empty and {@code omitEmpty}.
   */
  private void stringMap(int indent, String key, Map<String, String> map, boolean omitEmpty) {
    if (map.isEmpty()) {
      if (!omitEmpty) {
        prefix(indent);
        out.append(key).append(": {}\n");
      }
      return;
    }
    object(indent, key);
    // The model's maps are sorted by natural order already; anything else is sorted here.
    Map<String, String> sorted = map instanceof SortedMap<String, String> m && m.comparator() == null ? map
        : new TreeMap<>(map);
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      prefix(indent + 2);
      out.append(YamlEmitter.scalar(e.getKey())).append(": ").append(YamlEmitter.scalar(e.getValue())).append('\n');
    }
  }
}
