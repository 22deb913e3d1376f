package dev.apiserverpolicy.render.catalogue;

import dev.apiserverpolicy.model.NetworkPolicyPort;
import java.util.List;

/**
 * A catalogue target's declaration that its rule has no peers: these ports, to every address. Only a
 * target that declares this may render a rule without peers ({@link PeerGuard}); {@code kkpSource} says
 * where KKP writes the same rule.
 */
record ToAnywhere(List<NetworkPolicyPort> ports, String kkpSource) {
  ToAnywhere {
    ports = List.copyOf(ports);
    if (ports.isEmpty() || kkpSource.isBlank()) {
      // No peers and no ports would allow everything: no target may declare that.
      throw new IllegalArgumentException("a rule to anywhere needs its ports and its KKP source");
    }
  }
}
