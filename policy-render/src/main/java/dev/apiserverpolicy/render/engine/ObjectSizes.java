package dev.apiserverpolicy.render.engine;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.FieldPath;
import dev.apiserverpolicy.model.manifest.CiliumEgressRule;
import dev.apiserverpolicy.model.manifest.CiliumNetworkPolicy;
import dev.apiserverpolicy.model.manifest.KubernetesObject;
import dev.apiserverpolicy.model.manifest.NetworkPolicy;
import dev.apiserverpolicy.model.manifest.NetworkPolicyRule;
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.yaml.YamlManifestWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Refuses a rendered object the API server would refuse. etcd takes requests of at most 1.5 MiB
 * ({@code --max-request-bytes}); the object is written as JSON there, with metadata the server
 * adds, so the written YAML is held to 1 MiB. Only an object with many list items can come near:
 * the others are not measured, so rendering stays as fast as it was.
 */
final class ObjectSizes {
  /** The most bytes a rendered object's YAML may have. */
  static final int MAX_OBJECT_BYTES = 1024 * 1024;
  /** Below this many peers, addresses and ports an object stays far under the limit (each item is under 500 bytes). */
  private static final int ITEMS_NOT_MEASURED = 2000;

  private ObjectSizes() {}

  /** The error for the first object over the limit, if any. */
  static Optional<Diagnostic> tooLarge(ClusterInputs inputs, List<KubernetesObject> objects) {
    for (KubernetesObject object : objects) {
      if (items(object) < ITEMS_NOT_MEASURED) {
        continue;
      }
      int bytes = YamlManifestWriter.write(object, "").getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_OBJECT_BYTES) {
        return Optional.of(Diagnostic.at(DiagnosticCode.OBJECT_TOO_LARGE, inputs.cluster().origin(), FieldPath.root())
            .object(inputs.cluster().ref())
            .message(object.kind() + " " + object.metadata().name() + " would be " + bytes + " bytes, over the "
                + MAX_OBJECT_BYTES + " this tool renders (etcd refuses requests over 1.5 MiB): the API server would "
                + "refuse it, and the cluster would keep its old policies")
            .hint("list fewer addresses (the seed's endpoints, an issuer's, extraEgress peers), or wider ranges "
                + "that you mean to allow in full")
            .build());
      }
    }
    return Optional.empty();
  }

  private static long items(KubernetesObject object) {
    long n = 0;
    if (object instanceof NetworkPolicy policy) {
      for (NetworkPolicyRule rule : concat(policy.ingress(), policy.egress())) {
        n += rule.peers().size() + rule.ports().size();
        n += rule.peers().stream().mapToLong(p -> p.ipBlock().map(b -> b.except().size()).orElse(0)).sum();
      }
    } else if (object instanceof CiliumNetworkPolicy policy) {
      for (CiliumEgressRule rule : policy.egress()) {
        n += rule.toFqdnNames().size() + rule.toFqdnPatterns().size() + rule.toEntities().size()
            + rule.toEndpoints().size() + rule.ports().size();
      }
    }
    return n;
  }

  private static List<NetworkPolicyRule> concat(List<NetworkPolicyRule> a, List<NetworkPolicyRule> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
