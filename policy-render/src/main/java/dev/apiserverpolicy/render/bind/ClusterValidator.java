package dev.apiserverpolicy.render.bind;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.model.ExtraEgressRule;
import dev.apiserverpolicy.model.FieldError;
import dev.apiserverpolicy.model.FieldPath;
import dev.apiserverpolicy.model.KubernetesNames;
import dev.apiserverpolicy.model.Origin;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.SpecialPurposeAddresses;
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.catalogue.EgressCatalogue;
import dev.apiserverpolicy.render.catalogue.EgressTarget;
import dev.apiserverpolicy.render.facts.ClusterFacts;
import dev.apiserverpolicy.render.facts.OidcIssuers;
import dev.apiserverpolicy.render.service.ServiceRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The errors of docs/spec.md section 7 that concern one cluster in its seed and context.
 *
 * @since 0.1.0
 */
public final class ClusterValidator {
  /** KKP's own message for ranges under another strategy ({@code pkg/validation/cluster.go}). */
  public static final String RANGES_NEED_LOAD_BALANCER =
      "Access control for API server is supported only for LoadBalancer expose strategy";
  /** KKP's own message for a tunneling agent IP under another strategy. */
  public static final String AGENT_IP_NEEDS_TUNNELING =
      "Tunneling agent IP can be configured only for Tunneling Expose strategy";

  /** Namespaces no user cluster's control plane lives in: Kubernetes' own, and KKP's. */
  static final Set<String> RESERVED_NAMESPACES = Set.of("default", "kube-system", "kube-public",
      "kube-node-lease", "kubermatic", "kubermatic-operator", ClusterFacts.DEFAULT_INGRESS_NAMESPACE,
      ClusterFacts.ENVOY_GATEWAY_NAMESPACE);

  private ClusterValidator() {}

  /** Every error about {@code inputs.cluster()} under the profile in force; empty if it may be rendered. */
  public static List<Diagnostic> validate(ClusterInputs inputs) {
    return validate(inputs, inputs.effectiveProfile());
  }

  /** Every error about {@code inputs.cluster()} when rendered with {@code profile}. */
  public static List<Diagnostic> validate(ClusterInputs inputs, Profile profile) {
    return validate(ClusterFacts.of(inputs, profile));
  }

  /**
   * Every error about the cluster of {@code facts}, each at the line of the object it is about: the
   * cluster, else (for what the RenderContext lacks) the context.
   */
  public static List<Diagnostic> validate(ClusterFacts facts) {
    Cluster cluster = facts.cluster();
    List<Diagnostic> out = new ArrayList<>();
    atCluster(facts, validateNamespace(cluster), out);
    atCluster(facts, validateStrategyFields(facts), out);
    atCluster(facts, validateFrontLoadBalancer(facts), out);
    atCluster(facts, validateTunneling(facts), out);
    if (!cluster.spec().apiserverNetworkPolicyGate().orElse(false)) {
      return out;
    }
    Set<EgressTarget.ContextNeed> needs = EgressCatalogue.needs(facts.profile());
    atContextElseCluster(facts, validateSeedEndpoints(facts, needs), out);
    if (needs.contains(EgressTarget.ContextNeed.ISSUER_ADDRESSES)) {
      out.addAll(facts.oidcProblems());
    }
    atCluster(facts, validateWebhookAddresses(facts, needs), out);
    atContextElseCluster(facts, validateClusterDns(facts, needs), out);
    atCluster(facts, specialPurposeAddresses(facts, needs), out);
    return out;
  }

  private static void atCluster(ClusterFacts facts, List<FieldError> errors, List<Diagnostic> out) {
    errors.forEach(e -> out.add(e.toDiagnostic(facts.cluster().origin(), facts.cluster().ref())));
  }

  /** Errors whose paths are in the RenderContext when there is one, else in the cluster. */
  private static void atContextElseCluster(ClusterFacts facts, List<FieldError> errors, List<Diagnostic> out) {
    Origin origin = facts.context().map(RenderContext::origin).orElse(facts.cluster().origin());
    errors.forEach(e -> out.add(e.toDiagnostic(origin, facts.cluster().ref())));
  }

