package dev.apiserverpolicy.render;

import dev.apiserverpolicy.model.AuthorizationWebhook;
import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ClusterDns;
import dev.apiserverpolicy.model.DatacenterSettings;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.model.ExtraEgressRule;
import dev.apiserverpolicy.model.IpBlock;
import dev.apiserverpolicy.model.KubermaticConfiguration;
import dev.apiserverpolicy.model.NetworkPolicyPeer;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.manifest.ServiceType;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the catalogue's conditions and rules read about one cluster: its inputs resolved
 * once (strategy, profile, the context entries that name it).
 */
record ClusterFacts(ClusterInputs inputs, Profile profile) {
  /** The ingress controller namespace KKP uses unless overridden. */
  static final String DEFAULT_INGRESS_NAMESPACE = "nginx-ingress-controller";
  /** Where KKP's envoy gateway runs; always allowed for OIDC. */
  static final String ENVOY_GATEWAY_NAMESPACE = "envoy-gateway-controller";
  /** The apiserver's port before a NodePort is allocated, and always under Tunneling. */
  static final int DEFAULT_APISERVER_PORT = 6443;

  Cluster cluster() {
    return inputs.cluster();
  }

  String name() {
    return cluster().name();
  }

  String namespace() {
    return cluster().namespace();
  }

  ExposeStrategy strategy() {
    return inputs.effectiveExposeStrategy();
  }

  boolean konnectivity() {
    return cluster().spec().clusterNetwork().konnectivity();
  }

  boolean kyverno() {
    return cluster().spec().kyvernoEnabled().orElse(false);
  }

  /** The port the apiserver listens on: its NodePort once allocated, else 6443. */
  int apiserverPort() {
    return strategy() == ExposeStrategy.TUNNELING ? DEFAULT_APISERVER_PORT
        : cluster().statusPort().orElse(DEFAULT_APISERVER_PORT);
  }

  Optional<RenderContext> context() {
    return inputs.context();
  }

  /**
   * The seed API endpoints this profile allows: under KKP's, every one, ready or not, as KKP's
   * controller takes them (resources.go 1481-1494); else only the ready ones.
   */
  List<Cidr> seedEndpoints() {
    List<Cidr> all = context().flatMap(RenderContext::seedAPIServerEndpoints).orElse(List.of());
    if (kkpForm()) {
      return all;
    }
    Set<Cidr> notReady = new HashSet<>(context().map(RenderContext::seedAPIServerEndpointsNotReady)
        .orElse(List.of()));
    return all.stream().filter(a -> !notReady.contains(a)).toList();
  }

  int seedAPIServerPort() {
    return context().map(RenderContext::seedAPIServerPortOrDefault).orElse(RenderContext.DEFAULT_SEED_API_SERVER_PORT);
  }

  Optional<ClusterDns> clusterDns() {
    return context().flatMap(RenderContext::clusterDNS);
  }

  /**
   * Where the ingress controller runs: the KubermaticConfiguration's override, else the context's,
   * else KKP's default.
   */
  String ingressNamespace() {
    return inputs.kubermaticConfiguration().flatMap(KubermaticConfiguration::ingressNamespaceOverride)
        .or(() -> context().flatMap(RenderContext::ingressNamespace))
        .orElse(DEFAULT_INGRESS_NAMESPACE);
  }

  /** The OIDC issuers whose addresses are known (the validator reports the others). */
  List<OidcIssuers.Issuer> oidcIssuers() {
    return OidcIssuers.resolve(inputs).issuers();
  }

  boolean oidcConfigured() {
    return !oidcIssuers().isEmpty();
  }

  /** True if the profile has {@code trait}. */
  boolean has(EgressCatalogue.Trait trait) {
    return EgressCatalogue.has(profile, trait);
  }

  /** True if lists come in KKP's order and form ({@link EgressCatalogue.Trait#KKP_FORM}). */
  boolean kkpForm() {
    return has(EgressCatalogue.Trait.KKP_FORM);
  }

  /** The datacenter's {@code apiServerServiceType}, which replaces the type of apiserver-external. */
  Optional<ServiceType> apiserverServiceType() {
    return inputs.datacenterSettings().flatMap(DatacenterSettings::apiServerServiceType);
  }

  boolean webhookConfigured() {
    return cluster().spec().authorizationWebhook();
  }

  /**
   * The context's entry for this cluster's authorization webhook, its addresses taken from a
   * ResolvedHosts input when it lists none.
   */
  Optional<AuthorizationWebhook> webhook() {
    return context().flatMap(c -> c.authorizationWebhooks().stream()
        .filter(w -> w.cluster().equals(name())).findFirst())
        .map(w -> w.ips().isEmpty() ? AuthorizationWebhook.builder().from(w)
            .ips(RunTimeFacts.host(w.url()).flatMap(inputs.resolvedAddresses()::of).orElse(List.of())).build() : w);
  }

  /** True if the Cilium flavour reaches issuers, webhooks and extraEgress hosts by name. */
  boolean fqdnEgress() {
    return context().map(RenderContext::fqdnEgress).orElse(false);
  }

  /** True if the Cilium flavour reaches the seed API server as the kube-apiserver entity. */
  boolean seedApiServerEntity() {
    return context().map(RenderContext::seedAPIServerEntity).orElse(false);
  }

  /** True if the cluster's authorization webhook is reached by name (the Cilium flavour, a host name). */
  boolean webhookByName() {
    return webhookConfigured() && fqdnEgress() && webhook().flatMap(w -> RunTimeFacts.host(w.url()))
        .filter(h -> !Cidr.isAddressLiteral(h)).isPresent();
  }

  /**
   * The peers of an extraEgress rule: its own, then one ipBlock per address of each host (unless
   * the Cilium flavour reaches the hosts by name). A host whose addresses are not known fails
   * (the validator reports it first), never widens.
   */
  List<NetworkPolicyPeer> extraEgressPeers(ExtraEgressRule rule) {
    List<NetworkPolicyPeer> peers = new java.util.ArrayList<>(rule.to());
    if (fqdnEgress()) {
      return List.copyOf(peers);
    }
    for (String host : rule.hosts()) {
      List<Cidr> addresses = inputs.resolvedAddresses().of(host).orElseThrow(() -> new IllegalStateException(
          "extraEgress " + rule.name() + ": the addresses of " + host + " are not known"));
      addresses.stream().distinct().sorted()
          .forEach(a -> peers.add(NetworkPolicyPeer.builder().ipBlock(IpBlock.builder().cidr(a).build()).build()));
    }
    return List.copyOf(peers);
  }
}
