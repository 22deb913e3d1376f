package dev.apiserverpolicy.render.yaml;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ClusterNetwork;
import dev.apiserverpolicy.model.ClusterSpec;
import dev.apiserverpolicy.model.ResolvedHosts;
import dev.apiserverpolicy.model.manifest.KubernetesObject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one YAML writer: NetworkPolicies, Services, kustomizations and defaulted Clusters, written
 * straight into the caller's buffer, without intermediate trees. The rendered objects' shape is
 * {@link ObjectShapes}'s, the others' is stated here. Keys in {@link KeyOrder}; block style, one
 * scalar a line, scalars as {@link YamlScalars} writes them. Tests hold it byte for byte to a
 * reference that builds sorted trees and emits them.
 */
final class YamlDocumentWriter implements ShapeSink {
  private final StringBuilder out;
  // The indentation of the keys being written: 2 more inside a map or a list item.
  private int indent;
  // True right after "- ": the next key of the item's map goes on the same line.
  private boolean atItemStart;
  // The last key written at each indentation, for the order check below.
  private final String[] lastKeyAt = new String[INDENTS.length];

  private YamlDocumentWriter(StringBuilder out) {
    this.out = out;
  }

  /** Writes one object as a document body (no {@code ---}). */
  static void write(StringBuilder out, KubernetesObject object) {
    ObjectShapes.write(object, new YamlDocumentWriter(out));
  }

  /** A kustomization listing {@code resources}, for one cluster's folder. */
  static void writeKustomization(StringBuilder out, List<String> resources) {
    YamlDocumentWriter w = new YamlDocumentWriter(out);
    w.scalar("apiVersion", "kustomize.config.k8s.io/v1beta1");
    w.scalar("kind", "Kustomization");
    ObjectShapes.stringList("resources", resources, false, w);
  }

  /** A ResolvedHosts document: hosts in order, each host's addresses sorted (IPv4 first). */
  static void writeResolvedHosts(StringBuilder out, ResolvedHosts hosts) {
    YamlDocumentWriter w = new YamlDocumentWriter(out);
    w.scalar("apiVersion", "apiserver-policy.dev/v1alpha1");
    w.scalar("kind", "ResolvedHosts");
    w.beginMap("metadata");
    w.scalar("name", hosts.name());
    w.endMap();
    w.beginMap("spec");
    if (hosts.hosts().isEmpty()) {
      w.emptyList("hosts");
    } else {
      w.beginList("hosts");
      hosts.hosts().forEach((host, addresses) -> {
        w.beginItem();
        ObjectShapes.stringList("addresses", addresses.stream().distinct().sorted().map(Cidr::firstAddressText)
            .toList(), false, w);
        w.scalar("name", host);
        w.endItem();
      });
      w.endList();
    }
    w.endMap();
  }

