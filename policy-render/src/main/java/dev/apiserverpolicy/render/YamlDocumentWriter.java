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
import dev.apiserverpolicy.model.ResolvedHosts;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one YAML writer: NetworkPolicies, Services, kustomizations and defaulted Clusters, written
 * straight from the typed objects into the caller's buffer, without intermediate trees. Keys in
 * {@link KeyOrder}; block style, one scalar a line, scalars as {@link YamlScalars} writes them.
 * Tests hold it byte for byte to a reference that builds sorted trees and emits them.
 */
final class YamlDocumentWriter {
  private final StringBuilder out;
  // True right after "- ": the next key of the item's map goes on the same line.
  private boolean atItemStart;
  // The last key written at each indentation, for the order check below.
  private final String[] lastKeyAt = new String[INDENTS.length];

  private YamlDocumentWriter(StringBuilder out) {
    this.out = out;
  }

  /** Writes one object as a document body (no {@code ---}). */
  static void write(StringBuilder out, KubernetesObject object) {
    YamlDocumentWriter w = new YamlDocumentWriter(out);
    w.header(object);
    if (object instanceof NetworkPolicy p) {
      w.networkPolicySpec(p);
    } else if (object instanceof CiliumNetworkPolicy c) {
      w.ciliumSpec(c);
    } else {
      // KubernetesObject is sealed: what is neither is a Service.
      w.serviceSpec((Service) object);
    }
  }

  /** A kustomization listing {@code resources}, for one cluster's folder. */
  static void writeKustomization(StringBuilder out, List<String> resources) {
    YamlDocumentWriter w = new YamlDocumentWriter(out);
    w.scalar(0, "apiVersion", "kustomize.config.k8s.io/v1beta1");
    w.scalar(0, "kind", "Kustomization");
    w.scalarList(0, "resources", resources, false);
  }

  /** A ResolvedHosts document: hosts in order, each host's addresses sorted (IPv4 first). */
  static void writeResolvedHosts(StringBuilder out, ResolvedHosts hosts) {
    YamlDocumentWriter w = new YamlDocumentWriter(out);
    w.scalar(0, "apiVersion", "apiserver-policy.dev/v1alpha1");
    w.scalar(0, "kind", "ResolvedHosts");
    w.object(0, "metadata");
    w.scalar(2, "name", hosts.name());
    w.object(0, "spec");
    if (hosts.hosts().isEmpty()) {
      w.emptyList(2, "hosts");
      return;
    }
    w.list(2, "hosts");
    hosts.hosts().forEach((host, addresses) -> {
      w.item(2);
      w.scalarList(4, "addresses", addresses.stream().distinct().sorted().map(Cidr::firstAddressText).toList(),
          false);
      w.scalar(4, "name", host);
    });
  }

  /** A KKP Cluster with the fields apiserver-policy reads, for printing defaulted clusters. */
  static void writeCluster(StringBuilder out, Cluster cluster) {
    YamlDocumentWriter w = new YamlDocumentWriter(out);
    w.scalar(0, "apiVersion", "kubermatic.k8c.io/v1");
    w.scalar(0, "kind", "Cluster");
    w.object(0, "metadata");
    w.stringMap(2, "labels", cluster.labels(), true);
    w.scalar(2, "name", cluster.name());
    w.clusterSpec(cluster.spec());
  }

  private void clusterSpec(ClusterSpec spec) {
    ClusterNetwork n = spec.clusterNetwork();
    boolean cloud = spec.datacenter().isPresent() || spec.cloudProvider().isPresent();
    boolean network = n.konnectivityEnabled().isPresent() || n.ipFamily().isPresent() || !n.podCidrs().isEmpty()
        || !n.serviceCidrs().isEmpty() || n.tunnelingAgentIP().isPresent();
    if (spec.apiServerAllowedIPRanges().isEmpty() && spec.authenticationConfiguration().isEmpty() && !cloud
        && !network && spec.exposeStrategy().isEmpty() && spec.features().isEmpty() && spec.kyvernoEnabled().isEmpty()
        && spec.oidcIssuerURL().isEmpty()) {
      emptyMap(0, "spec");
      return;
    }
    object(0, "spec");
    spec.apiServerAllowedIPRanges().ifPresent(ranges -> cidrBlocks(2, "apiServerAllowedIPRanges", ranges));
    spec.authenticationConfiguration().ifPresent(ref -> {
      object(2, "authenticationConfiguration");
      scalar(4, "secretKey", ref.key());
      scalar(4, "secretName", ref.name());
    });
    if (cloud) {
      object(2, "cloud");
      spec.datacenter().ifPresent(dc -> scalar(4, "dc", dc));
      spec.cloudProvider().ifPresent(p -> scalar(4, "providerName", p));
    }
    if (network) {
      object(2, "clusterNetwork");
      n.ipFamily().ifPresent(f -> scalar(4, "ipFamily", f.kkpName()));
      n.konnectivityEnabled().ifPresent(k -> bool(4, "konnectivityEnabled", k));
      if (!n.podCidrs().isEmpty()) {
        cidrBlocks(4, "pods", n.podCidrs());
      }
      if (!n.serviceCidrs().isEmpty()) {
        cidrBlocks(4, "services", n.serviceCidrs());
      }
      n.tunnelingAgentIP().ifPresent(ip -> scalar(4, "tunnelingAgentIP", ip.firstAddressText()));
    }
    spec.exposeStrategy().ifPresent(e -> scalar(2, "exposeStrategy", e.kkpName()));
    if (!spec.features().isEmpty()) {
      object(2, "features");
      for (Map.Entry<String, Boolean> gate : spec.features().entrySet()) {
        assert keyFollows(4, gate.getKey(), KeyOrder.DATA) : gate.getKey() + " is out of order";
        prefix(4);
        out.append(YamlScalars.scalar(gate.getKey())).append(": ").append(gate.getValue()).append('\n');
      }
    }
    spec.kyvernoEnabled().ifPresent(k -> {
      object(2, "kyverno");
      bool(4, "enabled", k);
    });
    spec.oidcIssuerURL().ifPresent(u -> {
      object(2, "oidc");
      scalar(4, "issuerURL", u);
    });
  }

