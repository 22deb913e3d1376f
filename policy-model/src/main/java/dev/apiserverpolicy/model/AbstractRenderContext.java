package dev.apiserverpolicy.model;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code apiserver-policy.dev/v1alpha1 RenderContext}: what KKP resolves at run time and
 * what only the operator knows, for the seed of the same name.
 *
 * @since 0.1.0
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
   * Not a field anyone writes: those of {@link #seedAPIServerEndpoints} that the seed's own
   * EndpointSlices mark not ready or terminating, filled in when the slices are read with it.
   * KKP's profiles allow them, as KKP's controller does; least-privilege leaves them out.
   */
  public abstract List<Cidr> seedAPIServerEndpointsNotReady();

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

  /** {@code spec.cilium}: the Cilium flavour, if set. */
  public abstract Optional<CiliumFlavour> cilium();

  /** True if the Cilium flavour reaches issuers, webhooks and extraEgress hosts by name. */
  public boolean fqdnEgress() {
    return cilium().map(CiliumFlavour::fqdnEgress).orElse(false);
  }

  /** True if the Cilium flavour reaches the seed API server as the kube-apiserver entity. */
  public boolean seedAPIServerEntity() {
    return cilium().map(CiliumFlavour::seedAPIServerEntity).orElse(false);
  }

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
    boolean wildcards = fqdnEgress() && cilium().map(CiliumFlavour::allowWildcardHosts).orElse(false);
    for (int i = 0; i < extraEgress().size(); i++) {
      List<String> hosts = extraEgress().get(i).hosts();
      for (int j = 0; j < hosts.size(); j++) {
        FieldError.throwFirst(ExtraEgressRule.validateHost(hosts.get(j), wildcards, FieldPath.of("spec",
            "extraEgress").index(i).child("to").index(j).child("host")));
      }
    }
  }
}
