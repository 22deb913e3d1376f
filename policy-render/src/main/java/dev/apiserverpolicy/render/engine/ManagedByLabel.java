package dev.apiserverpolicy.render.engine;

import dev.apiserverpolicy.model.manifest.CiliumNetworkPolicy;
import dev.apiserverpolicy.model.manifest.KubernetesObject;
import dev.apiserverpolicy.model.manifest.NetworkPolicy;
import dev.apiserverpolicy.model.manifest.ObjectMeta;
import dev.apiserverpolicy.model.manifest.Service;

/**
 * The label that marks what this tool rendered, so that an operator applying to a live cluster
 * can list and prune exactly that: on when the call or the cluster's RenderContext asks for it,
 * off by default (KKP's own objects carry no such label, and KKP and a GitOps controller must
 * agree on every byte).
 *
 * @since 0.1.0
 */
public final class ManagedByLabel {
  /** The label key, Kubernetes' recommended one. */
  static final String KEY = "app.kubernetes.io/managed-by";
  /** Its value. */
  static final String VALUE = "apiserver-policy";

  private ManagedByLabel() {}

  /** {@code key=value}, as {@code kubectl -l} takes it. */
  public static String selector() {
    return KEY + "=" + VALUE;
  }

  static KubernetesObject apply(KubernetesObject object) {
    ObjectMeta labelled = ObjectMeta.builder().from(object.metadata()).putLabels(KEY, VALUE).build();
    if (object instanceof NetworkPolicy p) {
      return NetworkPolicy.builder().from(p).metadata(labelled).build();
    }
    if (object instanceof CiliumNetworkPolicy c) {
      return CiliumNetworkPolicy.builder().from(c).metadata(labelled).build();
    }
    // KubernetesObject is sealed: what is neither is a Service.
    return Service.builder().from((Service) object).metadata(labelled).build();
  }
}
