package dev.apiserverpolicy.model;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import org.immutables.value.Value;

/** A KKP {@code Seed}: the cluster that hosts user-cluster control planes. */
@Value.Immutable
abstract class AbstractSeed {
  /** {@code metadata.name}. */
  public abstract String name();

  /** Names of {@code spec.datacenters}; a cluster whose {@code spec.cloud.dc} is one of them belongs here. */
  @Value.NaturalOrder
  public abstract SortedSet<String> datacenters();

  /** {@code spec.exposeStrategy}. */
  public abstract Optional<ExposeStrategy> exposeStrategy();

  /** {@code spec.defaultClusterTemplate}; absent when empty. */
  public abstract Optional<String> defaultClusterTemplate();

  /** {@code spec.defaultAPIServerAllowedIPRanges}. */
  public abstract List<Cidr> defaultAPIServerAllowedIPRanges();

  /** {@code spec.nodeportProxy.envoy.loadBalancerService.sourceRanges}. */
  public abstract List<Cidr> nodeportProxySourceRanges();

  /** {@code spec.nodeportProxy.envoy.loadBalancerService.annotations}. */
  @Value.NaturalOrder
  public abstract SortedMap<String, String> loadBalancerServiceAnnotations();

  /** {@code spec.nodeportProxy.annotations} (deprecated in KKP, still honoured). */
  @Value.NaturalOrder
  public abstract SortedMap<String, String> nodeportProxyAnnotations();

  /** {@code Seed/<name>}. */
  public String ref() {
    return "Seed/" + name();
  }

  /** Where it was read from; not part of equality. */
  @Value.Default
  @Value.Auxiliary
  public Origin origin() {
    return Origin.none();
  }
}
