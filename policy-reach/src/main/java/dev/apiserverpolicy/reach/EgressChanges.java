package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.manifest.CiliumNetworkPolicy;
import dev.apiserverpolicy.model.manifest.NetworkPolicy;
import dev.apiserverpolicy.model.manifest.PolicyType;
import dev.apiserverpolicy.render.ClusterManifests;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What changes in where a cluster's apiserver pods may connect. Both sides are asked about the
 * same probes: every peer either side names, any other pod, and one address of each cell into
 * which the ipBlocks of both sides cut the address space (within a cell, both sides treat every
 * address alike, so the answer for one is the answer for all).
 */
final class EgressChanges {
  private EgressChanges() {}

  static List<AccessChange> between(ClusterManifests base, ClusterManifests head) {
    Side b = Side.of(base);
    Side h = Side.of(head);
    boolean before = b.restricted();
    boolean after = h.restricted();
    if (!before && !after) {
      return List.of();
    }
    if (before != after) {
      return List.of(restriction(b, h));
    }
    List<AccessChange> changes = new ArrayList<>(probed(b, h));
    changes.addAll(addresses(b, h));
    return changes;
  }

  /** The subject of a change of egress from restricted to unrestricted, or back. */
  static final String EVERY_DESTINATION = "every destination";

  /** Egress restricted on one side only: say so once rather than list every destination. */
  private static AccessChange restriction(Side b, Side h) {
    String unrestricted = "unrestricted: no policy selects the apiserver pods";
    if (b.restricted()) {
      return new AccessChange(AccessChange.Kind.EGRESS, EVERY_DESTINATION, "restricted by " + b.names(),
          unrestricted, List.of(ConnectionSet.all().toString()), List.of(), List.of(), List.of());
    }
    return new AccessChange(AccessChange.Kind.EGRESS, EVERY_DESTINATION, unrestricted, "restricted by "
        + h.names(), List.of(), List.of("whatever " + h.names() + " do not allow"), h.policyNames(), List.of());
  }

  private static List<AccessChange> probed(Side b, Side h) {
    Map<String, Probe> probes = new LinkedHashMap<>();
    b.peerProbes().forEach(probes::putIfAbsent);
    h.peerProbes().forEach(probes::putIfAbsent);
    probes.put(AccessExplainer.ANY_OTHER_POD.target(), AccessExplainer.ANY_OTHER_POD);
    List<AccessChange> changes = new ArrayList<>();
    for (Probe probe : probes.values()) {
      if (probe.address().isPresent()) {
        continue;
      }
      ConnectionSet before = probe.allowedIn(b.reach(), b.apiserver());
      ConnectionSet after = probe.allowedIn(h.reach(), h.apiserver());
      if (!before.equals(after)) {
        changes.add(change(probe.target(), before, after,
            probe.allowedBy(h.reach(), h.apiserver(), h.namespace(), after.minus(before)),
            probe.allowedBy(b.reach(), b.apiserver(), b.namespace(), before.minus(after))));
      }
    }
    return changes;
  }

  private static AccessChange change(String subject, ConnectionSet before, ConnectionSet after,
      List<String> allowedBy, List<String> allowedBefore) {
    ConnectionSet added = after.minus(before);
    ConnectionSet removed = before.minus(after);
    return new AccessChange(AccessChange.Kind.EGRESS, subject, before.toString(), after.toString(),
        added.isEmpty() ? List.of() : List.of(added.toString()), removed.isEmpty() ? List.of()
            : List.of(removed.toString()), added.isEmpty() ? List.of() : allowedBy,
        removed.isEmpty() ? List.of() : allowedBefore);
  }

  /** Addresses whose answer changed, grouped by (before, after): one change per group. */
  private static List<AccessChange> addresses(Side b, Side h) {
    Map<List<ConnectionSet>, AddressGroup> groups = new LinkedHashMap<>();
    for (Cidr.Family family : Cidr.Family.values()) {
      for (AddressRange cell : cells(family, b.reach(), h.reach())) {
        Probe probe = Probe.ofAddress(cell.toString(), cell.representative());
        ConnectionSet before = probe.allowedIn(b.reach(), b.apiserver());
        ConnectionSet after = probe.allowedIn(h.reach(), h.apiserver());
        if (before.equals(after)) {
          continue;
        }
        AddressGroup group = groups.computeIfAbsent(List.of(before, after), k -> new AddressGroup());
        group.addresses.addAll(Cidr.covering(family, cell.first(), cell.last()));
        group.allowedBy.addAll(probe.allowedBy(h.reach(), h.apiserver(), h.namespace(), after.minus(before)));
        group.allowedBefore.addAll(probe.allowedBy(b.reach(), b.apiserver(), b.namespace(), before.minus(after)));
      }
    }
    List<AccessChange> changes = new ArrayList<>();
    groups.forEach((pair, group) -> changes.add(change(AddressText.line(group.addresses), pair.get(0), pair.get(1),
        List.copyOf(group.allowedBy), List.copyOf(group.allowedBefore))));
    return changes;
  }

  /** The cells both sides' ipBlocks cut the family's address space into. */
  private static List<AddressRange> cells(Cidr.Family family, Reachability base, Reachability head) {
    TreeSet<BigInteger> starts = new TreeSet<>();
    base.addressCells(family, PolicyType.EGRESS).forEach(c -> starts.add(c.first()));
    head.addressCells(family, PolicyType.EGRESS).forEach(c -> starts.add(c.first()));
    List<BigInteger> sorted = new ArrayList<>(starts);
    BigInteger end = BigInteger.ONE.shiftLeft(family.bits());
    List<AddressRange> cells = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      BigInteger next = i + 1 < sorted.size() ? sorted.get(i + 1) : end;
      cells.add(new AddressRange(family, sorted.get(i), next.subtract(BigInteger.ONE)));
    }
    return cells;
  }

  private static final class AddressGroup {
    private final List<Cidr> addresses = new ArrayList<>();
    private final TreeSet<String> allowedBy = new TreeSet<>();
    private final TreeSet<String> allowedBefore = new TreeSet<>();
  }

  /** One side's policies, evaluator and apiserver pod. */
  private record Side(List<NetworkPolicy> policies, List<CiliumNetworkPolicy> cilium, Reachability reach,
      Pod apiserver, String namespace) {
    static Side of(ClusterManifests m) {
      List<NetworkPolicy> policies = m.objects().stream().filter(NetworkPolicy.class::isInstance)
          .map(NetworkPolicy.class::cast).toList();
      List<CiliumNetworkPolicy> cilium = m.objects().stream().filter(CiliumNetworkPolicy.class::isInstance)
          .map(CiliumNetworkPolicy.class::cast).toList();
      Pod apiserver = AccessExplainer.apiserverPod(m);
      return new Side(policies, cilium, new Reachability(List.of(), policies, cilium), apiserver, m.namespace());
    }

    boolean restricted() {
      return reach.egressRestricted(apiserver);
    }

    Map<String, Probe> peerProbes() {
      return Probe.ofPeers(policies, cilium, namespace);
    }

    List<String> policyNames() {
      List<String> names = new ArrayList<>();
      reach.selecting(apiserver, PolicyType.EGRESS).forEach(p -> names.add(p.metadata().name()));
      reach.selectingCilium(apiserver).forEach(p -> names.add(p.metadata().name()));
      return names;
    }

    String names() {
      List<String> names = policyNames();
      return names.size() == 1 ? "policy " + names.get(0) : names.size() + " policies";
    }
  }
}