  private void cidrBlocks(int indent, String key, List<Cidr> cidrs) {
    object(indent, key);
    scalarList(indent + 2, "cidrBlocks", cidrs.stream().map(Cidr::toString).toList(), false);
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
      emptyMap(indent, key);
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

  private void ciliumSpec(CiliumNetworkPolicy p) {
    list(2, "egress");
    for (CiliumEgressRule rule : p.egress()) {
      item(2);
      if (!rule.toEndpoints().isEmpty()) {
        list(4, "toEndpoints");
        for (Map<String, String> labels : rule.toEndpoints()) {
          item(4);
          stringMap(6, "matchLabels", labels, false);
        }
      }
      scalarList(4, "toEntities", rule.toEntities(), true);
      if (!rule.toFqdnNames().isEmpty() || !rule.toFqdnPatterns().isEmpty()) {
        list(4, "toFQDNs");
        for (String name : rule.toFqdnNames()) {
          item(4);
          scalar(6, "matchName", name);
        }
        for (String pattern : rule.toFqdnPatterns()) {
          item(4);
          scalar(6, "matchPattern", pattern);
        }
      }
      if (!rule.ports().isEmpty()) {
        list(4, "toPorts");
        item(4);
        list(6, "ports");
        for (NetworkPolicyPort port : rule.ports()) {
          item(6);
          port.endPort().ifPresent(e -> number(8, "endPort", e));
          // Cilium's port is a string: a number or a name.
          scalar(8, "port", port.port().map(String::valueOf).orElseGet(() -> port.namedPort().orElse("0")));
          scalar(8, "protocol", port.protocol().name());
        }
        if (rule.dnsProxy()) {
          object(6, "rules");
          list(8, "dns");
          item(8);
          scalar(10, "matchPattern", "*");
        }
      }
    }
    object(2, "endpointSelector");
    stringMap(4, "matchLabels", p.endpointSelector(), false);
  }

  private void serviceSpec(Service s) {
    List<String> ranges = s.loadBalancerSourceRanges().stream().map(Cidr::asWritten).toList();
    scalarList(2, "loadBalancerSourceRanges", ranges, true);
    if (s.ports().isEmpty()) {
      emptyList(2, "ports");
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

  // Primitives.

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

  /**
   * Records {@code key} as the latest at {@code indent} and says whether it follows the one
   * before it in {@code order}; a key also ends every map nested deeper. Called only inside
   * {@code assert}, so the check runs in every test and costs nothing in production.
   */
  private boolean keyFollows(int indent, String key, Comparator<String> order) {
    String previous = lastKeyAt[indent];
    Arrays.fill(lastKeyAt, indent, lastKeyAt.length, null);
    lastKeyAt[indent] = key;
    return previous == null || order.compare(previous, key) < 0;
  }

  /** A new list item: the map it may hold starts afresh. */
  private boolean itemStarts(int indent) {
    Arrays.fill(lastKeyAt, indent + 2, lastKeyAt.length, null);
    return true;
  }

  // Keys named in this class are plain words, written as they are; keys that come from data
  // (labels, annotations, selectors, feature gates) are written through YamlScalars.

  private void key(int indent, String key) {
    assert keyFollows(indent, key, KeyOrder.FIELDS) : key + " is out of KeyOrder in its map";
    prefix(indent);
    out.append(key);
  }

  private void scalar(int indent, String key, String value) {
    key(indent, key);
    out.append(": ").append(YamlScalars.scalar(value)).append('\n');
  }

  private void number(int indent, String key, int value) {
    key(indent, key);
    out.append(": ").append(value).append('\n');
  }

  private void bool(int indent, String key, boolean value) {
    key(indent, key);
    out.append(": ").append(value).append('\n');
  }

  private void object(int indent, String key) {
    key(indent, key);
    out.append(":\n");
  }

  private void emptyMap(int indent, String key) {
    key(indent, key);
    out.append(": {}\n");
  }

  private void emptyList(int indent, String key) {
    key(indent, key);
    out.append(": []\n");
  }

  private void list(int indent, String key) {
    object(indent, key);
  }

  private void item(int indent) {
    assert itemStarts(indent);
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
        emptyList(indent, key);
      }
      return;
    }
    list(indent, key);
    for (String v : values) {
      item(indent);
      atItemStart = false;
      out.append(YamlScalars.scalar(v)).append('\n');
    }
  }

  /**
   * A map of strings (labels, annotations, selectors) in {@link KeyOrder#DATA}; left out when
   * empty and {@code omitEmpty}.
   */
  private void stringMap(int indent, String key, Map<String, String> map, boolean omitEmpty) {
    if (map.isEmpty()) {
      if (!omitEmpty) {
        emptyMap(indent, key);
      }
      return;
    }
    object(indent, key);
    // The model's maps are sorted by natural order already; anything else is sorted here.
    Map<String, String> sorted = map instanceof SortedMap<String, String> m && m.comparator() == null ? map
        : new TreeMap<>(map);
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      assert keyFollows(indent + 2, e.getKey(), KeyOrder.DATA) : e.getKey() + " is out of order";
      prefix(indent + 2);
      out.append(YamlScalars.scalar(e.getKey())).append(": ").append(YamlScalars.scalar(e.getValue())).append('\n');
    }
  }
}
