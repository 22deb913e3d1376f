package dev.apiserverpolicy.render;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.model.ExtraEgressRule;
import dev.apiserverpolicy.model.FieldPath;
import dev.apiserverpolicy.model.KubernetesNames;
import dev.apiserverpolicy.model.Origin;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.SpecialPurposeAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The errors of docs/spec.md section 7 that concern one cluster in its seed and context. */
public final class ClusterValidator {
  /** KKP's own message for ranges under another strategy ({@code pkg/validation/cluster.go}). */
  public static final String RANGES_NEED_LOAD_BALANCER =
      "Access control for API server is supported only for LoadBalancer expose strategy";
  /** KKP's own message for a tunneling agent IP under another strategy. */
  public static final String AGENT_IP_NEEDS_TUNNELING =
      "Tunneling agent IP can be configured only for Tunneling Expose strategy";

  /** Namespaces no user cluster's control plane lives in: Kubernetes' own, and KKP's. */
  static final java.util.Set<String> RESERVED_NAMESPACES = java.util.Set.of("default", "kube-system", "kube-public",
      "kube-node-lease", "kubermatic", "kubermatic-operator", ClusterFacts.DEFAULT_INGRESS_NAMESPACE,
      ClusterFacts.ENVOY_GATEWAY_NAMESPACE);

  private ClusterValidator() {}

  /** Every error about {@code inputs.cluster()} under the profile in force; empty if it may be rendered. */
  public static List<Diagnostic> validate(ClusterInputs inputs) {
    return validate(inputs, inputs.effectiveProfile());
  }

