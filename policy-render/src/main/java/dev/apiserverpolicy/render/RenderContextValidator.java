package dev.apiserverpolicy.render;

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
 */
public final class RenderContextValidator {
  private RenderContextValidator() {}

  /** Findings about {@code context}; errors block every cluster of its seed. */
  public static List<Diagnostic> validate(RenderContext context) {
    FieldPath spec = FieldPath.of("spec");
    List<FieldError> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < context.extraEgress().size(); i++) {
      ExtraEgressRule rule = context.extraEgress().get(i);
      FieldPath path = spec.child("extraEgress").index(i);
      if (rule.to().isEmpty() && rule.hosts().isEmpty()) {
        out.add(new FieldError(path.child("to"), DiagnosticCode.EXTRA_EGRESS_NO_PEERS,
            "extraEgress " + rule.name() + " has no peers, which would allow egress to anywhere",
            "list the destinations under 'to' (an ipBlock, a host, or pod/namespace selectors)"));
      }
      String nameProblem = !KubernetesNames.isSubdomain(rule.name())
          ? "is not valid: " + KubernetesNames.SUBDOMAIN_RULE
          : EgressCatalogue.RESERVED_POLICY_NAMES.contains(rule.name()) ? "is a policy KKP or this tool manages"
          : !seen.add(rule.name()) ? "is used twice" : null;
      if (nameProblem != null) {
        out.add(new FieldError(path.child("name"), DiagnosticCode.EXTRA_EGRESS_NAME,
            "extraEgress name '" + rule.name() + "' " + nameProblem,
            "choose another lowercase name, e.g. '" + KubernetesNames.suggestLabel(rule.name()) + "-extra'"));
      }
      for (int j = 0; j < rule.to().size(); j++) {
        NetworkPolicyPeer peer = rule.to().get(j);
        FieldPath at = path.child("to").index(j);
        peer.podSelector().ifPresent(s -> out.addAll(KubernetesNames.validateLabelSelector(s, at
            .child("podSelector"))));
        peer.namespaceSelector().ifPresent(
            s -> out.addAll(KubernetesNames.validateLabelSelector(s, at.child("namespaceSelector"))));
      }
    }
    if (context.cilium().isPresent() && !context.cni().filter("cilium"::equalsIgnoreCase).isPresent()) {
      out.add(new FieldError(spec.child("cilium"), DiagnosticCode.CILIUM_FLAVOUR_CNI,
          "the Cilium flavour renders CiliumNetworkPolicies, but cni is " + context.cni().map(c -> "'" + c + "'")
              .orElse("not set") + ": without Cilium they would do nothing, and what they stand in for would be lost",
          "set cni: cilium if the seed runs Cilium, or remove spec.cilium"));
    }
    context.clusterDNS().ifPresent(dns -> {
      out.addAll(KubernetesNames.validateNamespace(dns.namespace(), spec.child("clusterDNS").child("namespace")));
      out.addAll(KubernetesNames.validateLabels(dns.podLabels(), spec.child("clusterDNS").child("podLabels")));
    });
    context.ingressNamespace()
        .ifPresent(ns -> out.addAll(KubernetesNames.validateNamespace(ns, spec.child("ingressNamespace"))));
    Map<String, Integer> hosts = new HashMap<>();
    for (int i = 0; i < context.oidcIssuers().size(); i++) {
      OidcIssuer issuer = context.oidcIssuers().get(i);
      FieldPath path = spec.child("oidcIssuers").index(i);
      Optional<String> problem = HttpUrls.problem(issuer.url());
      problem.ifPresent(p -> out.add(new FieldError(path.child("url"), DiagnosticCode.URL_INVALID,
          "OIDC issuer URL '" + issuer.url() + "' " + p,
          "write the issuer URL as clusters name it, e.g. https://dex.example.com/dex")));
      if (problem.isEmpty()) {
        // Entries are found by host, as KKP resolves hosts: two for one host would be a guess.
        String host = HttpUrls.host(issuer.url()).orElseThrow();
        Integer earlier = hosts.putIfAbsent(host, i);
        if (earlier != null) {
          out.add(new FieldError(path.child("url"), DiagnosticCode.FIELD_VALUE, "a second oidcIssuers entry for host "
              + host + " (the first is at index " + earlier + "); issuers are matched by host",
              "merge the two entries into one"));
        }
      }
      for (int j = 0; j < issuer.loadBalancerBackends().size(); j++) {
        LoadBalancerBackend backend = issuer.loadBalancerBackends().get(j);
        FieldPath at = path.child("loadBalancerBackends").index(j);
        out.addAll(KubernetesNames.validateNamespace(backend.namespace(), at.child("namespace")));
        out.addAll(KubernetesNames.validateLabels(backend.podLabels(), at.child("podLabels")));
      }
    }
    for (int i = 0; i < context.authenticationConfigurations().size(); i++) {
      AuthenticationIssuers declared = context.authenticationConfigurations().get(i);
      FieldPath path = spec.child("authenticationConfigurations").index(i);
      out.addAll(KubernetesNames.validateNamespace(declared.namespace(), path.child("secret").child("namespace")));
      for (int j = 0; j < declared.issuers().size(); j++) {
        String url = declared.issuers().get(j);
        FieldPath at = path.child("issuers").index(j);
        HttpUrls.problem(url).ifPresent(p -> out.add(new FieldError(at, DiagnosticCode.URL_INVALID,
            "issuer URL '" + url + "' " + p, "copy jwt[].issuer.url from the AuthenticationConfiguration")));
      }
    }
    for (int i = 0; i < context.authorizationWebhooks().size(); i++) {
      AuthorizationWebhook webhook = context.authorizationWebhooks().get(i);
      FieldPath at = spec.child("authorizationWebhooks").index(i).child("url");
      HttpUrls.problem(webhook.url()).ifPresent(problem -> out.add(new FieldError(at, DiagnosticCode.URL_INVALID,
          "authorization webhook URL '" + webhook.url() + "' " + problem,
          "write an absolute https URL, e.g. https://authz.example.com:8443/authorize")));
    }
    // Every label, selector and namespace the context hands to a rendered policy passes Kubernetes' own
    // rules, so the API server never refuses a policy (and a GitOps sync never stalls) on a value from here.
    return out.stream().map(e -> e.toDiagnostic(context.origin(), context.ref())).toList();
  }
}
