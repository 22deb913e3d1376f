package dev.apiserverpolicy.render;

import dev.apiserverpolicy.model.AuthorizationWebhook;
import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ClusterDns;
import dev.apiserverpolicy.model.ClusterNetwork;
import dev.apiserverpolicy.model.ClusterSpec;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.model.ExtraEgressRule;
import dev.apiserverpolicy.model.IpBlock;
import dev.apiserverpolicy.model.NetworkPolicyPeer;
import dev.apiserverpolicy.model.NetworkPolicyPort;
import dev.apiserverpolicy.model.OidcIssuer;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.Seed;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/** Generators of renderable inputs: every strategy, profile, feature and both CIDR families. */
public final class InputGenerators {
  private InputGenerators() {}

  static final String DEX = "https://dex.example.com/dex";

  /** Ranges of both families, from a small space so that duplicates and nesting are common. */
  static Gen<Cidr> ranges() {
    Gen<Cidr> v4 = Generate.range(0, 255).zip(Generate.range(8, 32),
        (octet, prefix) -> Cidr.of(Cidr.Family.IPV4, BigInteger.valueOf(0xC0000000L + ((long) octet << 8)), 32)
            .truncate(prefix));
    Gen<Cidr> v6 = Generate.range(0, 255).zip(Generate.range(32, 128),
        (word, prefix) -> Cidr.of(Cidr.Family.IPV6,
            new BigInteger("20010db8", 16).shiftLeft(96).add(BigInteger.valueOf(word).shiftLeft(80)), 128)
            .truncate(prefix));
    return Generate.oneOf(v4, v6);
  }

  static Gen<List<Cidr>> rangeLists() {
    return SourceDSL.lists().of(ranges()).ofSizeBetween(0, 5);
  }

  static Gen<Optional<List<Cidr>>> optionalRangeLists() {
    return Generate.booleans().zip(rangeLists(), (present, list) -> present ? Optional.of(list) : Optional.empty());
  }

  static Gen<Seed> seeds() {
    return rangeLists().zip(rangeLists(), Generate.booleans(), (defaults, proxy, annotated) -> {
      Seed.Builder b = Seed.builder().name("europe-west").addDatacenters("dc-1")
          .addAllDefaultAPIServerAllowedIPRanges(defaults).addAllNodeportProxySourceRanges(proxy);
      if (annotated) {
        b.putLoadBalancerServiceAnnotations("example.com/lb", "internal");
      }
      return b.build();
    });
  }

  /**
   * What a generated cluster has. {@code resolved}: the issuer's, webhook's and extraEgress
   * addresses come from ResolvedHosts (the extraEgress peer as a {@code host}), not typed in.
   */
  public record Features(boolean gate, boolean konnectivity, boolean kyverno, boolean oidc, boolean webhook,
      boolean extra, boolean resolved, boolean cilium) {}

  /**
   * {@code cilium}: the Cilium flavour with fqdnEgress and seedAPIServerEntity; the extraEgress
   * peer is a host, and there are no seed endpoints.
   */
  static Gen<Features> features() {
    Gen<Boolean> b = Generate.booleans();
    return b.zip(b, b, b, (gate, konnectivity, kyverno, oidc) -> new Features(gate, konnectivity, kyverno, oidc,
        false, false, false, false)).zip(b, b, b, (f, webhook, extra, resolved) -> new Features(f.gate(),
        f.konnectivity(), f.kyverno(), f.oidc(), webhook, extra, resolved, false))
        .zip(b, (f, cilium) -> new Features(f.gate(), f.konnectivity(), f.kyverno(), f.oidc(), f.webhook(), f.extra(),
            f.resolved(), cilium));
  }