  /** Every error about {@code inputs.cluster()} when rendered with {@code profile}. */
  public static List<Diagnostic> validate(ClusterInputs inputs, Profile profile) {
    Cluster cluster = inputs.cluster();
    Origin origin = cluster.origin();
    List<Diagnostic> out = new ArrayList<>();
    if (!KubernetesNames.isLabel(cluster.name())) {
      out.add(Diagnostic.at(DiagnosticCode.CLUSTER_NAME_INVALID, origin, FieldPath.of("metadata", "name"))
          .object(cluster.ref())
          .message("cluster name '" + cluster.name() + "' is not valid: " + KubernetesNames.LABEL_RULE)
          .hint("rename the cluster, e.g. '" + KubernetesNames.suggestLabel(cluster.name()) + "'")
          .build());
    } else if (cluster.statusNamespace().isPresent() && !KubernetesNames.isLabel(cluster.namespace())) {
      out.add(Diagnostic.at(DiagnosticCode.CLUSTER_NAME_INVALID, origin, FieldPath.of("status", "namespaceName"))
          .object(cluster.ref())
          .message("namespace '" + cluster.namespace() + "' is not valid: " + KubernetesNames.LABEL_RULE)
          .hint("use the namespace KKP created for the cluster, e.g. 'cluster-" + cluster.name() + "'")
          .build());
    } else if (cluster.statusNamespace().isEmpty() && !KubernetesNames.isLabel(cluster.namespace())) {
      out.add(Diagnostic.at(DiagnosticCode.CLUSTER_NAME_INVALID, origin, FieldPath.of("metadata", "name"))
          .object(cluster.ref())
          .message("namespace '" + cluster.namespace() + "' would be longer than 63 characters")
          .hint("use a cluster name of at most 55 characters, or set status.namespaceName")
          .build());
    }

    if (RESERVED_NAMESPACES.contains(cluster.namespace())) {
      out.add(Diagnostic.at(DiagnosticCode.NAMESPACE_RESERVED, origin, FieldPath.of("status", "namespaceName"))
          .object(cluster.ref())
          .message("namespace '" + cluster.namespace() + "' belongs to Kubernetes or KKP itself; the cluster's "
              + "policies would restrict the pods there")
          .hint("use the namespace KKP created for the cluster, e.g. 'cluster-" + cluster.name() + "'")
          .build());
    }

    ExposeStrategy strategy = inputs.effectiveExposeStrategy();
    boolean rangesGiven = cluster.spec().apiServerAllowedIPRanges().filter(r -> !r.isEmpty()).isPresent();
    if (rangesGiven && strategy != ExposeStrategy.LOAD_BALANCER) {
      out.add(Diagnostic.at(DiagnosticCode.ALLOWED_RANGES_STRATEGY, origin, FieldPath.of("spec",
          "apiServerAllowedIPRanges"))
          .object(cluster.ref())
          .message(RANGES_NEED_LOAD_BALANCER + " (the strategy is " + strategy.kkpName() + ")")
          .hint("set spec.exposeStrategy: LoadBalancer, or remove the ranges (an empty list is allowed)")
          .build());
    }
    if (cluster.spec().clusterNetwork().tunnelingAgentIP().isPresent() && strategy != ExposeStrategy.TUNNELING) {
      out.add(Diagnostic.at(DiagnosticCode.TUNNELING_AGENT_IP_STRATEGY, origin,
              FieldPath.of("spec", "clusterNetwork", "tunnelingAgentIP"))
          .object(cluster.ref())
          .message(AGENT_IP_NEEDS_TUNNELING + " (the strategy is " + strategy.kkpName() + ")")
          .hint("remove spec.clusterNetwork.tunnelingAgentIP, or use the Tunneling strategy")
          .build());
    }

    if (strategy == ExposeStrategy.LOAD_BALANCER) {
      ClusterFacts facts = new ClusterFacts(inputs, profile);
      List<Cidr> ranges = SourceRangePolicy.written(cluster, inputs.seed(), facts.kkpForm());
      long bytes = ServiceRenderer.annotationBytes(ServiceRenderer.frontLoadBalancerAnnotations(facts, ranges));
      if (bytes > ServiceRenderer.MAX_ANNOTATION_BYTES) {
        out.add(Diagnostic.at(DiagnosticCode.SOURCE_RANGES_TOO_LARGE, origin, FieldPath.of("spec",
            "apiServerAllowedIPRanges"))
            .object(cluster.ref())
            .message(ranges.size() + " source ranges make front-loadbalancer's annotations " + bytes
                + " bytes, over the " + ServiceRenderer.MAX_ANNOTATION_BYTES + " Kubernetes accepts: the Service "
                + "would be refused")
            .hint("allow fewer, wider ranges (only ones you mean to allow in full), or filter at a firewall in "
                + "front of the load balancer")
            .build());
      }
    }
    if (strategy == ExposeStrategy.TUNNELING && cluster.statusExternalName().isEmpty()) {
      out.add(Diagnostic.at(DiagnosticCode.EXTERNAL_NAME_MISSING, origin, FieldPath.of("status", "address",
          "externalName"))
          .object(cluster.ref())
          .message("the Tunneling strategy routes by status.address.externalName, which the cluster does not have")
          .hint("set status.address.externalName to the cluster's external host name, as KKP records it")
          .build());
    }
    boolean gateOn = cluster.spec().apiserverNetworkPolicyGate().orElse(false);
    boolean endpointsGiven = !new ClusterFacts(inputs, profile).seedEndpoints().isEmpty();
    Set<EgressTarget.ContextNeed> needs = EgressCatalogue.needs(profile);
    boolean entity = inputs.context().map(RenderContext::seedAPIServerEntity).orElse(false);
    if (gateOn && needs.contains(EgressTarget.ContextNeed.SEED_ENDPOINTS) && !endpointsGiven && !entity) {
      Optional<RenderContext> context = inputs.context();
      Diagnostic.Builder b = context.isPresent()
          ? Diagnostic.at(DiagnosticCode.SEED_ENDPOINTS_MISSING, context.get().origin(), FieldPath.of("spec",
              "seedAPIServerEndpoints"))
          : Diagnostic.at(DiagnosticCode.SEED_ENDPOINTS_MISSING, origin, FieldPath.of("spec", "features",
              "apiserverNetworkPolicy"));
      out.add(b.object(cluster.ref())
          .message("profile " + profile.id() + " renders seed-apiserver-allow, but "
              + context.map(c -> c.seedAPIServerEndpoints().filter(e -> !e.isEmpty()).isPresent()
                  ? "every endpoint of RenderContext " + c.name() + "'s seed is not ready or terminating"
                  : "RenderContext " + c.name() + " lists no seedAPIServerEndpoints")
                  .orElse("seed " + inputs.seed().name() + " has no RenderContext with seedAPIServerEndpoints")
              + "; an empty list would allow egress to anywhere")
          .hint("list the seed's kubernetes Service endpoints: kubectl get endpointslices -n default "
              + "-l kubernetes.io/service-name=kubernetes")
          .build());
    }
    if (gateOn) {
      ClusterFacts facts = new ClusterFacts(inputs, profile);
      out.addAll(resolvedPeers(facts, needs));
      out.addAll(specialPurposeAddresses(facts, needs));
    }
    return out;
  }

