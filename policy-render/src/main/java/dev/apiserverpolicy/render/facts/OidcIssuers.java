package dev.apiserverpolicy.render.facts;

import dev.apiserverpolicy.model.AuthenticationIssuers;
import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.CidrFormatException;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.DatacenterSettings;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.FieldPath;
import dev.apiserverpolicy.model.KubermaticConfiguration;
import dev.apiserverpolicy.model.LoadBalancerBackend;
import dev.apiserverpolicy.model.OidcIssuer;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.SecretKeyRef;
import dev.apiserverpolicy.render.ClusterInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The OIDC issuers a cluster's API server must reach, found in KKP v2.31's order
 * ({@code oidcIssuerDestinations} in {@code pkg/controller/seed-controller-manager/kubernetes/resources.go}):
 * every issuer of the AuthenticationConfiguration the cluster, else its datacenter, else its
 * seed names (none if it holds none: KKP then looks no further); else {@code spec.oidc.issuerURL};
 * else, with the {@code OpenIDAuthPlugin} gate, KKP's own issuer. Each issuer's host becomes
 * addresses as KKP resolves them: an IP
 * literal is used as it is; a host name (lower-cased, without a trailing dot) takes its
 * addresses from the RenderContext, else from a ResolvedHosts input. What cannot be known is a
 * finding, never left out.
 *
 * @since 0.1.0
 */
public final class OidcIssuers {
  /**
   * Where KKP reads the AuthenticationConfiguration Secret a datacenter or a seed names, whatever
   * the Seed's own namespace ({@code resources.KubermaticNamespace}, resources.go line 1751).
   */
  static final String KUBERMATIC_NAMESPACE = "kubermatic";

  /**
   * One issuer: its URL, the host as matched, the port, its addresses and the pods behind its
   * load balancers. {@code byName}: the Cilium flavour reaches it by name, so it has no addresses.
   */
  public record Issuer(String url, String host, int port, List<Cidr> addresses, List<LoadBalancerBackend> backends,
      boolean byName) {}

  /** The issuers, and what stopped some from being known. */
  record Resolution(List<Issuer> issuers, List<Diagnostic> problems) {}

  private OidcIssuers() {}

  static Resolution resolve(ClusterInputs inputs) {
    Named named = named(inputs);
    List<Issuer> issuers = new ArrayList<>();
    for (String url : named.urls()) {
      resolveOne(inputs, url).ifPresent(issuers::add);
    }
    List<Diagnostic> problems = new ArrayList<>(named.problems());
    for (String url : named.urls()) {
      problem(inputs, url, named.path()).ifPresent(problems::add);
    }
    return new Resolution(List.copyOf(issuers), problems);
  }

  /** The issuer URLs KKP takes, the field they are reported at, and what stopped KKP's search. */
  private record Named(List<String> urls, FieldPath path, List<Diagnostic> problems) {
    static Named stopped(Diagnostic problem) {
      return new Named(List.of(), FieldPath.root(), List.of(problem));
    }

    static Named none() {
      return new Named(List.of(), FieldPath.root(), List.of());
    }
  }

  /** In KKP's order: the AuthenticationConfiguration's issuers, else spec.oidc.issuerURL, else KKP's own. */
  private static Named named(ClusterInputs inputs) {
    Optional<Referenced> secret = authenticationSecret(inputs);
    if (secret.isPresent()) {
      return fromSecret(inputs, secret.get());
    }
    Optional<String> own = inputs.cluster().spec().oidcIssuerURL();
    if (own.isPresent()) {
      return new Named(List.of(own.get()), FieldPath.of("spec", "oidc", "issuerURL"), List.of());
    }
    return kkpIssuer(inputs);
  }

