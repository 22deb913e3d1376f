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
import dev.apiserverpolicy.model.IpFamily;
import dev.apiserverpolicy.model.LabelSelector;
import dev.apiserverpolicy.model.LabelSelectorRequirement;
import dev.apiserverpolicy.model.NetworkPolicyPeer;
import dev.apiserverpolicy.model.NetworkPolicyPort;
import dev.apiserverpolicy.model.OidcIssuer;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.Protocol;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.Seed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** Named inputs built in code, one per golden file. */
public final class Scenarios {
  /** One named input and the options it is rendered with. */
  public record Scenario(String name, ClusterInputs inputs, RenderOptions options) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final String DEX = "https://dex.example.com/dex";
  static final String AUTHZ = "https://authz.example.com:8443/authorize";

  private Scenarios() {}

  public static Seed seed() {
    return Seed.builder().name("europe-west").addDatacenters("dc-1").build();
  }

  public static RenderContext context() {
    return RenderContext.builder()
        .name("europe-west")
        .seedAPIServerEndpoints(List.of(Cidr.parseHost("10.0.0.10"), Cidr.parseHost("fd00::10")))
        .clusterDNS(ClusterDns.builder().namespace("kube-system").putPodLabels("k8s-app", "kube-dns").build())
        .build();
  }

  public static ClusterSpec.Builder spec(ExposeStrategy strategy, boolean konnectivity) {
    return ClusterSpec.builder()
        .putFeatures(ClusterSpec.APISERVER_NETWORK_POLICY, true)
        .exposeStrategy(strategy)
        .datacenter("dc-1")
        .cloudProvider("hetzner")
        .clusterNetwork(ClusterNetwork.builder().konnectivityEnabled(konnectivity).build());
  }

  public static Cluster.Builder cluster(ClusterSpec spec) {
    Cluster.Builder b = Cluster.builder().name("prod-1").spec(spec);
    if (spec.exposeStrategy().orElseThrow() == ExposeStrategy.TUNNELING) {
      b.statusExternalName("prod-1.europe-west.example.com").statusPort(6443);
    } else {
      b.statusPort(31000);
    }
    return b;
  }

  /** The installation every scenario belongs to: KKP's own issuer is not added (OpenIDAuthPlugin off). */
  public static final dev.apiserverpolicy.model.KubermaticConfiguration INSTALLATION =
      dev.apiserverpolicy.model.KubermaticConfiguration.builder().name("kubermatic").build();

  static Scenario scenario(String name, Cluster cluster, Seed seed, RenderContext context, Profile profile) {
    return scenario(name, cluster, seed, context, INSTALLATION, profile);
  }

  static Scenario scenario(String name, Cluster cluster, Seed seed, RenderContext context,
      dev.apiserverpolicy.model.KubermaticConfiguration installation, Profile profile) {
    return new Scenario(name, ClusterInputs.builder().cluster(cluster).seed(seed).context(context)
        .kubermaticConfiguration(installation).build(),
        RenderOptions.builder().profile(profile).build());
  }

