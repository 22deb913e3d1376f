package dev.apiserverpolicy.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.IpBlock;
import dev.apiserverpolicy.model.LabelSelector;
import dev.apiserverpolicy.model.NetworkPolicyPeer;
import dev.apiserverpolicy.model.manifest.CiliumEgressRule;
import dev.apiserverpolicy.model.manifest.NetworkPolicy;
import dev.apiserverpolicy.model.manifest.NetworkPolicyRule;
import dev.apiserverpolicy.model.manifest.ObjectMeta;
import dev.apiserverpolicy.model.manifest.PolicyType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 23, item 4: the evaluator's handling of ipBlocks, their exceptions and names, as PIT found it untested. */
class AddressHandlingTest {
  private static NetworkPolicyPeer block(String cidr, String... except) {
    IpBlock.Builder b = IpBlock.builder().cidr(Cidr.parse(cidr));
    for (String e : except) {
      b.addExcept(Cidr.parse(e));
    }
    return NetworkPolicyPeer.builder().ipBlock(b.build()).build();
  }

  private static NetworkPolicy policy(PolicyType type, NetworkPolicyPeer... peers) {
    NetworkPolicyRule rule = NetworkPolicyRule.builder().addPeers(peers).build();
    NetworkPolicy.Builder p = NetworkPolicy.builder().metadata(ObjectMeta.builder().name("p").namespace("ns").build())
        .podSelector(LabelSelector.builder().build()).addPolicyTypes(type);
    return (type == PolicyType.EGRESS ? p.addEgress(rule) : p.addIngress(rule)).build();
  }

  @Test
  void anAddressIsCoveredByABlockUnlessAnExceptionHoldsIt() {
    Reachability r = new Reachability(List.of(), List.of(policy(PolicyType.EGRESS,
        block("10.0.0.0/24", "10.0.0.128/25"))));
    assertTrue(r.coveredByIpBlock(Cidr.parse("10.0.0.1/32")));
    assertFalse(r.coveredByIpBlock(Cidr.parse("10.0.0.200/32")), "in the exception");
    assertFalse(r.coveredByIpBlock(Cidr.parse("10.0.1.1/32")), "outside the block");
    Reachability ingress = new Reachability(List.of(), List.of(policy(PolicyType.INGRESS, block("192.0.2.0/24"))));
    assertTrue(ingress.coveredByIpBlock(Cidr.parse("192.0.2.9/32")), "ingress blocks count too");
    assertFalse(new Reachability(List.of(), List.of()).coveredByIpBlock(Cidr.parse("192.0.2.9/32")));
  }

  @Test
  void aFamilysCellsAreCutOnlyByBlocksOfThatFamily() {
    Reachability r = new Reachability(List.of(), List.of(policy(PolicyType.EGRESS, block("2001:db8::/32"),
        block("10.0.0.0/8", "10.1.0.0/16"))));
    assertEquals(List.of("0.0.0.0-9.255.255.255", "10.0.0.0-10.0.255.255", "10.1.0.0-10.1.255.255",
        "10.2.0.0-10.255.255.255", "11.0.0.0-255.255.255.255"),
        r.addressCells(Cidr.Family.IPV4, PolicyType.EGRESS).stream().map(AddressRange::toString).toList());
    assertEquals(List.of("0.0.0.0-255.255.255.255"),
        r.addressCells(Cidr.Family.IPV4, PolicyType.INGRESS).stream().map(AddressRange::toString).toList());
    assertEquals(3, r.addressCells(Cidr.Family.IPV6, PolicyType.EGRESS).size());
  }

  @Test
  void namesMatchLiterallyOrByAPatternWithinOneLabel() {
    CiliumEgressRule rule = CiliumEgressRule.builder().addToFqdnNames("dex.example.com")
        .addToFqdnPatterns("*.logs.example.com").build();
    assertTrue(Reachability.namesMatch(rule, "Dex.Example.com"));
    assertTrue(Reachability.namesMatch(rule, "eu-1.logs.example.com"));
    assertFalse(Reachability.namesMatch(rule, "a.b.logs.example.com"), "one label only");
    assertFalse(Reachability.namesMatch(rule, "logs.example.com"));
    assertFalse(Reachability.namesMatch(rule, "other.example.com"));
  }
}
