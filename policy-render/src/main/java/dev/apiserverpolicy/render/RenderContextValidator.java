package dev.apiserverpolicy.render;

import dev.apiserverpolicy.model.AuthenticationIssuers;
import dev.apiserverpolicy.model.AuthorizationWebhook;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.ExtraEgressRule;
import dev.apiserverpolicy.model.LabelSelector;
import dev.apiserverpolicy.model.LabelSelectorRequirement;
import dev.apiserverpolicy.model.LoadBalancerBackend;
import dev.apiserverpolicy.model.NetworkPolicyPeer;
import dev.apiserverpolicy.model.OidcIssuer;
import dev.apiserverpolicy.model.RenderContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
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
    List<Diagnostic> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < context.extraEgress().size(); i++) {
      ExtraEgressRule rule = context.extraEgress().get(i);
      String path = "spec.extraEgress[" + i + "]";
      if (rule.to().isEmpty()) {
        out.add(error(DiagnosticCode.EXTRA_EGRESS_NO_PEERS, context, path + ".to",
            "extraEgress " + rule.name() + " has no peers, which would allow egress to anywhere",
            "list the destinations under 'to' (an ipBlock, or pod/namespace selectors)"));
      }
      String nameProblem = !KubernetesNames.isSubdomain(rule.name())
          ? "is not valid: " + KubernetesNames.SUBDOMAIN_RULE
          : EgressCatalogue.RESERVED_POLICY_NAMES.contains(rule.name()) ? "is a policy KKP or this tool manages"
          : !seen.add(rule.name()) ? "is used twice" : null;
      if (nameProblem != null) {
        out.add(error(DiagnosticCode.EXTRA_EGRESS_NAME, context, path + ".name",
            "extraEgress name '" + rule.name() + "' " + nameProblem,
            "choose another lowercase name, e.g. '" + KubernetesNames.suggestLabel(rule.name()) + "-extra'"));
      }
    }
    context.clusterDNS().ifPresent(dns -> {
      namespace(context, "spec.clusterDNS.namespace", dns.namespace(), out);
      labels(context, "spec.clusterDNS.podLabels", dns.podLabels(), out);
    });
    context.ingressNamespace().ifPresent(ns -> namespace(context, "spec.ingressNamespace", ns, out));
    for (int i = 0; i < context.extraEgress().size(); i++) {
      List<NetworkPolicyPeer> peers = context.extraEgress().get(i).to();
      for (int j = 0; j < peers.size(); j++) {
        String peer = "spec.extraEgress[" + i + "].to[" + j + "]";
        peers.get(j).podSelector().ifPresent(sel -> selector(context, peer + ".podSelector", sel, out));
        peers.get(j).namespaceSelector().ifPresent(sel -> selector(context, peer + ".namespaceSelector", sel, out));
      }
    }
    Map<String, Integer> hosts = new java.util.HashMap<>();
    for (int i = 0; i < context.oidcIssuers().size(); i++) {
      OidcIssuer issuer = context.oidcIssuers().get(i);
      String path = "spec.oidcIssuers[" + i + "]";
      Optional<String> problem = urlProblem(issuer.url());
      problem.ifPresent(p -> out.add(error(DiagnosticCode.URL_INVALID, context, path + ".url",
          "OIDC issuer URL '" + issuer.url() + "' " + p,
          "write the issuer URL as clusters name it, e.g. https://dex.example.com/dex")));
      if (problem.isEmpty()) {
        // Entries are found by host, as KKP resolves hosts: two for one host would be a guess.
        String host = OidcIssuers.normalizedHost(URI.create(issuer.url()));
        Integer earlier = hosts.putIfAbsent(host, i);
        if (earlier != null) {
          out.add(error(DiagnosticCode.FIELD_VALUE, context, path + ".url", "a second oidcIssuers entry for host "
              + host + " (the first is at index " + earlier + "); issuers are matched by host",
              "merge the two entries into one"));
        }
      }
      for (int j = 0; j < issuer.loadBalancerBackends().size(); j++) {
        LoadBalancerBackend backend = issuer.loadBalancerBackends().get(j);
        String at = path + ".loadBalancerBackends[" + j + "]";
        namespace(context, at + ".namespace", backend.namespace(), out);
        labels(context, at + ".podLabels", backend.podLabels(), out);
      }
    }
    for (int i = 0; i < context.authenticationConfigurations().size(); i++) {
      AuthenticationIssuers declared = context.authenticationConfigurations().get(i);
      String path = "spec.authenticationConfigurations[" + i + "]";
      namespace(context, path + ".secret.namespace", declared.namespace(), out);
      for (int j = 0; j < declared.issuers().size(); j++) {
        String url = declared.issuers().get(j);
        String at = path + ".issuers[" + j + "]";
        urlProblem(url).ifPresent(p -> out.add(error(DiagnosticCode.URL_INVALID, context, at,
            "issuer URL '" + url + "' " + p, "copy jwt[].issuer.url from the AuthenticationConfiguration")));
      }
    }
    for (int i = 0; i < context.authorizationWebhooks().size(); i++) {
      AuthorizationWebhook webhook = context.authorizationWebhooks().get(i);
      urlProblem(webhook.url()).ifPresent(problem -> out.add(error(DiagnosticCode.URL_INVALID, context,
          "spec.authorizationWebhooks", "authorization webhook URL '" + webhook.url() + "' " + problem,
          "write an absolute https URL, e.g. https://authz.example.com:8443/authorize")));
    }
    return out;
  }

  // Every label, selector and namespace the context hands to a rendered policy passes Kubernetes' own rules,
  // so the API server never refuses a policy (and a GitOps sync never stalls) on a value from here.

  private static void namespace(RenderContext context, String path, String name, List<Diagnostic> out) {
    if (!KubernetesNames.isLabel(name)) {
      out.add(error(DiagnosticCode.FIELD_VALUE, context, path,
          "namespace '" + name + "' is not valid: " + KubernetesNames.LABEL_RULE,
          "write the namespace's real name, e.g. '" + KubernetesNames.suggestLabel(name) + "'"));
    }
  }

  private static void labels(RenderContext context, String path, Map<String, String> labels, List<Diagnostic> out) {
    for (Map.Entry<String, String> e : labels.entrySet()) {
      String at = KubernetesNames.fieldPath(path, e.getKey());
      if (!KubernetesNames.isLabelKey(e.getKey())) {
        out.add(error(DiagnosticCode.FIELD_VALUE, context, at,
            "label key '" + e.getKey() + "' is not valid: " + KubernetesNames.LABEL_KEY_RULE,
            "use the label key exactly as the pods carry it"));
      } else if (!KubernetesNames.isLabelValue(e.getValue())) {
        out.add(error(DiagnosticCode.FIELD_VALUE, context, at,
            "label value '" + e.getValue() + "' of " + e.getKey() + " is not valid: "
                + KubernetesNames.LABEL_VALUE_RULE,
            "use the label value exactly as the pods carry it"));
      }
    }
  }

  private static void selector(RenderContext context, String path, LabelSelector selector, List<Diagnostic> out) {
    labels(context, path + ".matchLabels", selector.matchLabels(), out);
    for (int k = 0; k < selector.matchExpressions().size(); k++) {
      LabelSelectorRequirement r = selector.matchExpressions().get(k);
      String at = path + ".matchExpressions[" + k + "]";
      if (!KubernetesNames.isLabelKey(r.key())) {
        out.add(error(DiagnosticCode.FIELD_VALUE, context, at + ".key",
            "label key '" + r.key() + "' is not valid: " + KubernetesNames.LABEL_KEY_RULE,
            "use the label key exactly as the pods carry it"));
      }
      for (String value : r.values()) {
        if (!KubernetesNames.isLabelValue(value)) {
          out.add(error(DiagnosticCode.FIELD_VALUE, context, at + ".values",
              "label value '" + value + "' is not valid: " + KubernetesNames.LABEL_VALUE_RULE,
              "use the label value exactly as the pods carry it"));
        }
      }
    }
  }

  /** Why the URL cannot be used for a port and host, or empty if it can. */
  static Optional<String> urlProblem(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equals("https") || scheme.equals("http"))) {
        return Optional.of("is not an http or https URL");
      }
      if (uri.getHost() == null || uri.getHost().isEmpty()) {
        return Optional.of("has no host");
      }
      if (uri.getPort() == 0 || uri.getPort() > 65535) {
        return Optional.of("has port " + uri.getPort() + ", outside 1-65535");
      }
      return Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.of("is not a valid URL (" + e.getReason() + ")");
    }
  }

  private static Diagnostic error(DiagnosticCode code, RenderContext context, String path, String message,
      String hint) {
    return Diagnostic.at(code, context.origin(), path).object(context.ref()).message(message).hint(hint).build();
  }
}
