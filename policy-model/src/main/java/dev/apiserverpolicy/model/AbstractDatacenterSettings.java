package dev.apiserverpolicy.model;

import dev.apiserverpolicy.model.manifest.ServiceType;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a Seed's {@code spec.datacenters.<name>.spec} says about the clusters of that datacenter.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractDatacenterSettings {
  /** {@code apiServerServiceType}: replaces the type of {@code apiserver-external} for these clusters. */
  public abstract Optional<ServiceType> apiServerServiceType();

  /**
   * {@code authenticationConfiguration}: the Secret (in the seed's namespace) with these clusters'
   * AuthenticationConfiguration.
   */
  public abstract Optional<SecretKeyRef> authenticationConfiguration();
}
