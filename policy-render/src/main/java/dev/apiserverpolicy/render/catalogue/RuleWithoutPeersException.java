package dev.apiserverpolicy.render.catalogue;

/**
 * An egress rule without peers that no catalogue entry declares: it would allow its ports (or, without
 * ports, everything) to every address. {@link PeerGuard} throws it; the renderer turns it into the error
 * {@code rule-without-peers} for the cluster, which is then not rendered.
 *
 * @since 0.1.0
 */
public final class RuleWithoutPeersException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final String policyName;
  private final String allowed;

  RuleWithoutPeersException(String policyName, String allowed) {
    super(policyName + ": a rule without peers would allow " + allowed + " to every address");
    this.policyName = policyName;
    this.allowed = allowed;
  }

  String policyName() {
    return policyName;
  }

  /** The same refusal, naming the policy the rule was for. */
  RuleWithoutPeersException forPolicy(String name) {
    return name.equals(policyName) ? this : new RuleWithoutPeersException(name, allowed);
  }
}