  private static Named fromSecret(ClusterInputs inputs, Referenced r) {
    Cluster cluster = inputs.cluster();
    Optional<AuthenticationIssuers> declared = inputs.context().flatMap(c -> c.authenticationConfigurations().stream()
        .filter(a -> a.namespace().equals(r.namespace()) && a.name().equals(r.ref().name())
            && a.key().equals(r.ref().key()))
        .findFirst());
    if (declared.isEmpty()) {
      return Named.stopped(Diagnostic.at(DiagnosticCode.AUTHENTICATION_ISSUERS_UNKNOWN, cluster.origin(), r.path())
          .object(cluster.ref())
          .message("the cluster's AuthenticationConfiguration is in Secret " + r.describe() + " (" + r.where()
              + "), and the RenderContext does not say which issuers it holds; KKP allows egress to each of them")
          .hint("add {secret: {namespace: " + r.namespace() + ", name: " + r.ref().name() + ", key: " + r.ref().key()
              + "}, issuers: [...every jwt[].issuer.url...]} to the RenderContext's authenticationConfigurations")
          .build());
    }
    // KKP takes the configuration's issuers and looks no further, even when it has none
    // (oidcIssuerDestinations, resources.go 912-926): no issuer, so no oidc-issuer-allow.
    return new Named(declared.get().issuers(), r.path(), List.of());
  }

  /** With the OpenIDAuthPlugin gate, KKP's own issuer: the seed's, else the KubermaticConfiguration's. */
  private static Named kkpIssuer(ClusterInputs inputs) {
    Cluster cluster = inputs.cluster();
    Optional<KubermaticConfiguration> kkp = inputs.kubermaticConfiguration();
    if (kkp.isEmpty()) {
      return Named.stopped(Diagnostic.at(DiagnosticCode.KUBERMATIC_CONFIGURATION_MISSING, cluster.origin(),
              FieldPath.of("spec", "features", "apiserverNetworkPolicy"))
          .object(cluster.ref())
          .message("the cluster names no OIDC issuer, and whether KKP adds its own (the OpenIDAuthPlugin feature "
              + "gate) is in the KubermaticConfiguration, which is not in the input")
          .hint("add the installation's KubermaticConfiguration to the input (its spec.featureGates and "
              + "spec.auth.tokenIssuer are what is read)")
          .build());
    }
    if (!kkp.get().openIdAuthPlugin()) {
      return Named.none();
    }
    Optional<String> global = inputs.seed().oidcProviderIssuerURL().or(() -> kkp.get().effectiveTokenIssuer());
    if (global.isEmpty()) {
      return Named.stopped(Diagnostic.at(DiagnosticCode.FIELD_MISSING, kkp.get().origin(), FieldPath.of("spec", "auth",
          "tokenIssuer"))
          .object(cluster.ref())
          .message("the OpenIDAuthPlugin gate is on, but neither the KubermaticConfiguration's "
              + "spec.auth.tokenIssuer (nor spec.ingress.domain, from which KKP defaults it) nor the seed's "
              + "oidcProviderConfiguration names KKP's issuer")
          .hint("set spec.auth.tokenIssuer, as the KKP installation has it")
          .build());
    }
    return new Named(List.of(global.get()), FieldPath.of("spec", "features", "apiserverNetworkPolicy"), List.of());
  }

  /** A Secret named by the cluster, its datacenter or its seed, in that order, with its namespace. */
  private record Referenced(SecretKeyRef ref, String namespace, String where, FieldPath path) {
    String describe() {
      return namespace + "/" + ref.name() + "[" + ref.key() + "]";
    }
  }

  private static Optional<Referenced> authenticationSecret(ClusterInputs inputs) {
    Cluster cluster = inputs.cluster();
    String seedNamespace = KUBERMATIC_NAMESPACE;
    if (cluster.spec().authenticationConfiguration().isPresent()) {
      return Optional.of(new Referenced(cluster.spec().authenticationConfiguration().get(), cluster.namespace(),
          "named by the cluster", FieldPath.of("spec", "authenticationConfiguration")));
    }
    Optional<SecretKeyRef> datacenter = inputs.datacenterSettings()
        .flatMap(DatacenterSettings::authenticationConfiguration);
    if (datacenter.isPresent()) {
      return Optional.of(new Referenced(datacenter.get(), seedNamespace, "named by datacenter "
          + cluster.spec().datacenter().orElse("") + " of seed " + inputs.seed().name(), FieldPath.of("spec",
              "cloud", "dc")));
    }
    return inputs.seed().authenticationConfiguration().map(ref -> new Referenced(ref, seedNamespace,
        "named by seed " + inputs.seed().name(), FieldPath.of("spec", "cloud", "dc")));
  }