  /** A namespace that belongs to Kubernetes or KKP itself. */
  static List<FieldError> validateNamespace(Cluster cluster) {
    if (!RESERVED_NAMESPACES.contains(cluster.namespace())) {
      return List.of();
    }
    return List.of(new FieldError(FieldPath.of("status", "namespaceName"), DiagnosticCode.NAMESPACE_RESERVED,
        "namespace '" + cluster.namespace() + "' belongs to Kubernetes or KKP itself; the cluster's "
            + "policies would restrict the pods there",
        "use the namespace KKP created for the cluster, e.g. 'cluster-" + cluster.name() + "'"));
  }

  /** Fields that only one expose strategy reads, under another (KKP's own messages). */
  static List<FieldError> validateStrategyFields(ClusterFacts facts) {
    Cluster cluster = facts.cluster();
    ExposeStrategy strategy = facts.strategy();
    List<FieldError> out = new ArrayList<>();
    boolean rangesGiven = cluster.spec().apiServerAllowedIPRanges().filter(r -> !r.isEmpty()).isPresent();
    if (rangesGiven && strategy != ExposeStrategy.LOAD_BALANCER) {
      out.add(new FieldError(FieldPath.of("spec", "apiServerAllowedIPRanges"), DiagnosticCode.ALLOWED_RANGES_STRATEGY,
          RANGES_NEED_LOAD_BALANCER + " (the strategy is " + strategy.kkpName() + ")",
          "set spec.exposeStrategy: LoadBalancer, or remove the ranges (an empty list is allowed)"));
    }
    if (cluster.spec().clusterNetwork().tunnelingAgentIP().isPresent() && strategy != ExposeStrategy.TUNNELING) {
      out.add(new FieldError(FieldPath.of("spec", "clusterNetwork", "tunnelingAgentIP"),
          DiagnosticCode.TUNNELING_AGENT_IP_STRATEGY,
          AGENT_IP_NEEDS_TUNNELING + " (the strategy is " + strategy.kkpName() + ")",
          "remove spec.clusterNetwork.tunnelingAgentIP, or use the Tunneling strategy"));
    }
    return out;
  }

  /** front-loadbalancer's annotations within what Kubernetes accepts. */
  static List<FieldError> validateFrontLoadBalancer(ClusterFacts facts) {
    if (facts.strategy() != ExposeStrategy.LOAD_BALANCER) {
      return List.of();
    }
    List<Cidr> ranges = facts.writtenSourceRanges();
    long bytes = ServiceRenderer.annotationBytes(ServiceRenderer.frontLoadBalancerAnnotations(facts, ranges));
    if (bytes <= ServiceRenderer.MAX_ANNOTATION_BYTES) {
      return List.of();
    }
    return List.of(new FieldError(FieldPath.of("spec", "apiServerAllowedIPRanges"),
        DiagnosticCode.SOURCE_RANGES_TOO_LARGE,
        ranges.size() + " source ranges make front-loadbalancer's annotations " + bytes + " bytes, over the "
            + ServiceRenderer.MAX_ANNOTATION_BYTES + " Kubernetes accepts: the Service would be refused",
        "allow fewer, wider ranges (only ones you mean to allow in full), or filter at a firewall in front of the "
            + "load balancer"));
  }

  /** The Tunneling strategy routes by the cluster's external name. */
  static List<FieldError> validateTunneling(ClusterFacts facts) {
    if (facts.strategy() != ExposeStrategy.TUNNELING || facts.cluster().statusExternalName().isPresent()) {
      return List.of();
    }
    return List.of(new FieldError(FieldPath.of("status", "address", "externalName"),
        DiagnosticCode.EXTERNAL_NAME_MISSING,
        "the Tunneling strategy routes by status.address.externalName, which the cluster does not have",
        "set status.address.externalName to the cluster's external host name, as KKP records it"));
  }

  /** seed-apiserver-allow needs the seed's endpoints: an empty list would allow egress to anywhere. */
  static List<FieldError> validateSeedEndpoints(ClusterFacts facts, Set<EgressTarget.ContextNeed> needs) {
    if (!needs.contains(EgressTarget.ContextNeed.SEED_ENDPOINTS) || !facts.seedEndpoints().isEmpty()
        || facts.seedApiServerEntity()) {
      return List.of();
    }
    Optional<RenderContext> context = facts.context();
    FieldPath path = context.isPresent() ? FieldPath.of("spec", "seedAPIServerEndpoints")
        : FieldPath.of("spec", "features", "apiserverNetworkPolicy");
    String why = context.map(c -> c.seedAPIServerEndpoints().filter(e -> !e.isEmpty()).isPresent()
            ? "every endpoint of RenderContext " + c.name() + "'s seed is not ready or terminating"
            : "RenderContext " + c.name() + " lists no seedAPIServerEndpoints")
        .orElse("seed " + facts.inputs().seed().name() + " has no RenderContext with seedAPIServerEndpoints");
    return List.of(new FieldError(path, DiagnosticCode.SEED_ENDPOINTS_MISSING,
        "profile " + facts.profile().id() + " renders seed-apiserver-allow, but " + why
            + "; an empty list would allow egress to anywhere",
        "list the seed's kubernetes Service endpoints: kubectl get endpointslices -n default "
            + "-l kubernetes.io/service-name=kubernetes"));
  }