  /**
   * A host whose addresses include a special-purpose one (loopback, link-local such as the cloud metadata
   * service, unspecified, multicast, broadcast) would become an allow rule to it: the cluster is not rendered.
   */
  private static List<Diagnostic> specialPurposeAddresses(ClusterFacts facts, Set<EgressTarget.ContextNeed> needs) {
    List<Diagnostic> out = new ArrayList<>();
    if (needs.contains(EgressTarget.ContextNeed.ISSUER_ADDRESSES)) {
      for (OidcIssuers.Issuer issuer : facts.oidcIssuers()) {
        refuseSpecial(facts, "OIDC issuer " + issuer.host(), issuer.addresses(), FieldPath.of("spec", "oidc"), out);
      }
    }
    if (needs.contains(EgressTarget.ContextNeed.WEBHOOK_ADDRESSES) && facts.webhookConfigured()
        && !facts.webhookByName()) {
      facts.webhook().ifPresent(w -> refuseSpecial(facts, "authorization webhook " + w.url(), w.ips(),
          FieldPath.of("spec", "authorizationConfig"), out));
    }
    if (!facts.fqdnEgress()) {
      for (ExtraEgressRule rule : facts.context().map(RenderContext::extraEgress).orElse(List.of())) {
        for (String host : rule.hosts()) {
          refuseSpecial(facts, "extraEgress " + rule.name() + " host " + host,
              facts.inputs().resolvedAddresses().of(host).orElse(List.of()), FieldPath.root(), out);
        }
      }
    }
    return out;
  }

  private static void refuseSpecial(ClusterFacts facts, String what, List<Cidr> addresses, FieldPath path,
      List<Diagnostic> out) {
    for (Cidr address : addresses) {
      SpecialPurposeAddresses.containing(address).ifPresent(range -> out.add(
          Diagnostic.at(DiagnosticCode.ADDRESS_SPECIAL_PURPOSE, facts.cluster().origin(), path)
              .object(facts.cluster().ref())
              .message(what + " has address " + SpecialPurposeAddresses.describe(address, range)
                  + "; an allow rule to it would open what no API server needs")
              .hint("correct the typed-in ips or the DNS record, then run apiserver-policy resolve again")
              .build()));
    }
  }

  // The peers KKP resolves at run time must be in the RenderContext, or the policy would be wrong.
  private static List<Diagnostic> resolvedPeers(ClusterFacts facts, Set<EgressTarget.ContextNeed> needs) {
    List<Diagnostic> out = new ArrayList<>();
    Cluster cluster = facts.cluster();
    if (needs.contains(EgressTarget.ContextNeed.ISSUER_ADDRESSES)) {
      out.addAll(OidcIssuers.resolve(facts.inputs()).problems());
    }
    if (needs.contains(EgressTarget.ContextNeed.WEBHOOK_ADDRESSES) && facts.webhookConfigured()
        && !facts.webhookByName() && facts.webhook().filter(w -> !w.ips().isEmpty()).isEmpty()) {
      out.add(Diagnostic.at(DiagnosticCode.AUTHORIZATION_WEBHOOK_UNRESOLVED, cluster.origin(),
              FieldPath.of("spec", "authorizationConfig"))
          .object(cluster.ref())
          .message("the cluster uses an authorization webhook, but the RenderContext lists no addresses for it")
          .hint("add {cluster: " + cluster.name() + ", url: ..., ips: [...]} to the RenderContext's "
              + "authorizationWebhooks")
          .build());
    }
    if (needs.contains(EgressTarget.ContextNeed.CLUSTER_DNS) && facts.clusterDns().isEmpty()) {
      out.add((facts.context().isPresent()
              ? Diagnostic.at(DiagnosticCode.CLUSTER_DNS_MISSING, facts.context().get().origin(), FieldPath.of("spec"))
              : Diagnostic.at(DiagnosticCode.CLUSTER_DNS_MISSING, cluster.origin(), FieldPath.of("spec", "features")))
          .object(cluster.ref())
          .message("profile " + facts.profile().id()
              + " limits DNS to the seed's cluster DNS, but the RenderContext has "
              + "no clusterDNS")
          .hint("add clusterDNS: {namespace: kube-system, podLabels: {k8s-app: kube-dns}} (as in your seed)")
          .build());
    }
    return out;
  }
}
