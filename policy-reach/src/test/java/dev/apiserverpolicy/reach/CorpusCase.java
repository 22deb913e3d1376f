package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.CidrFormatException;
import dev.apiserverpolicy.model.IpBlock;
import dev.apiserverpolicy.model.LabelSelector;
import dev.apiserverpolicy.model.LabelSelectorRequirement;
import dev.apiserverpolicy.model.NetworkPolicyPeer;
import dev.apiserverpolicy.model.NetworkPolicyPort;
import dev.apiserverpolicy.model.Protocol;
import dev.apiserverpolicy.model.manifest.NetworkPolicy;
import dev.apiserverpolicy.model.manifest.NetworkPolicyRule;
import dev.apiserverpolicy.model.manifest.ObjectMeta;
import dev.apiserverpolicy.model.manifest.PolicyType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * One case of the netpol-analyzer corpus, read from its manifests: namespaces, workloads
 * (each a group of pods under one top owner) and NetworkPolicies.
 */
final class CorpusCase {
  private static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "ReplicaSet", "DaemonSet", "StatefulSet",
      "Job", "CronJob", "ReplicationController");

  /** Pods grouped under one owner, shown as {@code ns/name[Kind]}. */
  record Workload(String id, List<Pod> pods) {}

  final Map<String, Namespace> namespaces = new TreeMap<>();
  final Map<String, Workload> workloads = new TreeMap<>();
  final List<NetworkPolicy> policies = new ArrayList<>();

  static CorpusCase read(Path dir) throws IOException {
    CorpusCase c = new CorpusCase();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
    }
    for (Path file : files) {
      for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(
          Files.readString(file, StandardCharsets.UTF_8))) {
        c.add(doc);
      }
    }
    return c;
  }

  private void add(Object doc) {
    add(doc, null);
  }

  /** Adds an object; items of a typed list ({@code PodList}) may leave their kind to the list. */
  @SuppressWarnings("unchecked")
  private void add(Object doc, String impliedKind) {
    if (!(doc instanceof Map<?, ?> m)) {
      return;
    }
    Map<String, Object> o = (Map<String, Object>) m;
    String kind = o.get("kind") == null ? String.valueOf(impliedKind) : String.valueOf(o.get("kind"));
    if (kind.endsWith("List") && o.get("items") instanceof List<?> items) {
      String itemKind = kind.length() > "List".length() ? kind.substring(0, kind.length() - "List".length()) : null;
      items.forEach(item -> add(item, itemKind));
      return;
    }
    Map<String, Object> meta = map(o.get("metadata"));
    String name = String.valueOf(meta.get("name"));
    String namespace = meta.get("namespace") == null ? "default" : String.valueOf(meta.get("namespace"));
    switch (kind) {
      case "Namespace" -> namespaces.put(name, Namespace.of(name, strings(meta.get("labels"))));
      case "NetworkPolicy" -> policies.add(policy(name, namespace, map(o.get("spec"))));
      case "Pod" -> {
        Pod pod = new Pod(namespace, name, strings(meta.get("labels")), containerPorts(map(o.get("spec"))));
        String owner = name;
        String ownerKind = "Pod";
        if (meta.get("ownerReferences") instanceof List<?> refs && !refs.isEmpty()) {
          Map<String, Object> ref = map(refs.get(0));
          owner = String.valueOf(ref.get("name"));
          ownerKind = ref.get("kind") == null ? "Pod" : String.valueOf(ref.get("kind"));
        }
        addPod(namespace + "/" + owner + "[" + ownerKind + "]", pod);
      }
      default -> {
        if (WORKLOAD_KINDS.contains(kind)) {
          Map<String, Object> spec = map(o.get("spec"));
          if (kind.equals("CronJob")) {
            spec = map(map(spec.get("jobTemplate")).get("spec"));
          }
          Map<String, Object> template = map(spec.get("template"));
          Pod pod = new Pod(namespace, name, strings(map(template.get("metadata")).get("labels")),
              containerPorts(map(template.get("spec"))));
          addPod(namespace + "/" + name + "[" + kind + "]", pod);
        }
      }
    }
  }

  private void addPod(String id, Pod pod) {
    workloads.computeIfAbsent(id, k -> new Workload(k, new ArrayList<>())).pods().add(pod);
    namespaces.computeIfAbsent(pod.namespace(), n -> Namespace.of(n, Map.of()));
  }

  private static List<Pod.ContainerPort> containerPorts(Map<String, Object> podSpec) {
    List<Pod.ContainerPort> out = new ArrayList<>();
    for (Object c : list(podSpec.get("containers"))) {
      for (Object p : list(map(c).get("ports"))) {
        Map<String, Object> port = map(p);
        if (port.get("containerPort") instanceof Integer number) {
          out.add(new Pod.ContainerPort(port.get("name") == null ? "" : String.valueOf(port.get("name")),
              protocol(port.get("protocol")), number));
        }
      }
    }
    return out;
  }

  /** A NetworkPolicy as written; absent {@code policyTypes} stay empty and the evaluator defaults them. */
  static NetworkPolicy policy(String name, String namespace, Map<String, Object> spec) {
    List<NetworkPolicyRule> ingress = rules(spec.get("ingress"), "from");
    List<NetworkPolicyRule> egress = rules(spec.get("egress"), "to");
    List<PolicyType> types = new ArrayList<>();
    for (Object t : list(spec.get("policyTypes"))) {
      types.add(String.valueOf(t).equals("Egress") ? PolicyType.EGRESS : PolicyType.INGRESS);
    }
    return NetworkPolicy.builder()
        .metadata(ObjectMeta.builder().name(name).namespace(namespace).build())
        .podSelector(selector(spec.get("podSelector")))
        .policyTypes(types)
        .ingress(ingress)
        .egress(egress)
        .build();
  }

  private static List<NetworkPolicyRule> rules(Object rules, String peersKey) {
    List<NetworkPolicyRule> out = new ArrayList<>();
    for (Object r : list(rules)) {
      Map<String, Object> rule = map(r);
      NetworkPolicyRule.Builder b = NetworkPolicyRule.builder();
      for (Object p : list(rule.get(peersKey))) {
        b.addPeers(peer(map(p)));
      }
      for (Object p : list(rule.get("ports"))) {
        b.addPorts(port(map(p)));
      }
      out.add(b.build());
    }
    return out;
  }

  private static NetworkPolicyPeer peer(Map<String, Object> p) {
    NetworkPolicyPeer.Builder b = NetworkPolicyPeer.builder();
    if (p.get("ipBlock") != null) {
      Map<String, Object> block = map(p.get("ipBlock"));
      IpBlock.Builder ib = IpBlock.builder().cidr(lenientCidr(String.valueOf(block.get("cidr"))));
      for (Object e : list(block.get("except"))) {
        ib.addExcept(lenientCidr(String.valueOf(e)));
      }
      return b.ipBlock(ib.build()).build();
    }
    if (p.containsKey("podSelector")) {
      b.podSelector(selector(p.get("podSelector")));
    }
    if (p.containsKey("namespaceSelector")) {
      b.namespaceSelector(selector(p.get("namespaceSelector")));
    }
    return b.build();
  }

  /** Kubernetes accepts host bits in an ipBlock and means the network. */
  private static Cidr lenientCidr(String text) {
    try {
      return Cidr.parse(text);
    } catch (CidrFormatException e) {
      int slash = text.indexOf('/');
      return Cidr.parseHost(text.substring(0, slash)).truncate(Integer.parseInt(text.substring(slash + 1)));
    }
  }

  private static NetworkPolicyPort port(Map<String, Object> p) {
    NetworkPolicyPort.Builder b = NetworkPolicyPort.builder().protocol(protocol(p.get("protocol")));
    Object port = p.get("port");
    if (port instanceof Integer n) {
      b.port(n);
    } else if (port != null) {
      b.namedPort(String.valueOf(port));
    }
    if (p.get("endPort") instanceof Integer end) {
      b.endPort(end);
    }
    return b.build();
  }

  private static Protocol protocol(Object p) {
    return p == null ? Protocol.TCP : Protocol.fromName(String.valueOf(p)).orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static LabelSelector selector(Object s) {
    Map<String, Object> m = map(s);
    LabelSelector.Builder b = LabelSelector.builder().putAllMatchLabels(strings(m.get("matchLabels")));
    for (Object e : list(m.get("matchExpressions"))) {
      Map<String, Object> expr = map(e);
      b.addMatchExpressions(LabelSelectorRequirement.builder()
          .key(String.valueOf(expr.get("key")))
          .operator(LabelSelectorRequirement.Operator.fromName(String.valueOf(expr.get("operator"))).orElseThrow())
          .addAllValues(((List<Object>) (List<?>) list(expr.get("values"))).stream().map(String::valueOf).toList())
          .build());
    }
    return b.build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  private static Map<String, String> strings(Object o) {
    Map<String, String> out = new TreeMap<>();
    map(o).forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }
}