  public static Gen<ClusterInputs> inputs() {
    Gen<ExposeStrategy> strategies = Generate.enumValues(ExposeStrategy.class);
    Gen<Profile> profiles = Generate.enumValues(Profile.class);
    Gen<Optional<Integer>> ports = Generate.range(30000, 32767).toOptionals(70);
    return strategies.zip(profiles, features(), optionalRangeLists(), (strategy, profile, f, ranges) ->
        new Object[] {strategy, profile, f, ranges})
        .zip(seeds(), ports, (parts, seed, port) -> {
          ExposeStrategy strategy = (ExposeStrategy) parts[0];
          Profile profile = (Profile) parts[1];
          Features f = (Features) parts[2];
          @SuppressWarnings("unchecked")
          Optional<List<Cidr>> ranges = (Optional<List<Cidr>>) parts[3];
          return build(strategy, profile, f, strategy == ExposeStrategy.LOAD_BALANCER ? ranges : Optional.empty(),
              seed, port);
        });
  }

  public static ClusterInputs build(ExposeStrategy strategy, Profile profile, Features f, Optional<List<Cidr>> ranges,
      Seed seed, Optional<Integer> port) {
    ClusterSpec.Builder spec = ClusterSpec.builder()
        .putFeatures(ClusterSpec.APISERVER_NETWORK_POLICY, f.gate())
        .exposeStrategy(strategy)
        .datacenter("dc-1")
        .cloudProvider(port.isPresent() ? "aws" : "openstack")
        .apiServerAllowedIPRanges(ranges)
        .clusterNetwork(ClusterNetwork.builder().konnectivityEnabled(f.konnectivity()).build())
        .kyvernoEnabled(f.kyverno())
        .authorizationWebhook(f.webhook());
    if (f.oidc()) {
      spec.oidcIssuerURL(DEX);
    }
    Cluster.Builder cluster = Cluster.builder().name("prod-1").spec(spec.build());
    if (strategy == ExposeStrategy.TUNNELING) {
      cluster.statusExternalName("prod-1.europe-west.example.com");
    } else {
      port.ifPresent(cluster::statusPort);
    }
    RenderContext.Builder context = RenderContext.builder().name("europe-west").profile(profile)
        .seedAPIServerEndpoints(List.of(Cidr.parseHost("10.0.0.10"), Cidr.parseHost("fd00::10")))
        .clusterDNS(ClusterDns.builder().namespace("kube-system").putPodLabels("k8s-app", "kube-dns").build())
        .addOidcIssuers(OidcIssuer.builder().url(DEX).addAllIps(typed(f, "203.0.113.20")).build())
        .addAuthorizationWebhooks(AuthorizationWebhook.builder().cluster("prod-1")
            .url("https://authz.example.com:8443/authorize").addAllIps(typed(f, "203.0.113.30")).build());
    if (f.cilium()) {
      context.cni("cilium").seedAPIServerEndpoints(java.util.Optional.empty())
          .cilium(dev.apiserverpolicy.model.CiliumFlavour.builder().fqdnEgress(true).seedAPIServerEntity(true).build());
    }
    if (f.extra()) {
      ExtraEgressRule.Builder rule = ExtraEgressRule.builder().name("audit-sink-allow").description("Audit sink.")
          .addPorts(NetworkPolicyPort.builder().port(514).build());
      if (f.resolved() || f.cilium()) {
        rule.addHosts("audit.example.com");
      } else {
        rule.addTo(NetworkPolicyPeer.builder().ipBlock(IpBlock.builder().cidr(Cidr.parse("203.0.113.40/32")).build())
            .build());
      }
      context.addExtraEgress(rule.build());
    }
    ResolvedAddresses resolved = !f.resolved() ? ResolvedAddresses.none() : ResolvedAddresses.of(java.util.Map.of(
        "dex.example.com", List.of(Cidr.parseHost("203.0.113.20")),
        "authz.example.com", List.of(Cidr.parseHost("203.0.113.30")),
        "audit.example.com", List.of(Cidr.parseHost("203.0.113.40"))));
    return ClusterInputs.builder().cluster(cluster.build()).seed(seed).context(context.build())
        .kubermaticConfiguration(Scenarios.INSTALLATION).resolvedAddresses(resolved).build();
  }

  private static List<Cidr> typed(Features f, String address) {
    return f.resolved() ? List.of() : List.of(Cidr.parseHost(address));
  }
}
