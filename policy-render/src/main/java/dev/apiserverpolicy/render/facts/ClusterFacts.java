package dev.apiserverpolicy.render.facts;

import dev.apiserverpolicy.model.AuthorizationWebhook;
import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ClusterDns;
import dev.apiserverpolicy.model.DatacenterSettings;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.model.KubermaticConfiguration;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.manifest.ServiceType;
import dev.apiserverpolicy.render.ClusterInputs;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the validator, the lints and the catalogues read about one cluster rendered with one
 * profile. Built once per cluster: what takes work to find (the OIDC issuers, the authorization
 * webhook's entry) is found when it is built; the rest is read from the inputs. It holds facts
 * only; the catalogues build peers and rules from them.
 *
 * @since 0.1.0
 */
public final class ClusterFacts {
  /** The ingress controller namespace KKP uses unless overridden. */
  public static final String DEFAULT_INGRESS_NAMESPACE = "nginx-ingress-controller";
  /** Where KKP's envoy gateway runs; always allowed for OIDC. */
  public static final String ENVOY_GATEWAY_NAMESPACE = "envoy-gateway-controller";
  /** The apiserver's port before a NodePort is allocated, and always under Tunneling. */
  public static final int DEFAULT_APISERVER_PORT = 6443;

  private final ClusterInputs inputs;
  private final Profile profile;
  private final OidcIssuers.Resolution oidc;
  private final Optional<AuthorizationWebhook> webhook;
  private final List<Cidr> sourceRanges;
  private final List<Cidr> writtenSourceRanges;

  private ClusterFacts(ClusterInputs inputs, Profile profile) {
    this.inputs = inputs;
    this.profile = profile;
    this.oidc = OidcIssuers.resolve(inputs);
    this.webhook = findWebhook(inputs);
    this.sourceRanges = SourceRangePolicy.sourceRanges(inputs.cluster(), inputs.seed());
    this.writtenSourceRanges = SourceRangePolicy.written(inputs.cluster(), inputs.seed(), kkpForm(), sourceRanges);
  }

  /** The facts of {@code inputs} rendered with {@code profile}. */
  public static ClusterFacts of(ClusterInputs inputs, Profile profile) {
    return new ClusterFacts(inputs, profile);
  }

  public ClusterInputs inputs() {
    return inputs;
  }

  public Profile profile() {
    return profile;
  }

  public Cluster cluster() {
    return inputs.cluster();
  }

  public String name() {
    return cluster().name();
  }

  public String namespace() {
    return cluster().namespace();
  }

  public ExposeStrategy strategy() {
    return inputs.effectiveExposeStrategy();
  }

  /** Who may reach front-loadbalancer: KKP's union of ranges, sorted and de-duplicated; empty is anyone. */
  public List<Cidr> sourceRanges() {
    return sourceRanges;
  }

  /** The same ranges as front-loadbalancer lists them, in the profile's form ({@link SourceRangePolicy#written}). */
  public List<Cidr> writtenSourceRanges() {
    return writtenSourceRanges;
  }

  public boolean konnectivity() {
    return cluster().spec().clusterNetwork().konnectivity();
  }

  public boolean kyverno() {
    return cluster().spec().kyvernoEnabled().orElse(false);
  }

  /** The port the apiserver listens on: its NodePort once allocated, else 6443. */
  public int apiserverPort() {
    return strategy() == ExposeStrategy.TUNNELING ? DEFAULT_APISERVER_PORT
        : cluster().statusPort().orElse(DEFAULT_APISERVER_PORT);
  }

  public Optional<RenderContext> context() {
    return inputs.context();
  }

  /**
   * The seed API endpoints this profile allows: under KKP's, every one, ready or not, as KKP's
   * controller takes them (resources.go 1481-1494); else only the ready ones.
   */
  public List<Cidr> seedEndpoints() {
    List<Cidr> all = context().flatMap(RenderContext::seedAPIServerEndpoints).orElse(List.of());
    if (kkpForm()) {
      return all;
    }
    Set<Cidr> notReady = new HashSet<>(context().map(RenderContext::seedAPIServerEndpointsNotReady)
        .orElse(List.of()));
    return all.stream().filter(a -> !notReady.contains(a)).toList();
  }

  public int seedAPIServerPort() {
    return context().map(RenderContext::seedAPIServerPortOrDefault).orElse(RenderContext.DEFAULT_SEED_API_SERVER_PORT);
  }

  public Optional<ClusterDns> clusterDns() {
    return context().flatMap(RenderContext::clusterDNS);
  }

  /**
   * Where the ingress controller runs: the KubermaticConfiguration's override, else the context's,
   * else KKP's default.
   */
  public String ingressNamespace() {
    return inputs.kubermaticConfiguration().flatMap(KubermaticConfiguration::ingressNamespaceOverride)
        .or(() -> context().flatMap(RenderContext::ingressNamespace))
        .orElse(DEFAULT_INGRESS_NAMESPACE);
  }

  /** The OIDC issuers whose addresses are known (the validator reports the others). */
  public List<OidcIssuers.Issuer> oidcIssuers() {
    return oidc.issuers();
  }

  /** What stopped an OIDC issuer from being known, for the validator. */
  public List<Diagnostic> oidcProblems() {
    return oidc.problems();
  }

  public boolean oidcConfigured() {
    return !oidcIssuers().isEmpty();
  }

  /** True if the profile has {@code trait}. */
  public boolean has(ProfileTraits.Trait trait) {
    return ProfileTraits.has(profile, trait);
  }

  /** True if lists come in KKP's order and form ({@link ProfileTraits.Trait#KKP_FORM}). */
  public boolean kkpForm() {
    return has(ProfileTraits.Trait.KKP_FORM);
  }

  /** The datacenter's {@code apiServerServiceType}, which replaces the type of apiserver-external. */
  public Optional<ServiceType> apiserverServiceType() {
    return inputs.datacenterSettings().flatMap(DatacenterSettings::apiServerServiceType);
  }

  public boolean webhookConfigured() {
    return cluster().spec().authorizationWebhook();
  }

  /**
   * The context's entry for this cluster's authorization webhook, its addresses taken from a
   * ResolvedHosts input when it lists none.
   */
  public Optional<AuthorizationWebhook> webhook() {
    return webhook;
  }

  private static Optional<AuthorizationWebhook> findWebhook(ClusterInputs inputs) {
    String name = inputs.cluster().name();
    return inputs.context().flatMap(c -> c.authorizationWebhooks().stream()
        .filter(w -> w.cluster().equals(name)).findFirst())
        .map(w -> w.ips().isEmpty() ? AuthorizationWebhook.builder().from(w)
            .ips(HttpUrls.host(w.url()).flatMap(inputs.resolvedAddresses()::of).orElse(List.of())).build() : w);
  }

  /** True if the Cilium flavour reaches issuers, webhooks and extraEgress hosts by name. */
  public boolean fqdnEgress() {
    return context().map(RenderContext::fqdnEgress).orElse(false);
  }

  /** True if the Cilium flavour reaches the seed API server as the kube-apiserver entity. */
  public boolean seedApiServerEntity() {
    return context().map(RenderContext::seedAPIServerEntity).orElse(false);
  }

  /** True if the cluster's authorization webhook is reached by name (the Cilium flavour, a host name). */
  public boolean webhookByName() {
    return webhookConfigured() && fqdnEgress() && webhook().flatMap(w -> HttpUrls.host(w.url()))
        .filter(h -> !Cidr.isAddressLiteral(h)).isPresent();
  }
}
