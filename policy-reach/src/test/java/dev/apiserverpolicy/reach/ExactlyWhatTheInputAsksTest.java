package dev.apiserverpolicy.reach;

import static dev.apiserverpolicy.model.Properties.qt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.LabelSelector;
import dev.apiserverpolicy.model.NetworkPolicyPeer;
import dev.apiserverpolicy.model.Severity;
import dev.apiserverpolicy.model.manifest.CiliumEgressRule;
import dev.apiserverpolicy.model.manifest.CiliumNetworkPolicy;
import dev.apiserverpolicy.model.manifest.KubernetesObject;
import dev.apiserverpolicy.model.manifest.NetworkPolicy;
import dev.apiserverpolicy.model.manifest.NetworkPolicyRule;
import dev.apiserverpolicy.model.manifest.Service;
import dev.apiserverpolicy.reach.Allowance.Addresses;
import dev.apiserverpolicy.reach.Allowance.Entity;
import dev.apiserverpolicy.reach.Allowance.Name;
import dev.apiserverpolicy.reach.Allowance.Pods;
import dev.apiserverpolicy.reach.Allowance.Probe;
import dev.apiserverpolicy.reach.Allowance.ToAddress;
import dev.apiserverpolicy.reach.Allowance.ToEntity;
import dev.apiserverpolicy.reach.Allowance.ToName;
import dev.apiserverpolicy.reach.Allowance.ToPod;
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.engine.ManifestRenderer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/spec.md section 10, invariant 1, with an oracle that owes nothing to the catalogue:
 * {@link SpecOracle} states from the inputs alone, after the spec's tables, which policies a
 * cluster gets, where the apiserver pods may connect and on which ports, and each Service's
 * source ranges. The evaluator, reading the rendered output, must give the same answer for
 * every probe either side gives reason to ask about (no more, no less): every destination
 * the input names, every selector and range the output holds, near misses of each, and every
 * address cell of both families. Random inputs of all three profiles and the Cilium flavour.
 */
class ExactlyWhatTheInputAsksTest {
  @Test
  void theEvaluatorAndTheSpecAgreeOnEveryProbe() {
    qt(1000).forAll(RandomClusterInputs.inputs()).checkAssert(ExactlyWhatTheInputAsksTest::agree);
  }

