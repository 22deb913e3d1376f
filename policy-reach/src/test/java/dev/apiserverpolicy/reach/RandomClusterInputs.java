package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.model.AuthenticationIssuers;
import dev.apiserverpolicy.model.AuthorizationWebhook;
import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.CiliumFlavour;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ClusterDns;
import dev.apiserverpolicy.model.ClusterNetwork;
import dev.apiserverpolicy.model.ClusterSpec;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.model.KubermaticConfiguration;
import dev.apiserverpolicy.model.LoadBalancerBackend;
import dev.apiserverpolicy.model.OidcIssuer;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.SecretKeyRef;
import dev.apiserverpolicy.model.Seed;
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.ResolvedAddresses;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Renderable inputs drawn from one random number each: every profile, strategy and Cilium
 * switch; seed endpoints, issuers (typed in, resolved, IP literals, on any port, behind load
 * balancers), webhooks and extraEgress entries of every peer kind, with addresses of both
 * families picked at random. Each choice is independent, so the space is large; the draws
 * come from QuickTheories' fixed seed, so a run is repeatable.
 */
final class RandomClusterInputs {
  static final String[] ISSUER_HOSTS = {"dex.example.com", "login.example.org", "203.0.113.50", "2001:db8:1::50"};

  private final SplittableRandom random;
  private final Map<String, List<Cidr>> resolved = new TreeMap<>();

  private RandomClusterInputs(long seed) {
    this.random = new SplittableRandom(seed);
  }

