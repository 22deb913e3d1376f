package dev.apiserverpolicy.fabric8;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apiserverpolicy.ApiserverPolicy;
import dev.apiserverpolicy.model.manifest.CiliumNetworkPolicy;
import dev.apiserverpolicy.model.manifest.KubernetesObject;
import dev.apiserverpolicy.model.manifest.NetworkPolicy;
import dev.apiserverpolicy.render.yaml.ManifestTrees;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import java.util.List;

/**
 * The rendered objects as fabric8's model objects ({@code networking.k8s.io/v1 NetworkPolicy},
 * {@code v1 Service}), converted from their neutral trees with nothing lost: every field is one
 * fabric8 knows, none lands in {@code additionalProperties}, and fabric8's own serialisation gives
 * back the same tree. Pure and thread-safe.
 *
 * @since 0.1.0
 */
public final class Fabric8Objects {
  // Jackson, as fabric8's model is annotated for it; a plain mapper is thread-safe once built.
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Fabric8Objects() {}

  /** Every object of {@code result}, in its order. */
  public static List<HasMetadata> of(ApiserverPolicy.Result result) {
    return result.objects().stream().map(Fabric8Objects::of).toList();
  }

  /** One object. */
  public static HasMetadata of(KubernetesObject object) {
    // fabric8 has no typed CiliumNetworkPolicy: it is a GenericKubernetesResource, its spec kept as a map.
    Class<? extends HasMetadata> type = object instanceof NetworkPolicy
        ? io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class
        : object instanceof CiliumNetworkPolicy ? GenericKubernetesResource.class : Service.class;
    return MAPPER.convertValue(ManifestTrees.of(object), type);
  }
}
