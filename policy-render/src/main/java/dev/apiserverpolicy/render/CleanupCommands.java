package dev.apiserverpolicy.render;

import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ClusterSpec;
import dev.apiserverpolicy.model.manifest.NetworkPolicy;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The manual step of disabling (docs/spec.md section 6) for clusters not managed by GitOps: when
 * the gate is not on, the exact {@code kubectl delete networkpolicy} for the policies this
 * tool would manage for the cluster, and no others.
 */
public final class CleanupCommands {
  private CleanupCommands() {}

  /**
   * The command for one cluster, or empty when its gate is on (its policies are wanted) or
   * it cannot be rendered (then the diagnostics say why).
   */
  public static Optional<String> forCluster(ClusterInputs inputs, RenderOptions options) {
    Cluster cluster = inputs.cluster();
    if (cluster.spec().apiserverNetworkPolicyGate().orElse(false)) {
      return Optional.empty();
    }
    // What the cluster would have with the gate on: exactly the policies this tool manages for it.
    Cluster enabled = Cluster.builder().from(cluster).spec(ClusterSpec.builder().from(cluster.spec())
        .putFeatures(ClusterSpec.APISERVER_NETWORK_POLICY, true).build()).build();
    ClusterManifests would = ManifestRenderer.render(ClusterInputs.builder().from(inputs).cluster(enabled).build(),
        options);
    if (would.failed()) {
      return Optional.empty();
    }
    // Names and namespace are validated DNS-1123 labels and subdomains: safe to paste into a shell.
    String names = would.objects().stream().filter(NetworkPolicy.class::isInstance)
        .map(o -> o.metadata().name()).sorted().collect(Collectors.joining(" "));
    return Optional.of("kubectl delete networkpolicy -n " + would.namespace() + " --ignore-not-found " + names);
  }
}