  static Gen<ClusterInputs> inputs() {
    return Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE).map(seed -> new RandomClusterInputs(seed).draw());
  }

  private ClusterInputs draw() {
    Profile profile = pick(Profile.values());
    ExposeStrategy strategy = pick(ExposeStrategy.values());
    String name = pick(new String[] {"prod-1", "payments", "x7"});
    boolean cilium = chance(40);
    boolean fqdn = cilium && chance(70);
    boolean entity = cilium && chance(60);
    boolean wildcards = fqdn && chance(50);
    RenderContext.Builder context = RenderContext.builder().name("europe-west").profile(profile);
    if (!entity || chance(30)) {
      List<Cidr> endpoints = addresses(1, 3);
      context.seedAPIServerEndpoints(endpoints);
      if (endpoints.size() > 1 && chance(40)) {
        // As the seed's EndpointSlices say: one endpoint not ready (or terminating).
        context.addSeedAPIServerEndpointsNotReady(endpoints.get(0));
      }
    }
    if (chance(50)) {
      context.seedAPIServerPort(pick(new Integer[] {6443, 443, 16443}));
    }
    if (profile == Profile.LEAST_PRIVILEGE || chance(50)) {
      context.clusterDNS(clusterDns());
    }
    Optional<String> ingress = chance(30) ? Optional.of("ingress-system") : Optional.empty();
    context.ingressNamespace(ingress);
    if (cilium) {
      context.cni("cilium").cilium(CiliumFlavour.builder().fqdnEgress(fqdn).seedAPIServerEntity(entity)
          .allowWildcardHosts(wildcards).build());
    }
    ClusterSpec.Builder spec = clusterSpec(strategy);
    issuers(name, spec, context);
    if (chance(40)) {
      spec.authorizationWebhook(true);
    }
    webhooks(name, context);
    new RandomExtraEgress(random, resolved, wildcards).addTo(context);
    return ClusterInputs.builder().cluster(cluster(name, strategy, spec.build())).seed(seed())
        .context(context.build()).kubermaticConfiguration(installation(ingress, chance(30)))
        .resolvedAddresses(ResolvedAddresses.of(resolved)).build();
  }

  private ClusterSpec.Builder clusterSpec(ExposeStrategy strategy) {
    ClusterSpec.Builder spec = ClusterSpec.builder().exposeStrategy(strategy).datacenter("dc-1")
        .cloudProvider(chance(50) ? "aws" : "openstack");
    if (chance(85)) {
      spec.putFeatures(ClusterSpec.APISERVER_NETWORK_POLICY, true);
    } else if (chance(50)) {
      spec.putFeatures(ClusterSpec.APISERVER_NETWORK_POLICY, false);
    }
    ClusterNetwork.Builder network = ClusterNetwork.builder();
    if (chance(80)) {
      network.konnectivityEnabled(chance(50));
    }
    spec.clusterNetwork(network.build());
    if (chance(70)) {
      spec.kyvernoEnabled(chance(50));
    }
    if (strategy == ExposeStrategy.LOAD_BALANCER && chance(70)) {
      spec.apiServerAllowedIPRanges(ranges(0, 4));
    }
    return spec;
  }

  private Cluster cluster(String name, ExposeStrategy strategy, ClusterSpec spec) {
    Cluster.Builder cluster = Cluster.builder().name(name).spec(spec);
    if (chance(30)) {
      cluster.statusNamespace("cluster-" + name);
    }
    if (strategy == ExposeStrategy.TUNNELING) {
      cluster.statusExternalName(name + ".europe-west.example.com");
    }
    if (chance(60)) {
      cluster.statusPort(30000 + random.nextInt(2768));
    }
    return cluster.build();
  }

  private Seed seed() {
    Seed.Builder seed = Seed.builder().name("europe-west").addDatacenters("dc-1")
        .addAllDefaultAPIServerAllowedIPRanges(ranges(0, 3)).addAllNodeportProxySourceRanges(ranges(0, 3));
    if (chance(20)) {
      seed.oidcProviderIssuerURL("https://kkp.example.com/dex");
    }
    return seed.build();
  }

  private static KubermaticConfiguration installation(Optional<String> ingress, boolean openIdAuthPlugin) {
    return KubermaticConfiguration.builder().name("kubermatic").ingressNamespaceOverride(ingress)
        .putFeatureGates("OpenIDAuthPlugin", openIdAuthPlugin).tokenIssuer("https://kkp.example.com/dex").build();
  }

  private ClusterDns clusterDns() {
    ClusterDns.Builder dns = ClusterDns.builder().namespace(pick(new String[] {"kube-system", "dns-system"}));
    if (chance(70)) {
      dns.putPodLabels("k8s-app", pick(new String[] {"kube-dns", "node-local-dns"}));
    }
    return dns.build();
  }

  /** The cluster's issuers: an AuthenticationConfiguration, spec.oidc, both, or neither. */
  private void issuers(String cluster, ClusterSpec.Builder spec, RenderContext.Builder context) {
    int kind = random.nextInt(4);
    if (kind == 1 || kind == 3) {
      spec.oidcIssuerURL(issuerUrl());
    }
    if (kind >= 2) {
      spec.authenticationConfiguration(SecretKeyRef.builder().name("authn").key("config.yaml").build());
      List<String> urls = new ArrayList<>();
      for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
        urls.add(issuerUrl());
      }
      context.addAuthenticationConfigurations(AuthenticationIssuers.builder().namespace("cluster-" + cluster)
          .name("authn").key("config.yaml").addAllIssuers(urls).build());
    }
    for (String host : List.of(ISSUER_HOSTS[0], ISSUER_HOSTS[1], "kkp.example.com")) {
      issuerEntry(host, context);
    }
  }

  private String issuerUrl() {
    String host = pick(ISSUER_HOSTS);
    String authority = host.contains(":") ? "[" + host + "]" : chance(20) ? host.toUpperCase() : host;
    String port = pick(new String[] {"", "", ":8443", ":9000"});
    return (chance(85) ? "https://" : "http://") + authority + port + "/dex";
  }

  /** The addresses of an issuer host: typed in, or from ResolvedHosts; sometimes with load-balancer backends. */
  private void issuerEntry(String host, RenderContext.Builder context) {
    List<Cidr> ips = addresses(1, 2);
    OidcIssuer.Builder entry = OidcIssuer.builder().url("https://" + host + "/dex");
    if (chance(50)) {
      entry.addAllIps(ips);
    } else {
      resolved.put(host, ips);
    }
    if (chance(30)) {
      entry.addLoadBalancerBackends(LoadBalancerBackend.builder().namespace(pick(new String[] {"tenant-a", "lb"}))
          .putPodLabels("app.kubernetes.io/name", pick(new String[] {"idp", "dex"})).build());
    }
    context.addOidcIssuers(entry.build());
  }

  private void webhooks(String cluster, RenderContext.Builder context) {
    String port = pick(new String[] {"", ":8443", ":10443"});
    AuthorizationWebhook.Builder webhook = AuthorizationWebhook.builder().cluster(cluster)
        .url("https://authz.example.com" + port + "/authorize");
    List<Cidr> ips = addresses(1, 2);
    if (chance(50)) {
      webhook.addAllIps(ips);
    } else {
      resolved.put("authz.example.com", ips);
    }
    context.addAuthorizationWebhooks(webhook.build());
  }

  /** {@code min} to {@code max} distinct host addresses, either family, from small spaces so that cells touch. */
  private List<Cidr> addresses(int min, int max) {
    return addresses(random, min, max);
  }

  static List<Cidr> addresses(SplittableRandom random, int min, int max) {
    Set<Cidr> out = new LinkedHashSet<>();
    for (int i = 0, n = min + random.nextInt(max - min + 1); i < n; i++) {
      out.add(Cidr.parseHost(random.nextInt(100) < 60
          ? "203.0.113." + random.nextInt(256) : "2001:db8::" + random.nextInt(4096)));
    }
    return List.copyOf(out);
  }

  /** Ranges of both families, nested and overlapping often. */
  private List<Cidr> ranges(int min, int max) {
    List<Cidr> out = new ArrayList<>();
    for (int i = 0, n = min + random.nextInt(max - min + 1); i < n; i++) {
      out.add(chance(60) ? Cidr.parse("198.51.100." + random.nextInt(256) + "/32").truncate(24 + random.nextInt(9))
          : Cidr.parse("2001:db8:2::" + Integer.toHexString(random.nextInt(65536)) + "/128")
              .truncate(112 + random.nextInt(17)));
    }
    return out;
  }

  private boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }
}
