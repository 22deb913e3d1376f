package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.LabelSelector;
import dev.apiserverpolicy.model.LabelSelectorRequirement;
import dev.apiserverpolicy.model.Protocol;
import dev.apiserverpolicy.reach.Allowance.Probe;
import dev.apiserverpolicy.reach.Allowance.ToAddress;
import dev.apiserverpolicy.reach.Allowance.ToEntity;
import dev.apiserverpolicy.reach.Allowance.ToName;
import dev.apiserverpolicy.reach.Allowance.ToPod;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The places to ask both readings about. For every selector either side names: a pod that
 * matches it, and its near misses (each label it looks at removed, changed, or set to each value
 * it lists; the same pod in another namespace). For every range either side names: both ends of
 * every cell the ranges of both sides cut the address space into, so that every address of both
 * families is answered for. Names and entities either side names, and decoys beside them.
 */
final class ProbeSet {
  private static final List<Pod.ContainerPort> PORTS = List.of(new Pod.ContainerPort("metrics", Protocol.TCP, 9100),
      new Pod.ContainerPort("syslog", Protocol.UDP, 514));

  private final String clusterNamespace;
  private final Map<String, Namespace> namespaces = new TreeMap<>();
  private final Set<Probe> probes = new LinkedHashSet<>();
  private final Map<Cidr.Family, TreeSet<BigInteger>> cuts = new EnumMap<>(Cidr.Family.class);
  private int fresh;

  ProbeSet(String clusterNamespace) {
    this.clusterNamespace = clusterNamespace;
    namespaces.put(clusterNamespace, Namespace.of(clusterNamespace, Map.of()));
    for (Cidr.Family family : Cidr.Family.values()) {
      cuts.put(family, new TreeSet<>(List.of(BigInteger.ZERO)));
    }
    List.of("world", "kube-apiserver", "host", "cluster", "remote-node").forEach(e -> probes.add(new ToEntity(e)));
    List.of("evil.example.com", "example.com").forEach(this::name);
  }

  /** Pods selected by a namespace selector (absent: {@code policyNamespace}) and a pod selector, and near misses. */
  void pods(Optional<LabelSelector> namespaceSelector, Optional<LabelSelector> podSelector, String policyNamespace) {
    Map<String, String> podLabels = podSelector.map(ProbeSet::satisfying).orElse(Map.of());
    List<Map<String, String>> podVariants = variants(podLabels, podSelector);
    if (namespaceSelector.isEmpty()) {
      Namespace home = namespace(Map.of(Namespace.NAME_LABEL, policyNamespace));
      podVariants.forEach(labels -> pod(home, labels));
      pod(namespace(Map.of("team", "elsewhere")), podLabels);
      return;
    }
    Map<String, String> namespaceLabels = satisfying(namespaceSelector.get());
    for (Map<String, String> labels : variants(namespaceLabels, namespaceSelector)) {
      pod(namespace(labels), podLabels);
    }
    Namespace selected = namespace(namespaceLabels);
    podVariants.forEach(labels -> pod(selected, labels));
    pod(namespace(Map.of(Namespace.NAME_LABEL, clusterNamespace)), podLabels);
  }

  /** Both ends of {@code range} cut the address space. */
  void range(Cidr range) {
    TreeSet<BigInteger> family = cuts.get(range.family());
    family.add(range.firstAddress());
    BigInteger next = range.lastAddress().add(BigInteger.ONE);
    if (next.bitLength() <= range.family().bits()) {
      family.add(next);
    }
  }

  /** A name, a pattern's match, and names beside it. */
  void name(String nameOrPattern) {
    String host = nameOrPattern.startsWith("*.") ? "x" + nameOrPattern.substring(1) : nameOrPattern;
    for (String probe : List.of(host, host.toUpperCase(java.util.Locale.ROOT), "x" + host, "a." + host,
        host + ".evil.net", host.substring(host.indexOf('.') + 1))) {
      probes.add(new ToName(probe));
    }
  }

  void entity(String entity) {
    probes.add(new ToEntity(entity));
  }

  Collection<Namespace> namespaces() {
    return namespaces.values();
  }

  /** Every probe, with both ends of every address cell. */
  List<Probe> all() {
    List<Probe> out = new ArrayList<>(probes);
    addresses().forEach(a -> out.add(new ToAddress(a)));
    return out;
  }

  /** Both ends of every cell the ranges given cut the address space of each family into. */
  List<Cidr> addresses() {
    List<Cidr> out = new ArrayList<>();
    cuts.forEach((family, starts) -> {
      BigInteger end = BigInteger.ONE.shiftLeft(family.bits());
      List<BigInteger> ordered = new ArrayList<>(starts);
      for (int i = 0; i < ordered.size(); i++) {
        BigInteger last = (i + 1 < ordered.size() ? ordered.get(i + 1) : end).subtract(BigInteger.ONE);
        out.add(Cidr.of(family, ordered.get(i), family.bits()));
        out.add(Cidr.of(family, last, family.bits()));
      }
    });
    return out;
  }

  private void pod(Namespace namespace, Map<String, String> labels) {
    probes.add(new ToPod(namespace, new Pod(namespace.name(), "probe-" + probes.size(), labels, PORTS)));
  }

  /** The namespace its labels name (by the name label), else a new one with those labels. */
  private Namespace namespace(Map<String, String> labels) {
    String name = labels.get(Namespace.NAME_LABEL);
    if (name == null) {
      name = "witness-" + fresh++;
    }
    return namespaces.computeIfAbsent(name, n -> Namespace.of(n, labels));
  }

  /**
   * Labels that a selector accepts: its labels, and for each expression the least that meets it.
   * Kept apart from the evaluator's own on purpose (the probes must not share its blind spots).
   */
  static Map<String, String> satisfying(LabelSelector selector) {
    Map<String, String> labels = new TreeMap<>(selector.matchLabels());
    for (LabelSelectorRequirement r : selector.matchExpressions()) {
      switch (r.operator()) {
        case IN -> labels.putIfAbsent(r.key(), r.values().get(0));
        case EXISTS -> labels.putIfAbsent(r.key(), "present");
        default -> { }
      }
    }
    return labels;
  }

  /**
   * {@code labels}, and for every key the selector looks at: that key removed, changed, and set
   * to each value named.
   */
  private static List<Map<String, String>> variants(Map<String, String> labels, Optional<LabelSelector> selector) {
    Map<String, Set<String>> keys = new TreeMap<>();
    labels.forEach((k, v) -> keys.computeIfAbsent(k, x -> new TreeSet<>()).add(v));
    selector.ifPresent(s -> s.matchExpressions().forEach(r -> keys.computeIfAbsent(r.key(), x -> new TreeSet<>())
        .addAll(r.values())));
    List<Map<String, String>> out = new ArrayList<>();
    out.add(labels);
    keys.forEach((key, values) -> {
      Set<String> candidates = new TreeSet<>(values);
      candidates.add("other");
      values.forEach(v -> candidates.add(v + "x"));
      out.add(without(labels, key));
      candidates.forEach(v -> out.add(with(labels, key, v)));
    });
    return out;
  }

  private static Map<String, String> without(Map<String, String> labels, String key) {
    Map<String, String> out = new TreeMap<>(labels);
    out.remove(key);
    return out;
  }

  private static Map<String, String> with(Map<String, String> labels, String key, String value) {
    Map<String, String> out = new TreeMap<>(labels);
    out.put(key, value);
    return out;
  }
}
