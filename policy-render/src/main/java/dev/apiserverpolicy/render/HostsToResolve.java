package dev.apiserverpolicy.render;

import dev.apiserverpolicy.model.AuthenticationIssuers;
import dev.apiserverpolicy.model.AuthorizationWebhook;
import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ExtraEgressRule;
import dev.apiserverpolicy.model.KubermaticConfiguration;
import dev.apiserverpolicy.model.OidcIssuer;
import dev.apiserverpolicy.model.ReadResult;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.Seed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The host names whose addresses the inputs need: the host of every OIDC issuer URL (clusters'
 * {@code spec.oidc.issuerURL}, the RenderContexts' {@code oidcIssuers} and
 * {@code authenticationConfigurations}, seeds' and, with the OpenIDAuthPlugin gate, KKP's own
 * issuer), of every {@code authorizationWebhooks} URL, and every extraEgress host. IP literals
 * and URLs that cannot be used are left out (the validators report those). Pure: it names the
 * hosts; looking them up is the caller's.
 */
public final class HostsToResolve {
  private HostsToResolve() {}

  /** Host (lower case, no trailing dot) to the objects that need it, in order. */
  public static SortedMap<String, List<String>> of(ReadResult read) {
    SortedMap<String, List<String>> hosts = new TreeMap<>();
    for (Cluster cluster : read.clusters()) {
      cluster.spec().oidcIssuerURL().ifPresent(url -> addUrl(hosts, url, cluster.ref()));
    }
    for (Seed seed : read.seeds()) {
      seed.oidcProviderIssuerURL().ifPresent(url -> addUrl(hosts, url, seed.ref()));
    }
    for (KubermaticConfiguration kkp : read.kubermaticConfigurations()) {
      if (kkp.openIdAuthPlugin()) {
        kkp.tokenIssuer().ifPresent(url -> addUrl(hosts, url, kkp.ref()));
      }
    }
    for (RenderContext context : read.contexts()) {
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
    return hosts;
  }

  private static void addUrl(Map<String, List<String>> hosts, String url, String neededBy) {
    Optional<String> host = RunTimeFacts.host(url);
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
