package dev.apiserverpolicy.model;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code apiserver-policy.dev/v1alpha1 RenderContext}: what KKP resolves at run time and
 * what only the operator knows, for the seed of the same name.
 */
@Value.Immutable
abstract class AbstractRenderContext {
  /** The default port of the seed API endpoints. */
  public static final int DEFAULT_SEED_API_SERVER_PORT = 6443;

  /** {@code metadata.name}: the seed this context applies to. */
  public abstract String name();

  /** {@code spec.profile}. */
  public abstract Optional<Profile> profile();

  /** {@code spec.seedAPIServerEndpoints}, as host ranges; absent and empty are both "none". */
  public abstract Optional<List<Cidr>> seedAPIServerEndpoints();

  /**
   * {@code spec.seedAPIServerEndpointsFrom}: the input (named as diagnostics name it, relative to
   * this RenderContext's own) that holds the seed's {@code default/kubernetes} EndpointSlices or
   * Endpoints. Needed only when the input has several seeds.
   */
  public abstract Optional<String> seedAPIServerEndpointsFrom();

  /** {@code spec.seedAPIServerPort}, if given. */
  public abstract Optional<Integer> seedAPIServerPort();

  /** The seed API port in force: {@code spec.seedAPIServerPort}, else 6443. */
  public int seedAPIServerPortOrDefault() {
    return seedAPIServerPort().orElse(DEFAULT_SEED_API_SERVER_PORT);
  }

  /** {@code spec.clusterDNS}. */
  public abstract Optional<ClusterDns> clusterDNS();

  /** {@code spec.ingressNamespace}. */
  public abstract Optional<String> ingressNamespace();

  /** {@code spec.oidcIssuers}. */
  public abstract List<OidcIssuer> oidcIssuers();

  /** {@code spec.authenticationConfigurations}: the issuers the AuthenticationConfiguration Secrets hold. */
  public abstract List<AuthenticationIssuers> authenticationConfigurations();

  /** {@code spec.authorizationWebhooks}. */
  public abstract List<AuthorizationWebhook> authorizationWebhooks();

  /** {@code spec.clientNetworks}. */
  @Value.Default
  public ClientNetworks clientNetworks() {
    return ClientNetworks.empty();
  }

  /** {@code spec.cni}. */
  public abstract Optional<String> cni();

  /** {@code spec.extraEgress}. */
  public abstract List<ExtraEgressRule> extraEgress();

  /**
   * {@code spec.managedByLabel}: put {@code app.kubernetes.io/managed-by: apiserver-policy} on every
   * object rendered for this seed's clusters, so that what was applied can be listed and pruned by
   * label. Off unless set (KKP's own objects carry no such label).
   */
  @Value.Default
  public boolean managedByLabel() {
    return false;
  }

  /** {@code RenderContext/<name>}. */
  public String ref() {
    return "RenderContext/" + name();
  }

  /** Where it was read from; not part of equality. */
  @Value.Default
  @Value.Auxiliary
  public Origin origin() {
    return Origin.none();
  }

  // Input is checked by the reader before it is built; a value built in code is checked here.
  @Value.Check
  void check() {
    seedAPIServerPort().ifPresent(port -> FieldError.throwFirst(Ports.validateNumber(port,
        FieldPath.of("spec", "seedAPIServerPort"))));
  }
}
