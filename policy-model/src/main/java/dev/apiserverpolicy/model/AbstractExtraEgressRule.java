package dev.apiserverpolicy.model;

import java.util.List;
import org.immutables.value.Value;

/**
 * An operator's own egress target from {@code RenderContext.spec.extraEgress}, rendered
 * as one more NetworkPolicy (e.g. an audit-log sink).
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractExtraEgressRule {
  /** The policy's {@code metadata.name}. */
  public abstract String name();

  /** One sentence saying what it allows and why; becomes the description annotation. */
  public abstract String description();

  /** Peers; validation rejects a rule with neither peers nor hosts, which would mean anywhere. */
  public abstract List<NetworkPolicyPeer> to();

  /**
   * Peers given by host name ({@code to: [{host: audit.example.com}]}): rendered as one ipBlock per
   * address the host resolved to (from a ResolvedHosts document). A host whose addresses are not
   * known stops the rule, never widens it.
   */
  public abstract List<String> hosts();

  /** Ports; empty means every port of the peers. */
  public abstract List<NetworkPolicyPort> ports();

  /**
   * The rule for a host peer: a lower-case DNS name (a DNS-1123 subdomain with at least one dot),
   * not an IP address (write an ipBlock). A wildcard ({@code *.example.com}) only where
   * {@code wildcards} allows it: it resolves to no address, and only the Cilium flavour with
   * {@code allowWildcardHosts} can reach it (as a {@code toFQDNs} matchPattern).
   */
  public static List<FieldError> validateHost(String host, boolean wildcards, FieldPath at) {
    boolean wildcard = host.startsWith("*.");
    String name = wildcard ? host.substring(2) : host;
    String problem = Cidr.isAddressLiteral(host) ? "is an IP address"
        : host.startsWith("*") && !wildcards ? "is a wildcard, which only the Cilium flavour with "
            + "allowWildcardHosts can reach"
        : !KubernetesNames.isSubdomain(name) || name.indexOf('.') < 0 ? "is not a lower-case DNS name with a dot"
        : null;
    if (problem == null) {
      return List.of();
    }
    return List.of(new FieldError(at, DiagnosticCode.FIELD_VALUE, "host '" + host + "' " + problem,
        Cidr.isAddressLiteral(host) ? "write it as ipBlock: {cidr: <address>/32} (or /128)"
            : host.startsWith("*") && !wildcards ? "name each host, or set spec.cilium: {fqdnEgress: true, "
                + "allowWildcardHosts: true} (with cni: cilium)"
            : "write the host's full name, e.g. audit.example.com"));
  }

  /** True if some host is a wildcard. */
  public boolean hasWildcardHost() {
    return hosts().stream().anyMatch(h -> h.startsWith("*"));
  }

  @Value.Check
  void check() {
    for (int i = 0; i < hosts().size(); i++) {
      FieldError.throwFirst(validateHost(hosts().get(i), true, FieldPath.of("hosts").index(i)));
    }
  }
}
