package dev.apiserverpolicy.model;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The seed API server's endpoints as the seed itself states them: one {@code discovery.k8s.io/v1
 * EndpointSlice} or {@code v1 Endpoints} of Service {@code default/kubernetes}, as {@code kubectl get
 * endpointslices -n default -l kubernetes.io/service-name=kubernetes -o yaml} prints it. KKP's
 * controller reads the same objects at run time ({@code fetchKubernetesServiceIPList} in
 * {@code pkg/controller/seed-controller-manager/kubernetes/resources.go}).
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractSeedApiEndpoints {
  /** {@code EndpointSlice} or {@code Endpoints}. */
  public abstract String kind();

  /** {@code metadata.name}. */
  public abstract String name();

  /**
   * Every endpoint's addresses, as host ranges, in input order, whatever their conditions: KKP's
   * controller takes them all (resources.go 1481-1494).
   */
  public abstract List<Cidr> addresses();

  /** Those of {@link #addresses} whose endpoint is not ready or is terminating, in input order. */
  public abstract List<Cidr> notReadyAddresses();

  /** The addresses of ready, not terminating endpoints, in input order. */
  public List<Cidr> readyAddresses() {
    java.util.Set<Cidr> notReady = new java.util.HashSet<>(notReadyAddresses());
    return addresses().stream().filter(a -> !notReady.contains(a)).toList();
  }

  /** The port named {@code https} (the only port, if it has no name), if the object lists one. */
  public abstract Optional<Integer> httpsPort();

  /** {@code EndpointSlice/default/<name>} or {@code Endpoints/default/kubernetes}. */
  public String ref() {
    return kind() + "/default/" + name();
  }

  /** Where it was read from; not part of equality. */
  @Value.Default
  @Value.Auxiliary
  public Origin origin() {
    return Origin.none();
  }
}