  /** The webhook KKP resolves at run time must have its addresses in the RenderContext. */
  static List<FieldError> validateWebhookAddresses(ClusterFacts facts, Set<EgressTarget.ContextNeed> needs) {
    if (!needs.contains(EgressTarget.ContextNeed.WEBHOOK_ADDRESSES) || !facts.webhookConfigured()
        || facts.webhookByName() || facts.webhook().filter(w -> !w.ips().isEmpty()).isPresent()) {
      return List.of();
    }
    return List.of(new FieldError(FieldPath.of("spec", "authorizationConfig"),
        DiagnosticCode.AUTHORIZATION_WEBHOOK_UNRESOLVED,
        "the cluster uses an authorization webhook, but the RenderContext lists no addresses for it",
        "add {cluster: " + facts.name() + ", url: ..., ips: [...]} to the RenderContext's authorizationWebhooks"));
  }

  /** least-privilege's DNS rule names the seed's cluster DNS. */
  static List<FieldError> validateClusterDns(ClusterFacts facts, Set<EgressTarget.ContextNeed> needs) {
    if (!needs.contains(EgressTarget.ContextNeed.CLUSTER_DNS) || facts.clusterDns().isPresent()) {
      return List.of();
    }
    FieldPath path = facts.context().isPresent() ? FieldPath.of("spec") : FieldPath.of("spec", "features");
    return List.of(new FieldError(path, DiagnosticCode.CLUSTER_DNS_MISSING,
        "profile " + facts.profile().id() + " limits DNS to the seed's cluster DNS, but the RenderContext has "
            + "no clusterDNS",
        "add clusterDNS: {namespace: kube-system, podLabels: {k8s-app: kube-dns}} (as in your seed)"));
  }

  /**
   * A host whose addresses include a special-purpose one (loopback, link-local such as the cloud metadata
   * service, unspecified, multicast, broadcast) would become an allow rule to it: the cluster is not rendered.
   */
  static List<FieldError> specialPurposeAddresses(ClusterFacts facts, Set<EgressTarget.ContextNeed> needs) {
    List<FieldError> out = new ArrayList<>();
    if (needs.contains(EgressTarget.ContextNeed.ISSUER_ADDRESSES)) {
      for (OidcIssuers.Issuer issuer : facts.oidcIssuers()) {
        refuseSpecial("OIDC issuer " + issuer.host(), issuer.addresses(), FieldPath.of("spec", "oidc"), out);
      }
    }
    if (needs.contains(EgressTarget.ContextNeed.WEBHOOK_ADDRESSES) && facts.webhookConfigured()
        && !facts.webhookByName()) {
      facts.webhook().ifPresent(w -> refuseSpecial("authorization webhook " + w.url(), w.ips(),
          FieldPath.of("spec", "authorizationConfig"), out));
    }
    if (!facts.fqdnEgress()) {
      for (ExtraEgressRule rule : facts.context().map(RenderContext::extraEgress).orElse(List.of())) {
        for (String host : rule.hosts()) {
          refuseSpecial("extraEgress " + rule.name() + " host " + host,
              facts.inputs().resolvedAddresses().of(host).orElse(List.of()), FieldPath.root(), out);
        }
      }
    }
    return out;
  }

  private static void refuseSpecial(String what, List<Cidr> addresses, FieldPath path, List<FieldError> out) {
    for (Cidr address : addresses) {
      SpecialPurposeAddresses.containing(address).ifPresent(range -> out.add(new FieldError(path,
          DiagnosticCode.ADDRESS_SPECIAL_PURPOSE, what + " has address " + SpecialPurposeAddresses.describe(address,
              range) + "; an allow rule to it would open what no API server needs",
          "correct the typed-in ips or the DNS record, then run apiserver-policy resolve again")));
    }
  }
}
