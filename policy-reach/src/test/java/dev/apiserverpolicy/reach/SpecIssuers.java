package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.model.AuthenticationIssuers;
import dev.apiserverpolicy.model.AuthorizationWebhook;
import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.LabelSelector;
import dev.apiserverpolicy.model.LoadBalancerBackend;
import dev.apiserverpolicy.model.NetworkPolicyPort;
import dev.apiserverpolicy.model.OidcIssuer;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.SecretKeyRef;
import dev.apiserverpolicy.reach.Allowance.Addresses;
import dev.apiserverpolicy.reach.Allowance.Name;
import dev.apiserverpolicy.reach.Allowance.Pods;
import dev.apiserverpolicy.render.ClusterInputs;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * docs/spec.md section 4's {@code oidc-issuer-allow} and {@code authorization-webhook-allow}
 * rows and their Cilium forms (4.1): the cluster's issuers in KKP's order, each host an IP
 * literal or a name with the addresses the context or ResolvedHosts gives; the webhook of the
 * cluster. URLs are read with {@link URI}, not the renderer's parser.
 */
final class SpecIssuers {
  private static final String ENVOY_GATEWAY = "envoy-gateway-controller";

  private final ClusterInputs in;
  private final boolean leastPrivilege;
  private final boolean skip;
  private final boolean byName;
  private final SpecExpectation.Builder out;

  SpecIssuers(ClusterInputs in, Profile profile, SpecExpectation.Builder out) {
    this.in = in;
    this.leastPrivilege = profile == Profile.LEAST_PRIVILEGE;
    this.skip = profile == Profile.KKP_V2_18;
    this.byName = in.context().filter(c -> c.cni().filter("cilium"::equals).isPresent())
        .flatMap(RenderContext::cilium).filter(c -> c.fqdnEgress()).isPresent();
    this.out = out;
  }

  void add() {
    if (skip) {
      return;
    }
    List<String> urls = issuerUrls();
    if (!urls.isEmpty()) {
      issuers(urls);
    }
    if (in.cluster().spec().authorizationWebhook()) {
      webhook();
    }
  }

  /** The issuers' addresses (or names), then rules B to D on the issuers' ports. */
  private void issuers(List<String> urls) {
    out.networkPolicy("oidc-issuer-allow");
    TreeSet<Integer> ports = new TreeSet<>();
    for (String url : urls) {
      String host = host(url);
      int port = port(url);
      ports.add(port);
      if (byName && !Cidr.isAddressLiteral(host)) {
        out.ciliumPolicy("oidc-issuer-allow").allow(new Name(host), SpecOracle.tcp(port));
      } else {
        for (Cidr address : addresses(host)) {
          out.allow(new Addresses(address, List.of()), leastPrivilege ? SpecOracle.tcp(port) : List.of());
        }
      }
    }
    List<NetworkPolicyPort> onPorts = leastPrivilege ? SpecOracle.tcp(ports) : List.of();
    for (String url : urls) {
      for (LoadBalancerBackend b : entry(host(url)).map(OidcIssuer::loadBalancerBackends).orElse(List.of())) {
        out.allow(Pods.in(b.namespace(), b.podLabels()), onPorts);
      }
    }
    String ingress = in.context().flatMap(RenderContext::ingressNamespace).orElse("nginx-ingress-controller");
    out.allow(new Pods(Optional.of(namespaceNamed(ingress)), Optional.empty()), onPorts);
    out.allow(new Pods(Optional.of(namespaceNamed(ENVOY_GATEWAY)), Optional.empty()), onPorts);
  }

  private void webhook() {
    AuthorizationWebhook webhook = in.context().map(RenderContext::authorizationWebhooks).orElse(List.of()).stream()
        .filter(w -> w.cluster().equals(in.cluster().name())).findFirst().orElseThrow();
    String host = host(webhook.url());
    if (byName && !Cidr.isAddressLiteral(host)) {
      out.ciliumPolicy("authorization-webhook-allow").allow(new Name(host), SpecOracle.tcp(port(webhook.url())));
      return;
    }
    List<Cidr> ips = !webhook.ips().isEmpty() ? webhook.ips() : in.resolvedAddresses().of(host).orElseThrow();
    out.networkPolicy("authorization-webhook-allow");
    ips.forEach(ip -> out.allow(new Addresses(ip, List.of()), SpecOracle.tcp(port(webhook.url()))));
  }

  /** Section 4, "The cluster's OIDC issuers", in KKP's order. */
  private List<String> issuerUrls() {
    Optional<SecretKeyRef> secret = in.cluster().spec().authenticationConfiguration();
    String secretNamespace = in.cluster().namespace();
    if (secret.isEmpty()) {
      secret = in.datacenterSettings().flatMap(d -> d.authenticationConfiguration())
          .or(() -> in.seed().authenticationConfiguration());
      secretNamespace = "kubermatic";
    }
    if (secret.isPresent()) {
      for (AuthenticationIssuers declared : in.context().orElseThrow().authenticationConfigurations()) {
        if (declared.namespace().equals(secretNamespace) && declared.name().equals(secret.get().name())
            && declared.key().equals(secret.get().key())) {
          return declared.issuers();
        }
      }
    }
    if (in.cluster().spec().oidcIssuerURL().isPresent()) {
      return List.of(in.cluster().spec().oidcIssuerURL().get());
    }
    boolean plugin = in.kubermaticConfiguration().map(k -> k.featureGates().getOrDefault("OpenIDAuthPlugin", false))
        .orElse(false);
    Optional<String> kkp = in.seed().oidcProviderIssuerURL()
        .or(() -> in.kubermaticConfiguration().flatMap(k -> k.tokenIssuer()
            .or(() -> k.ingressDomain().map(domain -> "https://" + domain + "/dex"))));
    return plugin && kkp.isPresent() ? List.of(kkp.get()) : List.of();
  }

  private List<Cidr> addresses(String host) {
    if (Cidr.isAddressLiteral(host)) {
      return List.of(Cidr.parseHost(host));
    }
    List<Cidr> typed = entry(host).map(OidcIssuer::ips).orElse(List.of());
    return !typed.isEmpty() ? typed : in.resolvedAddresses().of(host).orElseThrow();
  }

  private Optional<OidcIssuer> entry(String host) {
    return in.context().orElseThrow().oidcIssuers().stream().filter(i -> host(i.url()).equals(host)).findFirst();
  }

  /** The host as KKP matches it: lower case, no trailing dot, an IPv6 literal without brackets. */
  static String host(String url) {
    String host = URI.create(url).getHost().toLowerCase(Locale.ROOT);
    host = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  /** The explicit port, else 443 for https and 80 for http. */
  static int port(String url) {
    URI uri = URI.create(url);
    return uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  private static LabelSelector namespaceNamed(String name) {
    return LabelSelector.builder().putAllMatchLabels(Map.of(Namespace.NAME_LABEL, name)).build();
  }
}
