package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.NetworkPolicyPort;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.reach.Allowance.Destination;
import dev.apiserverpolicy.reach.Allowance.Probe;
import dev.apiserverpolicy.reach.Allowance.ToPod;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What docs/spec.md says a cluster's output is: the policies by kind and name, the allowances
 * they make together, and the Services with their source ranges (empty: anyone may connect).
 * With the gate off there are no policies and no allowances, and nothing is restricted.
 */
record SpecExpectation(String namespace, Profile profile, SortedSet<String> networkPolicies,
    SortedSet<String> ciliumPolicies, List<Allowance> allowances, SortedMap<String, List<Cidr>> services) {

  boolean restricted() {
    return !networkPolicies.isEmpty() || !ciliumPolicies.isEmpty();
  }

  /** The connections the allowances give to {@code probe}; everything when nothing is restricted. */
  ConnectionSet allowed(Probe probe) {
    if (!restricted()) {
      return ConnectionSet.all();
    }
    ConnectionSet allowed = ConnectionSet.none();
    for (Allowance a : allowances) {
      if (a.to().matches(probe, namespace)) {
        allowed = allowed.union(ports(a.ports(), probe));
      }
    }
    return allowed;
  }

  /** Kubernetes' port list: empty is every port; a name is the destination pod's container port of that name. */
  private static ConnectionSet ports(List<NetworkPolicyPort> ports, Probe probe) {
    if (ports.isEmpty()) {
      return ConnectionSet.all();
    }
    ConnectionSet out = ConnectionSet.none();
    for (NetworkPolicyPort p : ports) {
      if (p.namedPort().isPresent()) {
        if (probe instanceof ToPod pod) {
          for (Pod.ContainerPort c : pod.pod().ports()) {
            if (c.name().equals(p.namedPort().get()) && c.protocol() == p.protocol()) {
              out = out.union(ConnectionSet.of(c.protocol(), c.port(), c.port()));
            }
          }
        }
      } else if (p.port().isEmpty()) {
        out = out.union(ConnectionSet.allPorts(p.protocol()));
      } else {
        out = out.union(ConnectionSet.of(p.protocol(), p.port().get(), p.endPort().orElse(p.port().get())));
      }
    }
    return out;
  }

  /** Collects the expectation; {@link #allow} adds to the policy named last. */
  static final class Builder {
    private final String namespace;
    private final Profile profile;
    private final SortedSet<String> networkPolicies = new TreeSet<>();
    private final SortedSet<String> ciliumPolicies = new TreeSet<>();
    private final List<Allowance> allowances = new ArrayList<>();
    private SortedMap<String, List<Cidr>> services = new java.util.TreeMap<>();

    Builder(String namespace, Profile profile) {
      this.namespace = namespace;
      this.profile = profile;
    }

    Builder networkPolicy(String name) {
      networkPolicies.add(name);
      return this;
    }

    Builder ciliumPolicy(String name) {
      ciliumPolicies.add(name);
      return this;
    }

    Builder allow(Destination to, List<NetworkPolicyPort> ports) {
      allowances.add(new Allowance(to, List.copyOf(ports)));
      return this;
    }

    void services(SortedMap<String, List<Cidr>> byName) {
      services = byName;
    }

    SpecExpectation build() {
      return new SpecExpectation(namespace, profile, networkPolicies, ciliumPolicies, List.copyOf(allowances),
          services);
    }
  }
}