  /** A KKP Cluster with the fields apiserver-policy reads, for printing defaulted clusters. */
  static void writeCluster(StringBuilder out, Cluster cluster) {
    YamlDocumentWriter w = new YamlDocumentWriter(out);
    w.scalar("apiVersion", "kubermatic.k8c.io/v1");
    w.scalar("kind", "Cluster");
    w.beginMap("metadata");
    ObjectShapes.stringMapUnlessEmpty("labels", cluster.labels(), w);
    w.scalar("name", cluster.name());
    w.endMap();
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
      emptyMap("spec");
      return;
    }
    beginMap("spec");
    spec.apiServerAllowedIPRanges().ifPresent(ranges -> cidrBlocks("apiServerAllowedIPRanges", ranges));
    spec.authenticationConfiguration().ifPresent(ref -> {
      beginMap("authenticationConfiguration");
      scalar("secretKey", ref.key());
      scalar("secretName", ref.name());
      endMap();
    });
    if (cloud) {
      beginMap("cloud");
      spec.datacenter().ifPresent(dc -> scalar("dc", dc));
      spec.cloudProvider().ifPresent(p -> scalar("providerName", p));
      endMap();
    }
    if (network) {
      clusterNetwork(n);
    }
    spec.exposeStrategy().ifPresent(e -> scalar("exposeStrategy", e.kkpName()));
    if (!spec.features().isEmpty()) {
      beginMap("features");
      for (Map.Entry<String, Boolean> gate : spec.features().entrySet()) {
        assert keyFollows(indent, gate.getKey(), KeyOrder.DATA) : gate.getKey() + " is out of order";
        prefix();
        out.append(YamlScalars.scalar(gate.getKey())).append(": ").append(gate.getValue()).append('\n');
      }
      endMap();
    }
    spec.kyvernoEnabled().ifPresent(k -> {
      beginMap("kyverno");
      bool("enabled", k);
      endMap();
    });
    spec.oidcIssuerURL().ifPresent(u -> {
      beginMap("oidc");
      scalar("issuerURL", u);
      endMap();
    });
    endMap();
  }

  private void clusterNetwork(ClusterNetwork n) {
    beginMap("clusterNetwork");
    n.ipFamily().ifPresent(f -> scalar("ipFamily", f.kkpName()));
    n.konnectivityEnabled().ifPresent(k -> bool("konnectivityEnabled", k));
    if (!n.podCidrs().isEmpty()) {
      cidrBlocks("pods", n.podCidrs());
    }
    if (!n.serviceCidrs().isEmpty()) {
      cidrBlocks("services", n.serviceCidrs());
    }
    n.tunnelingAgentIP().ifPresent(ip -> scalar("tunnelingAgentIP", ip.firstAddressText()));
    endMap();
  }

  private void cidrBlocks(String key, List<Cidr> cidrs) {
    beginMap(key);
    ObjectShapes.stringList("cidrBlocks", cidrs.stream().map(Cidr::toString).toList(), false, this);
    endMap();
  }

  // Primitives.

  // Indentation as one append rather than one per space; objects never nest deeper than this.
  private static final String[] INDENTS = new String[32];

  static {
    for (int i = 0; i < INDENTS.length; i++) {
      INDENTS[i] = " ".repeat(i);
    }
  }

  private void prefix() {
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
  private boolean keyFollows(int indent, String key, java.util.Comparator<String> order) {
    String previous = lastKeyAt[indent];
    Arrays.fill(lastKeyAt, indent, lastKeyAt.length, null);
    lastKeyAt[indent] = key;
    return previous == null || order.compare(previous, key) < 0;
  }

  /** A new list item: the map it may hold starts afresh. */
  private boolean itemStarts() {
    Arrays.fill(lastKeyAt, indent + 2, lastKeyAt.length, null);
    return true;
  }

  // Keys named in the shapes are plain words, written as they are; keys that come from data
  // (labels, annotations, selectors, feature gates) are written through YamlScalars.

  private void key(String key) {
    assert keyFollows(indent, key, KeyOrder.FIELDS) : key + " is out of KeyOrder in its map";
    prefix();
    out.append(key);
  }

  @Override
  public void scalar(String key, String value) {
    key(key);
    out.append(": ").append(YamlScalars.scalar(value)).append('\n');
  }

  @Override
  public void number(String key, int value) {
    key(key);
    out.append(": ").append(value).append('\n');
  }

  @Override
  public void bool(String key, boolean value) {
    key(key);
    out.append(": ").append(value).append('\n');
  }

  @Override
  public void beginMap(String key) {
    key(key);
    out.append(":\n");
    indent += 2;
  }

  @Override
  public void endMap() {
    indent -= 2;
  }

  @Override
  public void beginList(String key) {
    // Items start at the key's own indentation, as kubectl writes them.
    key(key);
    out.append(":\n");
  }

  @Override
  public void endList() {
    // Nothing to close: a list's items end where the next key starts.
  }

  @Override
  public void beginItem() {
    assert itemStarts();
    out.append(INDENTS[indent]).append("- ");
    atItemStart = true;
    indent += 2;
  }

  @Override
  public void endItem() {
    indent -= 2;
    if (atItemStart) {
      // Nothing was written after "- ": an empty map.
      atItemStart = false;
      out.append("{}\n");
    }
  }

  @Override
  public void stringItem(String value) {
    assert itemStarts();
    out.append(INDENTS[indent]).append("- ").append(YamlScalars.scalar(value)).append('\n');
  }

  @Override
  public void emptyMap(String key) {
    key(key);
    out.append(": {}\n");
  }

  @Override
  public void emptyList(String key) {
    key(key);
    out.append(": []\n");
  }

  /** A map of strings (labels, annotations, selectors) in {@link KeyOrder#DATA}; {@code {}} when empty. */
  @Override
  public void stringMap(String key, Map<String, String> map) {
    if (map.isEmpty()) {
      emptyMap(key);
      return;
    }
    beginMap(key);
    // The model's maps are sorted by natural order already; anything else is sorted here.
    Map<String, String> sorted = map instanceof SortedMap<String, String> m && m.comparator() == null ? map
        : new TreeMap<>(map);
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      assert keyFollows(indent, e.getKey(), KeyOrder.DATA) : e.getKey() + " is out of order";
      prefix();
      out.append(YamlScalars.scalar(e.getKey())).append(": ").append(YamlScalars.scalar(e.getValue())).append('\n');
    }
    endMap();
  }
}
