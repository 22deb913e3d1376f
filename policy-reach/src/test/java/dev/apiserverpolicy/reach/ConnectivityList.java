package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.manifest.PolicyType;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The analyzer's connectivity list for a case: {@code SRC => DST : CONNS}, sorted. */
final class ConnectivityList {
  private ConnectivityList() {}

  static List<String> of(CorpusCase c) {
    Reachability r = new Reachability(c.namespaces.values(), c.policies);
    TreeSet<String> lines = new TreeSet<>();
    List<CorpusCase.Workload> workloads = new ArrayList<>(c.workloads.values());
    for (CorpusCase.Workload src : workloads) {
      for (CorpusCase.Workload dst : workloads) {
        if (src == dst) {
          continue;
        }
        ConnectionSet conns = ConnectionSet.none();
        for (Pod s : src.pods()) {
          for (Pod d : dst.pods()) {
            conns = conns.union(r.between(s, d));
          }
        }
        add(lines, src.id(), dst.id(), conns);
      }
    }
    // Ingress and egress ipBlocks cut the address space separately, as the analyzer does.
    for (AddressRange cell : r.addressCells(Cidr.Family.IPV4, PolicyType.INGRESS)) {
      for (CorpusCase.Workload w : workloads) {
        ConnectionSet in = ConnectionSet.none();
        for (Pod p : w.pods()) {
          in = in.union(r.fromAddress(cell.representative(), p));
        }
        add(lines, cell + "[External]", w.id(), in);
      }
    }
    for (AddressRange cell : r.addressCells(Cidr.Family.IPV4, PolicyType.EGRESS)) {
      for (CorpusCase.Workload w : workloads) {
        ConnectionSet out = ConnectionSet.none();
        for (Pod p : w.pods()) {
          out = out.union(r.toAddress(p, cell.representative()));
        }
        add(lines, w.id(), cell + "[External]", out);
      }
    }
    return List.copyOf(lines);
  }

  private static void add(TreeSet<String> lines, String src, String dst, ConnectionSet conns) {
    if (!conns.isEmpty()) {
      lines.add(src + " => " + dst + " : " + conns);
    }
  }
}