  /** The issuer, if its URL is usable and its addresses are known. */
  private static Optional<Issuer> resolveOne(ClusterInputs inputs, String url) {
    Optional<String> parsed = HttpUrls.host(url);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    String host = parsed.get();
    Optional<OidcIssuer> entry = contextEntry(inputs.context(), host);
    List<LoadBalancerBackend> backends = entry.map(OidcIssuer::loadBalancerBackends).orElse(List.of());
    if (byName(inputs, host)) {
      return Optional.of(new Issuer(url, host, HttpUrls.port(url), List.of(), backends, true));
    }
    List<Cidr> addresses = addresses(inputs, host, entry);
    if (addresses.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Issuer(url, host, HttpUrls.port(url), addresses, backends, false));
  }

  private static Optional<Diagnostic> problem(ClusterInputs inputs, String url, FieldPath path) {
    Cluster cluster = inputs.cluster();
    Optional<String> parsed = HttpUrls.host(url);
    if (parsed.isEmpty()) {
      return Optional.of(Diagnostic.at(DiagnosticCode.URL_INVALID, cluster.origin(), path)
          .object(cluster.ref())
          .message("OIDC issuer URL '" + url + "' " + HttpUrls.problem(url).orElse("is not valid"))
          .hint("write the issuer URL as an absolute https URL, e.g. https://dex.example.com/dex")
          .build());
    }
    String host = parsed.get();
    if (byName(inputs, host) || !addresses(inputs, host, contextEntry(inputs.context(), host)).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Diagnostic.at(DiagnosticCode.OIDC_ISSUER_UNRESOLVED, cluster.origin(), path)
        .object(cluster.ref())
        .message("the cluster uses OIDC issuer " + url + ", and the addresses of " + host + " are not known: "
            + "the RenderContext lists none, and no ResolvedHosts input has it")
        .hint("run apiserver-policy resolve on these inputs and give its file with them, or add {url: " + url
            + ", ips: [...]} to the RenderContext's oidcIssuers")
        .build());
  }

  /** True if the Cilium flavour reaches {@code host} by name: it has fqdnEgress, and the host is not an address. */
  static boolean byName(ClusterInputs inputs, String host) {
    return inputs.context().map(RenderContext::fqdnEgress).orElse(false) && ipLiteral(host).isEmpty();
  }

  /** An IP literal as it is; else the context entry's typed-in ips; else what the host resolved to. */
  private static List<Cidr> addresses(ClusterInputs inputs, String host, Optional<OidcIssuer> entry) {
    return ipLiteral(host).map(List::of)
        .or(() -> entry.map(OidcIssuer::ips).filter(ips -> !ips.isEmpty()))
        .or(() -> inputs.resolvedAddresses().of(host))
        .orElse(List.of());
  }

  /** The context's entry for an issuer host (entries are matched by their URL's host, normalised the same way). */
  static Optional<OidcIssuer> contextEntry(Optional<RenderContext> context, String host) {
    return context.flatMap(c -> c.oidcIssuers().stream()
        .filter(i -> HttpUrls.host(i.url()).filter(host::equals).isPresent())
        .findFirst());
  }

  /** An IP literal host is used as it is, as KKP's {@code hostnameToIPList} does. */
  private static Optional<Cidr> ipLiteral(String host) {
    if (!Cidr.isAddressLiteral(host)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Cidr.parseHost(host));
    } catch (CidrFormatException e) {
      return Optional.empty();
    }
  }
}