  /** Every golden scenario. */
  public static List<Scenario> all() {
    List<Scenario> out = new ArrayList<>();
    for (Profile profile : Profile.values()) {
      for (ExposeStrategy strategy : ExposeStrategy.values()) {
        for (boolean konnectivity : List.of(true, false)) {
          ClusterSpec.Builder spec = spec(strategy, konnectivity);
          if (strategy == ExposeStrategy.LOAD_BALANCER) {
            spec.apiServerAllowedIPRanges(List.of(Cidr.parse("192.0.2.0/24")));
          }
          out.add(scenario("matrix/" + profile.id() + "-" + strategy.kkpName().toLowerCase(Locale.ROOT)
              + "-konnectivity-" + (konnectivity ? "on" : "off") + ".yaml",
              cluster(spec.build()).build(), seed(), context(), profile));
        }
      }
    }
    ClusterSpec lb = spec(ExposeStrategy.LOAD_BALANCER, true).build();
    for (Profile profile : List.of(Profile.KKP_V2_31, Profile.LEAST_PRIVILEGE)) {
      out.add(scenario("oidc-" + profile.id() + ".yaml",
          cluster(ClusterSpec.builder().from(lb).oidcIssuerURL(DEX).build()).build(), seed(),
          RenderContext.builder().from(context()).ingressNamespace("ingress-nginx")
              .addOidcIssuers(OidcIssuer.builder().url(DEX)
                  .addIps(Cidr.parseHost("203.0.113.20"), Cidr.parseHost("2001:db8::20")).build()).build(),
          profile));
      out.add(scenario("authorization-webhook-" + profile.id() + ".yaml",
          cluster(ClusterSpec.builder().from(lb).authorizationWebhook(true).build()).build(), seed(),
          RenderContext.builder().from(context())
              .addAuthorizationWebhooks(AuthorizationWebhook.builder().cluster("prod-1").url(AUTHZ)
                  .addIps(Cidr.parseHost("203.0.113.30")).build()).build(),
          profile));
    }
    out.add(scenario("extra-egress.yaml", cluster(lb).build(), seed(),
        RenderContext.builder().from(context()).addExtraEgress(ExtraEgressRule.builder()
            .name("audit-sink-allow").description("Audit webhook backend: syslog over TCP, and the collector pods.")
            .addTo(NetworkPolicyPeer.builder().ipBlock(IpBlock.builder().cidr(Cidr.parse("203.0.113.0/24"))
                .addExcept(Cidr.parse("203.0.113.128/25")).build()).build())
            .addTo(NetworkPolicyPeer.builder()
                .namespaceSelector(LabelSelector.builder().addMatchExpressions(LabelSelectorRequirement.builder()
                    .key("team").operator(LabelSelectorRequirement.Operator.IN).addValues("logging", "audit")
                    .build()).build())
                .podSelector(LabelSelector.builder().putMatchLabels("app", "collector").build()).build())
            .addPorts(NetworkPolicyPort.builder().protocol(Protocol.UDP).port(514).build())
            .addPorts(NetworkPolicyPort.builder().port(6514).endPort(6520).build())
            .addPorts(NetworkPolicyPort.builder().namedPort("syslog-tls").build())
            .build()).build(),
        Profile.KKP_V2_31));
    Seed seedWithRanges = Seed.builder().from(seed())
        .addDefaultAPIServerAllowedIPRanges(Cidr.parse("198.51.100.0/28"), Cidr.parse("2001:db8:ffff::/48"))
        .addNodeportProxySourceRanges(Cidr.parse("10.0.0.0/24"))
        .build();
    out.add(scenario("ranges-ipv6-only.yaml", cluster(ClusterSpec.builder().from(lb)
            .apiServerAllowedIPRanges(List.of(Cidr.parse("2001:db8:1::/64"), Cidr.parse("2001:db8:2::1/128")))
            .build()).build(), seed(), context(), Profile.KKP_V2_31));
    out.add(scenario("ranges-dual-stack.yaml", cluster(ClusterSpec.builder().from(lb)
            .clusterNetwork(ClusterNetwork.builder().konnectivityEnabled(true).ipFamily(IpFamily.DUAL_STACK).build())
            .apiServerAllowedIPRanges(List.of(Cidr.parse("2001:db8:1::/64"), Cidr.parse("192.0.2.0/24"),
                Cidr.parse("192.0.2.0/24"), Cidr.parse("172.16.0.0/12")))
            .build()).build(), seedWithRanges, context(), Profile.KKP_V2_31));
    out.add(scenario("ranges-absent-seed-defaults-not-applied.yaml", cluster(lb).build(), seedWithRanges,
        context(), Profile.KKP_V2_31));
    out.add(scenario("ranges-empty-seed-defaults-applied.yaml", cluster(ClusterSpec.builder().from(lb)
        .apiServerAllowedIPRanges(List.of()).build()).build(), seedWithRanges, context(), Profile.KKP_V2_31));
    UnaryOperator<ClusterSpec> aws = s -> ClusterSpec.builder().from(s).cloudProvider("aws").build();
    out.add(scenario("aws-loadbalancer.yaml", cluster(aws.apply(lb)).build(), seed(), context(), Profile.KKP_V2_31));
    out.add(scenario("azure-loadbalancer.yaml", cluster(ClusterSpec.builder().from(lb).cloudProvider("azure").build())
        .build(), Seed.builder().from(seed()).putNodeportProxyAnnotations("example.com/team", "platform").build(),
        context(), Profile.KKP_V2_31));
    out.add(scenario("gate-off.yaml", cluster(ClusterSpec.builder().from(lb)
        .putFeatures(ClusterSpec.APISERVER_NETWORK_POLICY, false).build()).build(), seed(), context(),
        Profile.KKP_V2_31));
    // KKP's order and form of lists under its profiles, this project's canonical forms under least-privilege.
    for (Profile profile : List.of(Profile.KKP_V2_31, Profile.LEAST_PRIVILEGE)) {
      out.add(scenario("list-forms/" + profile.id() + ".yaml", cluster(ClusterSpec.builder().from(lb)
              .apiServerAllowedIPRanges(List.of(Cidr.parse("2001:DB8::/32"), Cidr.parse("9.0.0.0/8"),
                  Cidr.parse("10.0.0.0/8"))).build()).build(),
          Seed.builder().from(seed()).addDefaultAPIServerAllowedIPRanges(Cidr.parse("10.250.0.0/16")).build(),
          RenderContext.builder().from(context()).seedAPIServerEndpoints(List.of(Cidr.parseHost("10.0.0.12"),
              Cidr.parseHost("10.0.0.10"), Cidr.parseHost("fd00::10"), Cidr.parseHost("10.0.0.11"))).build(),
          profile));
    }
    out.add(scenario("oidc-load-balancer-backends.yaml",
        cluster(ClusterSpec.builder().from(lb).oidcIssuerURL(DEX).build()).build(), seed(),
        RenderContext.builder().from(context()).addOidcIssuers(OidcIssuer.builder().url(DEX)
            .addIps(Cidr.parseHost("203.0.113.20"))
            .addLoadBalancerBackends(dev.apiserverpolicy.model.LoadBalancerBackend.builder().namespace("tenant-a")
                .putPodLabels("app.kubernetes.io/name", "tenant-a").build()).build()).build(),
        Profile.KKP_V2_31));
    out.add(scenario("authentication-configuration.yaml",
        cluster(ClusterSpec.builder().from(lb).authenticationConfiguration(dev.apiserverpolicy.model.SecretKeyRef
            .builder().name("authn").key("config.yaml").build()).build()).build(), seed(),
        RenderContext.builder().from(context())
            .addAuthenticationConfigurations(dev.apiserverpolicy.model.AuthenticationIssuers.builder()
                .namespace("cluster-prod-1").name("authn").key("config.yaml")
                .addIssuers("https://Login.Example.org./realms/a", "https://10.1.2.3:8443/realms/b").build())
            .addOidcIssuers(OidcIssuer.builder().url("https://login.example.org")
                .addIps(Cidr.parseHost("203.0.113.51"), Cidr.parseHost("203.0.113.50")).build()).build(),
        Profile.KKP_V2_31));
    out.add(scenario("kkp-own-issuer.yaml", cluster(lb).build(), seed(),
        RenderContext.builder().from(context()).addOidcIssuers(OidcIssuer.builder().url("https://kkp.example.com/dex")
            .addIps(Cidr.parseHost("203.0.113.60")).build()).build(),
        dev.apiserverpolicy.model.KubermaticConfiguration.builder().name("kubermatic")
            .putFeatureGates("OpenIDAuthPlugin", true).tokenIssuer("https://kkp.example.com/dex").build(),
        Profile.KKP_V2_31));
    out.add(scenario("apiserver-service-type-loadbalancer.yaml", cluster(lb).build(),
        Seed.builder().from(seed()).putDatacenterSettings("dc-1", dev.apiserverpolicy.model.DatacenterSettings
            .builder().apiServerServiceType(dev.apiserverpolicy.model.manifest.ServiceType.LOAD_BALANCER).build())
            .build(), context(), Profile.KKP_V2_31));
    // The Cilium flavour: issuers, the webhook and extraEgress hosts by name, the seed API server as an entity.
    for (Profile profile : List.of(Profile.KKP_V2_31, Profile.LEAST_PRIVILEGE)) {
      out.add(scenario("cilium/" + profile.id() + ".yaml", cluster(ClusterSpec.builder().from(lb).oidcIssuerURL(DEX)
              .authorizationWebhook(true).build()).build(), seed(),
          RenderContext.builder().from(context()).seedAPIServerEndpoints(java.util.Optional.empty()).cni("cilium")
              .cilium(dev.apiserverpolicy.model.CiliumFlavour.builder().fqdnEgress(true).seedAPIServerEntity(true)
                  .allowWildcardHosts(true).build())
              .addOidcIssuers(OidcIssuer.builder().url(DEX).build())
              .addAuthorizationWebhooks(AuthorizationWebhook.builder().cluster("prod-1").url(AUTHZ).build())
              .addExtraEgress(ExtraEgressRule.builder().name("audit-sink-allow")
                  .description("Audit webhook backend, by name, and the collectors' network.")
                  .addTo(NetworkPolicyPeer.builder().ipBlock(IpBlock.builder().cidr(Cidr.parse("203.0.113.0/24"))
                      .build()).build())
                  .addHosts("audit.example.com", "*.logs.example.com")
                  .addPorts(NetworkPolicyPort.builder().port(514).build()).build())
              .build(),
          profile));
    }
    out.add(scenario("kyverno.yaml", cluster(ClusterSpec.builder().from(lb).kyvernoEnabled(true).build()).build(),
        seed(), context(), Profile.LEAST_PRIVILEGE));
    return out;
  }
}
