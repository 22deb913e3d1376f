package dev.apiserverpolicy.render.bind;

import dev.apiserverpolicy.model.AuthenticationIssuers;
import dev.apiserverpolicy.model.AuthorizationWebhook;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.ExtraEgressRule;
import dev.apiserverpolicy.model.FieldError;
import dev.apiserverpolicy.model.FieldPath;
import dev.apiserverpolicy.model.KubernetesNames;
import dev.apiserverpolicy.model.LoadBalancerBackend;
import dev.apiserverpolicy.model.NetworkPolicyPeer;
import dev.apiserverpolicy.model.OidcIssuer;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.render.catalogue.EgressCatalogue;
import dev.apiserverpolicy.render.facts.HttpUrls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a RenderContext's own entries: extra egress rules, URLs, and every namespace, label
 * and selector it hands to the rendered policies, by Kubernetes' own rules.
 *
 * @since 0.1.0
 */
public final class RenderContextValidator {
  private RenderContextValidator() {}

  /** Findings about {@code context}; errors block every cluster of its seed. */
  public static List<Diagnostic> validate(RenderContext context) {
    FieldPath spec = FieldPath.of("spec");
    List<FieldError> out = new ArrayList<>(validateExtraEgress(context.extraEgress(), spec.child("extraEgress")));
    out.addAll(validateCilium(context, spec));
    context.clusterDNS().ifPresent(dns -> {
      out.addAll(KubernetesNames.validateNamespace(dns.namespace(), spec.child("clusterDNS").child("namespace")));
      out.addAll(KubernetesNames.validateLabels(dns.podLabels(), spec.child("clusterDNS").child("podLabels")));
    });
    context.ingressNamespace()
        .ifPresent(ns -> out.addAll(KubernetesNames.validateNamespace(ns, spec.child("ingressNamespace"))));
    out.addAll(validateOidcIssuers(context.oidcIssuers(), spec.child("oidcIssuers")));
    out.addAll(validateAuthenticationConfigurations(context.authenticationConfigurations(),
        spec.child("authenticationConfigurations")));
    out.addAll(validateAuthorizationWebhooks(context.authorizationWebhooks(), spec.child("authorizationWebhooks")));
    // Every label, selector and namespace the context hands to a rendered policy passes Kubernetes' own
    // rules, so the API server never refuses a policy (and a GitOps sync never stalls) on a value from here.
    return out.stream().map(e -> e.toDiagnostic(context.origin(), context.ref())).toList();
  }

