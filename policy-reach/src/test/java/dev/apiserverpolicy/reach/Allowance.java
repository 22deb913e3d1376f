package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.LabelSelector;
import dev.apiserverpolicy.model.LabelSelectorRequirement;
import dev.apiserverpolicy.model.NetworkPolicyPort;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One thing docs/spec.md says the apiserver pods may do: reach a destination on some ports.
 * Matching is written here from Kubernetes' and Cilium's documented semantics, not taken from
 * the evaluator, so that the oracle and the evaluator are two readings of the same output.
 */
record Allowance(Destination to, List<NetworkPolicyPort> ports) {
  /** Where a connection goes. */
  sealed interface Probe {}

  record ToPod(Namespace namespace, Pod pod) implements Probe {}

  record ToAddress(Cidr address) implements Probe {}

  record ToName(String host) implements Probe {}

  record ToEntity(String entity) implements Probe {}

  /** What an allowance names. */
  sealed interface Destination {
    boolean matches(Probe probe, String clusterNamespace);
  }

  /** Pods by labels: in the cluster namespace without a namespace selector, else in namespaces it selects. */
  record Pods(Optional<LabelSelector> namespaces, Optional<LabelSelector> pods) implements Destination {
    static Pods local(Map<String, String> labels) {
      return new Pods(Optional.empty(), Optional.of(LabelSelector.builder().putAllMatchLabels(labels).build()));
    }

    static Pods in(String namespace, Map<String, String> labels) {
      return new Pods(Optional.of(LabelSelector.builder().putMatchLabels(Namespace.NAME_LABEL, namespace).build()),
          Optional.of(LabelSelector.builder().putAllMatchLabels(labels).build()));
    }

    @Override
    public boolean matches(Probe probe, String clusterNamespace) {
      if (!(probe instanceof ToPod p)) {
        return false;
      }
      boolean namespaceOk = namespaces.map(s -> selects(s, p.namespace().labels()))
          .orElse(p.pod().namespace().equals(clusterNamespace));
      return namespaceOk && pods.map(s -> selects(s, p.pod().labels())).orElse(true);
    }
  }

  /** An ipBlock: the range less its exceptions. */
  record Addresses(Cidr cidr, List<Cidr> except) implements Destination {
    @Override
    public boolean matches(Probe probe, String clusterNamespace) {
      return probe instanceof ToAddress a && cidr.contains(a.address())
          && except.stream().noneMatch(e -> e.contains(a.address()));
    }
  }

  /** A DNS name, or a Cilium pattern where {@code *} stands for any run of one label's characters. */
  record Name(String nameOrPattern) implements Destination {
    @Override
    public boolean matches(Probe probe, String clusterNamespace) {
      if (!(probe instanceof ToName n)) {
        return false;
      }
      String host = n.host().toLowerCase(Locale.ROOT);
      if (!nameOrPattern.startsWith("*.")) {
        return host.equals(nameOrPattern);
      }
      String suffix = nameOrPattern.substring(1);
      return host.endsWith(suffix) && host.substring(0, host.length() - suffix.length()).matches("[-a-z0-9_]*");
    }
  }

  record Entity(String entity) implements Destination {
    @Override
    public boolean matches(Probe probe, String clusterNamespace) {
      return probe instanceof ToEntity e && e.entity().equals(entity);
    }
  }

  /** A rule without peers: every pod, address, name and entity. */
  record Anywhere() implements Destination {
    @Override
    public boolean matches(Probe probe, String clusterNamespace) {
      return true;
    }
  }

  /**
   * Kubernetes' label selector: every label and every expression must hold. Written again here on
   * purpose, not borrowed from the evaluator's {@code LabelSelectors}: the oracle shares no code with
   * what it checks, so one bug cannot hide in both.
   */
  static boolean selects(LabelSelector selector, Map<String, String> labels) {
    if (!labels.entrySet().containsAll(selector.matchLabels().entrySet())) {
      return false;
    }
    for (LabelSelectorRequirement r : selector.matchExpressions()) {
      String value = labels.get(r.key());
      boolean holds = switch (r.operator()) {
        case IN -> value != null && r.values().contains(value);
        case NOT_IN -> value == null || !r.values().contains(value);
        case EXISTS -> value != null;
        case DOES_NOT_EXIST -> value == null;
      };
      if (!holds) {
        return false;
      }
    }
    return true;
  }
}
