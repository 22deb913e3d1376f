package dev.apiserverpolicy.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apiserverpolicy.model.Cidr;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Small, named examples of each semantic rule of the evaluator. */
class ReachabilityTest {
  private static final Pod A = new Pod("ns", "a", Map.of("app", "a"),
      List.of(new Pod.ContainerPort("http", Protocol.TCP, 8080)));
  private static final Pod B = new Pod("ns", "b", Map.of("app", "b"),
      List.of(new Pod.ContainerPort("http", Protocol.TCP, 9090), new Pod.ContainerPort("dns", Protocol.UDP, 53)));
  private static final Pod OTHER_NS = Pod.of("other", "c", Map.of("app", "a"));

  private static NetworkPolicy.Builder policy(Map<String, String> podLabels) {
    return NetworkPolicy.builder().metadata(ObjectMeta.builder().name("p").namespace("ns").build())
        .podSelector(LabelSelector.builder().putAllMatchLabels(podLabels).build());
  }

  private static NetworkPolicyPeer pods(Map<String, String> labels) {
    return NetworkPolicyPeer.builder().podSelector(LabelSelector.builder().putAllMatchLabels(labels).build()).build();
  }

  @Test
  void unselectedPodsAreOpenAndSelectedOnesClosedByDefault() {
    Reachability none = new Reachability(List.of(), List.of());
    assertEquals(ConnectionSet.all(), none.between(A, B));
    Reachability isolated = new Reachability(List.of(), List.of(policy(Map.of("app", "b"))
        .addPolicyTypes(PolicyType.INGRESS).build()));
    assertEquals(ConnectionSet.none(), isolated.between(A, B));
    assertEquals(ConnectionSet.all(), isolated.between(B, A), "B's egress is not isolated");
  }

  @Test
  void absentPolicyTypesDefaultFromTheRules() {
    NetworkPolicy egressOnlyRules = policy(Map.of("app", "a"))
        .addEgress(NetworkPolicyRule.builder().addPeers(pods(Map.of("app", "nobody"))).build()).build();
    assertEquals(List.of(PolicyType.INGRESS, PolicyType.EGRESS), Reachability.effectiveTypes(egressOnlyRules));
    Reachability r = new Reachability(List.of(), List.of(egressOnlyRules));
    assertEquals(ConnectionSet.none(), r.between(A, B), "egress isolated by its rules");
    assertEquals(ConnectionSet.none(), r.between(B, A), "ingress isolated by default");
  }

  @Test
  void namedPortsResolveOnTheDestinationWithTheirProtocol() {
    NetworkPolicy p = policy(Map.of("app", "a")).addPolicyTypes(PolicyType.EGRESS)
        .addEgress(NetworkPolicyRule.builder()
            .addPorts(NetworkPolicyPort.builder().namedPort("http").build())
            .addPorts(NetworkPolicyPort.builder().protocol(Protocol.TCP).namedPort("dns").build()).build())
        .build();
    Reachability r = new Reachability(List.of(), List.of(p));
    assertEquals(ConnectionSet.of(Protocol.TCP, 9090, 9090), r.between(A, B), "B's http; dns is UDP on B");
  }

  @Test
  void endPortAndExpressions() {
    NetworkPolicy p = policy(Map.of()).addPolicyTypes(PolicyType.INGRESS)
        .addIngress(NetworkPolicyRule.builder()
            .addPeers(NetworkPolicyPeer.builder().podSelector(LabelSelector.builder().addMatchExpressions(
                LabelSelectorRequirement.builder().key("app").operator(LabelSelectorRequirement.Operator.NOT_IN)
                    .addValues("b").build()).build()).build())
            .addPorts(NetworkPolicyPort.builder().protocol(Protocol.SCTP).port(100).endPort(200).build()).build())
        .build();
    Reachability r = new Reachability(List.of(), List.of(p));
    assertEquals(ConnectionSet.of(Protocol.SCTP, 100, 200), r.between(A, B));
    assertEquals(ConnectionSet.none(), r.between(B, A), "NotIn excludes b");
  }

  @Test
  void namespaceSelectorsAndTheDefaultNamespace() {
    NetworkPolicy p = policy(Map.of("app", "b")).addPolicyTypes(PolicyType.INGRESS)
        .addIngress(NetworkPolicyRule.builder().addPeers(pods(Map.of("app", "a"))).build())
        .addIngress(NetworkPolicyRule.builder().addPeers(NetworkPolicyPeer.builder()
            .namespaceSelector(LabelSelector.builder().putMatchLabels("team", "x").build()).build())
            .addPorts(NetworkPolicyPort.builder().port(1).build()).build())
        .build();
    Reachability r = new Reachability(List.of(Namespace.of("other", Map.of("team", "x"))), List.of(p));
    assertEquals(ConnectionSet.all(), r.between(A, B), "same namespace");
    assertEquals(ConnectionSet.of(Protocol.TCP, 1, 1), r.between(OTHER_NS, B),
        "a pod selector alone means the policy's namespace; the other namespace matches by label");
  }

  @Test
  void ipBlocksWithExceptions() {
    NetworkPolicy p = policy(Map.of("app", "a")).addPolicyTypes(PolicyType.EGRESS)
        .addEgress(NetworkPolicyRule.builder().addPeers(NetworkPolicyPeer.builder().ipBlock(IpBlock.builder()
            .cidr(Cidr.parse("10.0.0.0/8")).addExcept(Cidr.parse("10.1.0.0/16")).build()).build()).build())
        .build();
    Reachability r = new Reachability(List.of(), List.of(p));
    assertEquals(ConnectionSet.all(), r.toAddress(A, Cidr.parseHost("10.2.0.1")));
    assertEquals(ConnectionSet.none(), r.toAddress(A, Cidr.parseHost("10.1.0.1")));
    assertEquals(ConnectionSet.none(), r.toAddress(A, Cidr.parseHost("11.0.0.1")));
    assertEquals(List.of("0.0.0.0-9.255.255.255", "10.0.0.0-10.0.255.255", "10.1.0.0-10.1.255.255",
        "10.2.0.0-10.255.255.255", "11.0.0.0-255.255.255.255"),
        r.addressCells(Cidr.Family.IPV4, PolicyType.EGRESS).stream().map(Object::toString).toList());
  }
}
