package dev.apiserverpolicy.render.bind;

import dev.apiserverpolicy.model.AuthenticationIssuers;
import dev.apiserverpolicy.model.AuthorizationWebhook;
import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.ExtraEgressRule;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.KubermaticConfiguration;
import dev.apiserverpolicy.model.OidcIssuer;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.Seed;
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.facts.HttpUrls;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The host names whose addresses render needs: the host of every OIDC issuer URL (clusters'
 * {@code spec.oidc.issuerURL}, the RenderContexts' {@code oidcIssuers} and
 * {@code authenticationConfigurations}, seeds' and, with the OpenIDAuthPlugin gate, KKP's own
 * issuer), of every {@code authorizationWebhooks} URL, and every extraEgress host. Left out:
 * IP literals, URLs that cannot be used (the validators report those), and what no cluster
 * reaches by address: a name under a RenderContext whose Cilium flavour has {@code fqdnEgress}
 * (render writes it as a toFQDNs name), and a seed's or KKP's issuer that no cluster reaching
 * issuers by address inherits. A cluster the binding leaves out counts as reaching by address:
 * when unsure, the name is looked up. Pure: it names the hosts; looking them up is the caller's.
 *
 * @since 0.1.0
 */
public final class HostsToResolve {
  /** The errors a ResolvedHosts input with the hosts' addresses takes away. */
  private static final Set<DiagnosticCode> FIXED_BY_RESOLVING = EnumSet.of(DiagnosticCode.HOST_UNRESOLVED,
      DiagnosticCode.OIDC_ISSUER_UNRESOLVED, DiagnosticCode.AUTHORIZATION_WEBHOOK_UNRESOLVED);

  private HostsToResolve() {}

  /**
   * True if {@code code} says a host's addresses are not known, which resolving the hosts of
   * {@link #of} (and giving the file with the inputs) takes away. Every other error stays.
   */
  public static boolean fixedByResolving(DiagnosticCode code) {
    return FIXED_BY_RESOLVING.contains(code);
  }

  /** Host (lower case, no trailing dot) to the objects that need it, in order. */
  public static SortedMap<String, List<String>> of(Inputs read) {
    Map<Cluster, ClusterInputs> bound = new HashMap<>();
    InputBinding.bind(read).clusters().forEach(c -> bound.putIfAbsent(c.cluster(), c));
    List<Cluster> byAddress = read.clusters().stream().filter(c -> !byName(bound.get(c))).toList();
    // The seeds whose issuer a cluster reaching issuers by address may inherit.
    Set<Seed> inherited = new HashSet<>();
    byAddress.stream().map(bound::get).filter(Objects::nonNull).forEach(c -> inherited.add(c.seed()));
    SortedMap<String, List<String>> hosts = new TreeMap<>();
    for (Cluster cluster : byAddress) {
      cluster.spec().oidcIssuerURL().ifPresent(url -> addUrl(hosts, url, cluster.ref()));
    }
    for (Seed seed : read.seeds()) {
      if (inherited.contains(seed)) {
        seed.oidcProviderIssuerURL().ifPresent(url -> addUrl(hosts, url, seed.ref()));
      }
    }
    for (KubermaticConfiguration kkp : read.kubermaticConfigurations()) {
      if (kkp.openIdAuthPlugin() && !byAddress.isEmpty()) {
        kkp.tokenIssuer().ifPresent(url -> addUrl(hosts, url, kkp.ref()));
      }
    }
    for (RenderContext context : read.contexts()) {
      if (!context.fqdnEgress()) {
        addContext(hosts, context);
      }
    }
    return hosts;
  }

  /** True if the cluster is bound to a RenderContext that reaches every host by name; false if unbound. */
  private static boolean byName(ClusterInputs bound) {
    return bound != null && bound.context().map(RenderContext::fqdnEgress).orElse(false);
  }

  private static void addContext(Map<String, List<String>> hosts, RenderContext context) {
    for (OidcIssuer issuer : context.oidcIssuers()) {
      addUrl(hosts, issuer.url(), context.ref());
    }
    for (AuthenticationIssuers declared : context.authenticationConfigurations()) {
      declared.issuers().forEach(url -> addUrl(hosts, url, context.ref()));
    }
    for (AuthorizationWebhook webhook : context.authorizationWebhooks()) {
      addUrl(hosts, webhook.url(), context.ref());
    }
    for (ExtraEgressRule rule : context.extraEgress()) {
      rule.hosts().stream().filter(host -> !host.startsWith("*")).forEach(host -> add(hosts, host, context.ref()));
    }
  }

  private static void addUrl(Map<String, List<String>> hosts, String url, String neededBy) {
    Optional<String> host = HttpUrls.host(url);
    if (host.isPresent() && !Cidr.isAddressLiteral(host.get())) {
      add(hosts, host.get(), neededBy);
    }
  }

  private static void add(Map<String, List<String>> hosts, String host, String neededBy) {
    List<String> by = hosts.computeIfAbsent(host, k -> new ArrayList<>());
    if (!by.contains(neededBy)) {
      by.add(neededBy);
    }
  }
}