  /** Each entry has peers, a name of its own, and selectors Kubernetes accepts. */
  static List<FieldError> validateExtraEgress(List<ExtraEgressRule> rules, FieldPath path) {
    List<FieldError> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      ExtraEgressRule rule = rules.get(i);
      FieldPath at = path.index(i);
      if (rule.to().isEmpty() && rule.hosts().isEmpty()) {
        out.add(new FieldError(at.child("to"), DiagnosticCode.EXTRA_EGRESS_NO_PEERS,
            "extraEgress " + rule.name() + " has no peers, which would allow egress to anywhere",
            "list the destinations under 'to' (an ipBlock, a host, or pod/namespace selectors)"));
      }
      String nameProblem = !KubernetesNames.isSubdomain(rule.name())
          ? "is not valid: " + KubernetesNames.SUBDOMAIN_RULE
          : EgressCatalogue.RESERVED_POLICY_NAMES.contains(rule.name()) ? "is a policy KKP or this tool manages"
          : !seen.add(rule.name()) ? "is used twice" : null;
      if (nameProblem != null) {
        out.add(new FieldError(at.child("name"), DiagnosticCode.EXTRA_EGRESS_NAME,
            "extraEgress name '" + rule.name() + "' " + nameProblem,
            "choose another lowercase name, e.g. '" + KubernetesNames.suggestLabel(rule.name()) + "-extra'"));
      }
      for (int j = 0; j < rule.to().size(); j++) {
        NetworkPolicyPeer peer = rule.to().get(j);
        FieldPath to = at.child("to").index(j);
        peer.podSelector().ifPresent(s -> out.addAll(KubernetesNames.validateLabelSelector(s, to
            .child("podSelector"))));
        peer.namespaceSelector().ifPresent(
            s -> out.addAll(KubernetesNames.validateLabelSelector(s, to.child("namespaceSelector"))));
      }
    }
    return out;
  }

  /** The Cilium flavour only on a seed that runs Cilium. */
  static List<FieldError> validateCilium(RenderContext context, FieldPath spec) {
    if (context.cilium().isEmpty() || context.cni().filter("cilium"::equalsIgnoreCase).isPresent()) {
      return List.of();
    }
    return List.of(new FieldError(spec.child("cilium"), DiagnosticCode.CILIUM_FLAVOUR_CNI,
        "the Cilium flavour renders CiliumNetworkPolicies, but cni is " + context.cni().map(c -> "'" + c + "'")
            .orElse("not set") + ": without Cilium they would do nothing, and what they stand in for would be lost",
        "set cni: cilium if the seed runs Cilium, or remove spec.cilium"));
  }

  /** Usable URLs, one entry per host, and backends Kubernetes accepts. */
  static List<FieldError> validateOidcIssuers(List<OidcIssuer> issuers, FieldPath path) {
    List<FieldError> out = new ArrayList<>();
    Map<String, Integer> hosts = new HashMap<>();
    for (int i = 0; i < issuers.size(); i++) {
      OidcIssuer issuer = issuers.get(i);
      FieldPath at = path.index(i);
      Optional<String> problem = HttpUrls.problem(issuer.url());
      problem.ifPresent(p -> out.add(new FieldError(at.child("url"), DiagnosticCode.URL_INVALID,
          "OIDC issuer URL '" + issuer.url() + "' " + p,
          "write the issuer URL as clusters name it, e.g. https://dex.example.com/dex")));
      if (problem.isEmpty()) {
        // Entries are found by host, as KKP resolves hosts: two for one host would be a guess.
        String host = HttpUrls.host(issuer.url()).orElseThrow();
        Integer earlier = hosts.putIfAbsent(host, i);
        if (earlier != null) {
          out.add(new FieldError(at.child("url"), DiagnosticCode.FIELD_VALUE, "a second oidcIssuers entry for host "
              + host + " (the first is at index " + earlier + "); issuers are matched by host",
              "merge the two entries into one"));
        }
      }
      for (int j = 0; j < issuer.loadBalancerBackends().size(); j++) {
        LoadBalancerBackend backend = issuer.loadBalancerBackends().get(j);
        FieldPath backendAt = at.child("loadBalancerBackends").index(j);
        out.addAll(KubernetesNames.validateNamespace(backend.namespace(), backendAt.child("namespace")));
        out.addAll(KubernetesNames.validateLabels(backend.podLabels(), backendAt.child("podLabels")));
      }
    }
    return out;
  }

  /** The Secret's namespace and each issuer's URL. */
  static List<FieldError> validateAuthenticationConfigurations(List<AuthenticationIssuers> declared, FieldPath path) {
    List<FieldError> out = new ArrayList<>();
    for (int i = 0; i < declared.size(); i++) {
      AuthenticationIssuers one = declared.get(i);
      FieldPath at = path.index(i);
      out.addAll(KubernetesNames.validateNamespace(one.namespace(), at.child("secret").child("namespace")));
      for (int j = 0; j < one.issuers().size(); j++) {
        String url = one.issuers().get(j);
        FieldPath issuerAt = at.child("issuers").index(j);
        HttpUrls.problem(url).ifPresent(p -> out.add(new FieldError(issuerAt, DiagnosticCode.URL_INVALID,
            "issuer URL '" + url + "' " + p, "copy jwt[].issuer.url from the AuthenticationConfiguration")));
      }
    }
    return out;
  }

  /** Each webhook's URL. */
  static List<FieldError> validateAuthorizationWebhooks(List<AuthorizationWebhook> webhooks, FieldPath path) {
    List<FieldError> out = new ArrayList<>();
    for (int i = 0; i < webhooks.size(); i++) {
      AuthorizationWebhook webhook = webhooks.get(i);
      FieldPath at = path.index(i).child("url");
      HttpUrls.problem(webhook.url()).ifPresent(problem -> out.add(new FieldError(at, DiagnosticCode.URL_INVALID,
          "authorization webhook URL '" + webhook.url() + "' " + problem,
          "write an absolute https URL, e.g. https://authz.example.com:8443/authorize")));
    }
    return out;
  }
}
