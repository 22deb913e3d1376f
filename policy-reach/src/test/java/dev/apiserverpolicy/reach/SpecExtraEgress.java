package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.ExtraEgressRule;
import dev.apiserverpolicy.model.NetworkPolicyPeer;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.reach.Allowance.Addresses;
import dev.apiserverpolicy.reach.Allowance.Name;
import dev.apiserverpolicy.reach.Allowance.Pods;
import dev.apiserverpolicy.render.ClusterInputs;
import java.util.List;

/**
 * docs/spec.md section 4's last row, "as declared" in every profile: each peer of an
 * extraEgress entry on its ports; its hosts at the addresses ResolvedHosts gives, or by name
 * under the Cilium flavour's fqdnEgress (4.1).
 */
final class SpecExtraEgress {
  private final ClusterInputs in;
  private final SpecExpectation.Builder out;

  SpecExtraEgress(ClusterInputs in, SpecExpectation.Builder out) {
    this.in = in;
    this.out = out;
  }

  void add() {
    boolean byName = in.context().filter(c -> c.cni().filter("cilium"::equals).isPresent())
        .flatMap(RenderContext::cilium).filter(c -> c.fqdnEgress()).isPresent();
    for (ExtraEgressRule entry : in.context().map(RenderContext::extraEgress).orElse(List.of())) {
      for (NetworkPolicyPeer peer : entry.to()) {
        out.networkPolicy(entry.name());
        if (peer.ipBlock().isPresent()) {
          out.allow(new Addresses(peer.ipBlock().get().cidr(), peer.ipBlock().get().except()), entry.ports());
        } else {
          out.allow(new Pods(peer.namespaceSelector(), peer.podSelector()), entry.ports());
        }
      }
      for (String host : entry.hosts()) {
        if (byName) {
          out.ciliumPolicy(entry.name()).allow(new Name(host), entry.ports());
        } else {
          out.networkPolicy(entry.name());
          for (Cidr address : in.resolvedAddresses().of(host).orElseThrow()) {
            out.allow(new Addresses(address, List.of()), entry.ports());
          }
        }
      }
    }
  }
}