  static void agree(ClusterInputs in) {
    ClusterManifests rendered = ManifestRenderer.render(in, RenderOptions.defaults());
    assertFalse(rendered.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR),
        () -> "the generator must give renderable inputs: " + rendered.diagnostics());
    SpecExpectation spec = SpecOracle.expect(in);
    List<NetworkPolicy> policies = of(rendered.objects(), NetworkPolicy.class);
    List<CiliumNetworkPolicy> cilium = of(rendered.objects(), CiliumNetworkPolicy.class);
    String where = " (" + spec.profile().id() + ", " + in + ")";
    assertEquals(spec.networkPolicies(), names(policies), () -> "NetworkPolicies" + where);
    assertEquals(spec.ciliumPolicies(), names(cilium), () -> "CiliumNetworkPolicies" + where);
    assertEquals(spec.services(), sourceRanges(spec, of(rendered.objects(), Service.class)), () -> "Services" + where);
    ProbeSet probes = probes(spec, policies, cilium);
    Reachability reach = new Reachability(probes.namespaces(), policies, cilium);
    Pod apiserver = Pod.of(spec.namespace(), "apiserver-0", Map.of("app", "apiserver", "cluster", in.cluster().name()));
    assertEquals(spec.restricted(), reach.egressRestricted(apiserver), () -> "apiserver restricted" + where);
    assertFalse(reach.egressRestricted(Pod.of(spec.namespace(), "etcd-0", Map.of("app", "etcd"))),
        () -> "only the apiserver pods are restricted" + where);
    for (Probe probe : probes.all()) {
      assertEquals(spec.allowed(probe), evaluate(reach, apiserver, probe), () -> probe + where);
    }
  }

  private static ConnectionSet evaluate(Reachability reach, Pod source, Probe probe) {
    if (probe instanceof ToPod p) {
      return reach.between(source, p.pod());
    } else if (probe instanceof ToAddress a) {
      return reach.toAddress(source, a.address());
    } else if (probe instanceof ToName n) {
      return reach.toName(source, n.host());
    }
    return reach.toEntity(source, ((ToEntity) probe).entity());
  }

  /** What either side names: the oracle's destinations, and every peer of the rendered policies. */
  private static ProbeSet probes(SpecExpectation spec, List<NetworkPolicy> policies,
      List<CiliumNetworkPolicy> cilium) {
    ProbeSet probes = new ProbeSet(spec.namespace());
    probes.pods(Optional.empty(), Optional.empty(), spec.namespace());
    for (Allowance a : spec.allowances()) {
      if (a.to() instanceof Pods p) {
        probes.pods(p.namespaces(), p.pods(), spec.namespace());
      } else if (a.to() instanceof Addresses r) {
        probes.range(r.cidr());
        r.except().forEach(probes::range);
      } else if (a.to() instanceof Name n) {
        probes.name(n.nameOrPattern());
      } else if (a.to() instanceof Entity e) {
        probes.entity(e.entity());
      }
    }
    for (NetworkPolicy p : policies) {
      for (NetworkPolicyRule rule : p.egress()) {
        rule.peers().forEach(peer -> peer(probes, peer, p.metadata().namespace()));
      }
    }
    for (CiliumNetworkPolicy p : cilium) {
      p.egress().forEach(rule -> ciliumPeers(probes, rule, p.metadata().namespace()));
    }
    return probes;
  }

  private static void peer(ProbeSet probes, NetworkPolicyPeer peer, String namespace) {
    if (peer.ipBlock().isPresent()) {
      probes.range(peer.ipBlock().get().cidr());
      peer.ipBlock().get().except().forEach(probes::range);
    } else {
      probes.pods(peer.namespaceSelector(), peer.podSelector(), namespace);
    }
  }

  private static void ciliumPeers(ProbeSet probes, CiliumEgressRule rule, String namespace) {
    rule.toFqdnNames().forEach(probes::name);
    rule.toFqdnPatterns().forEach(probes::name);
    rule.toEntities().forEach(probes::entity);
    for (Map<String, String> endpoint : rule.toEndpoints()) {
      Map<String, String> labels = new TreeMap<>(endpoint);
      String ns = labels.remove(Reachability.CILIUM_NAMESPACE_LABEL);
      probes.pods(ns == null ? Optional.empty() : Optional.of(LabelSelector.builder()
          .putMatchLabels(Namespace.NAME_LABEL, ns).build()), Optional.of(LabelSelector.builder()
          .putAllMatchLabels(labels).build()), namespace);
    }
  }

  /**
   * Each Service's source ranges as the addresses they admit, compared at both ends of every
   * cell the two lists cut the address space into; the annotation must hold the field's list.
   */
  private static SortedMap<String, List<Cidr>> sourceRanges(SpecExpectation spec, List<Service> services) {
    SortedMap<String, List<Cidr>> out = new TreeMap<>();
    for (Service s : services) {
      List<Cidr> field = s.loadBalancerSourceRanges();
      String annotation = s.metadata().annotations().get("service.beta.kubernetes.io/load-balancer-source-ranges");
      assertEquals(field, annotation == null ? List.of() : Stream.of(annotation.split(",")).map(Cidr::parse).toList(),
          () -> "the annotation of " + s.metadata().name());
      List<Cidr> wanted = spec.services().getOrDefault(s.metadata().name(), List.of());
      out.put(s.metadata().name(), sameAddresses(field, wanted) ? wanted : field);
    }
    return out;
  }

  private static boolean sameAddresses(List<Cidr> a, List<Cidr> b) {
    ProbeSet cells = new ProbeSet("unused");
    a.forEach(cells::range);
    b.forEach(cells::range);
    return cells.addresses().stream().allMatch(address -> a.stream().anyMatch(r -> r.contains(address))
        == b.stream().anyMatch(r -> r.contains(address)));
  }

  private static <T extends KubernetesObject> List<T> of(List<KubernetesObject> objects, Class<T> kind) {
    return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  private static TreeSet<String> names(List<? extends KubernetesObject> objects) {
    return objects.stream().map(o -> o.metadata().name()).collect(Collectors.toCollection(TreeSet::new));
  }
}
