package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.ExtraEgressRule;
import dev.apiserverpolicy.model.IpBlock;
import dev.apiserverpolicy.model.LabelSelector;
import dev.apiserverpolicy.model.LabelSelectorRequirement;
import dev.apiserverpolicy.model.NetworkPolicyPeer;
import dev.apiserverpolicy.model.NetworkPolicyPort;
import dev.apiserverpolicy.model.Protocol;
import dev.apiserverpolicy.model.RenderContext;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Up to two extraEgress entries of random peers: ipBlocks with exceptions, pod and namespace
 * selectors with labels and every expression operator, host names (resolved, or by name under
 * the Cilium flavour, wildcards where allowed), and ports by number, range, name or protocol only.
 */
final class RandomExtraEgress {
  /** Named ports the witness pods carry, and one they do not. */
  static final String[] PORT_NAMES = {"metrics", "syslog", "absent"};

  private final SplittableRandom random;
  private final Map<String, List<Cidr>> resolved;
  private final boolean wildcards;

  RandomExtraEgress(SplittableRandom random, Map<String, List<Cidr>> resolved, boolean wildcards) {
    this.random = random;
    this.resolved = resolved;
    this.wildcards = wildcards;
  }

  void addTo(RenderContext.Builder context) {
    for (int i = 0, n = random.nextInt(3); i < n; i++) {
      context.addExtraEgress(entry("extra-" + i + "-allow"));
    }
  }

  private ExtraEgressRule entry(String name) {
    ExtraEgressRule.Builder rule = ExtraEgressRule.builder().name(name).description("An operator's own target.");
    boolean hosts = random.nextInt(3) == 0;
    if (hosts) {
      String host = "sink" + random.nextInt(3) + ".example.net";
      resolved.put(host, RandomClusterInputs.addresses(random, 1, 2));
      rule.addHosts(host);
      if (wildcards && random.nextBoolean()) {
        rule.addHosts("*.logs.example.net");
      }
    }
    for (int i = 0, n = (hosts ? 0 : 1) + random.nextInt(2); i < n; i++) {
      rule.addTo(peer());
    }
    for (int i = 0, n = random.nextInt(3); i < n; i++) {
      rule.addPorts(port(!hosts));
    }
    return rule.build();
  }

  private NetworkPolicyPeer peer() {
    NetworkPolicyPeer.Builder peer = NetworkPolicyPeer.builder();
    switch (random.nextInt(4)) {
      case 0 -> peer.ipBlock(ipBlock());
      case 1 -> peer.podSelector(selector("app", new String[] {"audit", "sink", "etcd"}));
      case 2 -> peer.namespaceSelector(selector("team", new String[] {"audit", "ops"}));
      default -> peer.namespaceSelector(selector("team", new String[] {"audit", "ops"}))
          .podSelector(selector("app", new String[] {"audit", "sink"}));
    }
    return peer.build();
  }

  private IpBlock ipBlock() {
    boolean v4 = random.nextBoolean();
    Cidr cidr = v4 ? Cidr.parse("192.0.2." + random.nextInt(256) + "/32").truncate(24 + random.nextInt(6))
        : Cidr.parse("2001:db8:3::" + Integer.toHexString(random.nextInt(65536)) + "/128")
            .truncate(112 + random.nextInt(10));
    IpBlock.Builder block = IpBlock.builder().cidr(cidr);
    if (random.nextBoolean()) {
      int hostBits = cidr.family().bits() - cidr.prefixLength();
      BigInteger inside = cidr.firstAddress().add(BigInteger.valueOf(random.nextInt(1 << hostBits)));
      block.addExcept(Cidr.of(cidr.family(), inside, cidr.family().bits())
          .truncate(cidr.prefixLength() + 1 + random.nextInt(hostBits)));
    }
    return block.build();
  }

  private LabelSelector selector(String key, String[] values) {
    LabelSelector.Builder s = LabelSelector.builder();
    int form = random.nextInt(4);
    if (form <= 1) {
      s.putMatchLabels(key, values[random.nextInt(values.length)]);
    }
    if (form >= 1) {
      LabelSelectorRequirement.Operator[] operators = LabelSelectorRequirement.Operator.values();
      LabelSelectorRequirement.Operator op = operators[random.nextInt(operators.length)];
      LabelSelectorRequirement.Builder r = LabelSelectorRequirement.builder().key(form == 3 ? "tier" : key)
          .operator(op);
      if (op == LabelSelectorRequirement.Operator.IN || op == LabelSelectorRequirement.Operator.NOT_IN) {
        r.addValues(values[random.nextInt(values.length)]);
      }
      s.addMatchExpressions(r.build());
    }
    return s.build();
  }

  private NetworkPolicyPort port(boolean namedAllowed) {
    NetworkPolicyPort.Builder p = NetworkPolicyPort.builder()
        .protocol(Protocol.values()[random.nextInt(Protocol.values().length)]);
    int form = random.nextInt(namedAllowed ? 4 : 3);
    if (form == 0 || form == 1) {
      int number = 1 + random.nextInt(65535);
      p.port(number);
      if (form == 1) {
        p.endPort(Math.min(65535, number + random.nextInt(100)));
      }
    } else if (form == 3) {
      p.namedPort(PORT_NAMES[random.nextInt(PORT_NAMES.length)]);
    }
    return p.build();
  }
}
