package dev.apiserverpolicy.render;

import java.util.Set;

/**
 * NetworkPolicy names in a cluster namespace that KKP or this tool owns. An extraEgress
 * entry may not take one: KKP would overwrite it (or, for the legacy
 * {@code cluster-external-addr-allow}, delete it on every reconcile).
 */
final class ReservedPolicyNames {
  static final Set<String> ALL = Set.of(
      "default-deny-all-egress",
      "dns-allow",
      "etcd-allow",
      "machine-controller-webhook-allow",
      "openvpn-server-allow",
      "metrics-server-allow",
      "apiserver-internal-allow",
      "usercluster-webhook-allow",
      "operating-system-manager-webhook-allow",
      "kyverno-webhook-allow",
      "seed-apiserver-allow",
      "oidc-issuer-allow",
      "authorization-webhook-allow",
      "cluster-external-addr-allow");

  private ReservedPolicyNames() {}
}
