package dev.apiserverpolicy.model;

/**
 * Every finding apiserver-policy can report, with a stable identifier that tools may
 * match on. Identifiers never change meaning; new findings get new identifiers.
 *
 * @since 0.1.0
 */
public enum DiagnosticCode {
  // Reading: the text itself.
  /** The input stream is larger than the reader's limit. */
  INPUT_TOO_LARGE("input-too-large", Severity.ERROR,
      "The input stream is larger than the reader's limit."),
  /** The input is not UTF-8 text (binary data, another encoding). */
  INPUT_ENCODING("input-encoding", Severity.ERROR,
      "The input is not UTF-8 text (binary data, another encoding)."),
  /** The input holds no document at all. */
  INPUT_EMPTY("input-empty", Severity.WARNING,
      "The input holds no document at all."),
  /** The input could not be read (I/O failure). */
  INPUT_UNREADABLE("input-unreadable", Severity.ERROR,
      "The input could not be read (I/O failure)."),
  /** YAML or JSON syntax error. */
  YAML_SYNTAX("yaml-syntax", Severity.ERROR,
      "YAML or JSON syntax error."),
  /** Too many aliases: the document could expand beyond any sensible size. */
  YAML_ALIAS_LIMIT("yaml-alias-limit", Severity.ERROR,
      "Too many aliases: the document could expand beyond any sensible size."),
  /** Collections nested deeper than the limit. */
  YAML_DEPTH_LIMIT("yaml-depth-limit", Severity.ERROR,
      "Collections nested deeper than the limit."),
  /** One document is larger than the limit. */
  DOCUMENT_TOO_LARGE("document-too-large", Severity.ERROR,
      "One document is larger than the limit."),
  /** A mapping names the same key twice; tools disagree on which value wins. */
  DUPLICATE_KEY("duplicate-key", Severity.ERROR,
      "A mapping names the same key twice; tools disagree on which value wins."),
  /** A YAML merge key ({@code <<}) where a field is read; tools disagree on its meaning. */
  MERGE_KEY("merge-key", Severity.ERROR,
      "A YAML merge key (`<<`) where a field is read; tools disagree on its meaning."),
  /** A document is not a mapping. */
  DOCUMENT_NOT_OBJECT("document-not-object", Severity.ERROR,
      "A document is not a mapping."),
  /** A {@code List} with errors of its own; none of its items is read. */
  LIST_NOT_READ("list-not-read", Severity.ERROR,
      "A `List` with errors of its own; none of its items is read."),

  // Reading: objects and fields.
  /** A document without apiVersion or kind. */
  NOT_A_KUBERNETES_OBJECT("not-a-kubernetes-object", Severity.WARNING,
      "A document without apiVersion or kind."),
  /** A document of a kind this tool does not read; skipped. */
  KIND_SKIPPED("kind-skipped", Severity.INFO,
      "A document of a kind this tool does not read; skipped."),
  /** An endpoint not ready or terminating: kept under the kkp-* profiles, as KKP does; not under least-privilege. */
  ENDPOINT_NOT_READY("endpoint-not-ready", Severity.INFO,
      "An endpoint not ready or terminating: kept under the kkp-* profiles, as KKP does; not under least-privilege."),
  /** A kind this tool reads, under an apiVersion it does not. */
  API_VERSION_UNSUPPORTED("api-version-unsupported", Severity.WARNING,
      "A kind this tool reads, under an apiVersion it does not."),
  /** A field read by this tool has the wrong type. */
  FIELD_TYPE("field-type", Severity.ERROR,
      "A field read by this tool has the wrong type."),
  /** A field has the right type but a value outside what it allows. */
  FIELD_VALUE("field-value", Severity.ERROR,
      "A field has the right type but a value outside what it allows."),
  /** A required field is missing. */
  FIELD_MISSING("field-missing", Severity.ERROR,
      "A required field is missing."),
  /** A field this tool does not know, in one of its own kinds. */
  FIELD_UNKNOWN("field-unknown", Severity.ERROR,
      "A field this tool does not know, in one of its own kinds."),
  /** Text that is not a strict CIDR. */
  CIDR_INVALID("cidr-invalid", Severity.ERROR,
      "Text that is not a strict CIDR."),
  /** A CIDR with host bits set below its prefix. */
  CIDR_HOST_BITS("cidr-host-bits", Severity.ERROR,
      "A CIDR with host bits set below its prefix."),
  /** An expose strategy other than NodePort, LoadBalancer or Tunneling. */
  EXPOSE_STRATEGY_UNKNOWN("expose-strategy-unknown", Severity.ERROR,
      "An expose strategy other than NodePort, LoadBalancer or Tunneling."),
  /** Two objects of the same kind and name. */
  DUPLICATE_OBJECT("duplicate-object", Severity.ERROR,
      "Two objects of the same kind and name."),

  // Validation.
  /** Allowed IP ranges on a cluster whose strategy is not LoadBalancer. */
  ALLOWED_RANGES_STRATEGY("allowed-ranges-strategy", Severity.ERROR,
      "Allowed IP ranges on a cluster whose strategy is not LoadBalancer."),
  /** A cluster name, or the namespace it makes or names, that is not a DNS-1123 label: the cluster is left out. */
  CLUSTER_NAME_INVALID("cluster-name-invalid", Severity.ERROR,
      "A cluster name, or the namespace it makes or names, that is not a DNS-1123 label: the cluster is left out."),
  /** A seed name that is not a DNS-1123 subdomain, or a seed namespace that is not a label: the seed is left out. */
  SEED_NAME_INVALID("seed-name-invalid", Severity.ERROR,
      "A seed name that is not a DNS-1123 subdomain, or a seed namespace that is not a label: the seed is left out."),
  /** A seed's default ClusterTemplate without label {@code scope: seed}. */
  DEFAULT_TEMPLATE_SCOPE("default-template-scope", Severity.ERROR,
      "A seed's default ClusterTemplate without label `scope: seed`."),
  /** A seed names a default ClusterTemplate that is not in the input. */
  DEFAULT_TEMPLATE_MISSING("default-template-missing", Severity.WARNING,
      "A seed names a default ClusterTemplate that is not in the input."),
  /** The profile needs seed API server endpoints and none are given. */
  SEED_ENDPOINTS_MISSING("seed-endpoints-missing", Severity.ERROR,
      "The profile needs seed API server endpoints and none are given."),
  /** The seed's EndpointSlices (or Endpoints) and the RenderContext's seedAPIServerEndpoints: both given, different. */
  SEED_ENDPOINTS_CONFLICT("seed-endpoints-conflict", Severity.ERROR,
      "The seed's EndpointSlices (or Endpoints) and the RenderContext's seedAPIServerEndpoints: both "
          + "given, different."),
  /** An EndpointSlice or Endpoints that belongs to no seed, or to more than one; or a named input without any. */
  ENDPOINTS_BINDING("endpoints-binding", Severity.ERROR,
      "An EndpointSlice or Endpoints that belongs to no seed, or to more than one; or a named input without any."),
  /** An extraEgress host whose addresses are not known (no ResolvedHosts entry). */
  HOST_UNRESOLVED("host-unresolved", Severity.ERROR,
      "An extraEgress host whose addresses are not known (no ResolvedHosts entry)."),
  /** A host's address (typed in or resolved) in a special-purpose range: loopback, link-local, multicast, ... */
  ADDRESS_SPECIAL_PURPOSE("address-special-purpose", Severity.ERROR,
      "A host's address (typed in or resolved) in a special-purpose range: loopback, link-local, multicast, ..."),
  /** A tunneling agent IP on a cluster whose strategy is not Tunneling. */
  TUNNELING_AGENT_IP_STRATEGY("tunneling-agent-ip-strategy", Severity.ERROR,
      "A tunneling agent IP on a cluster whose strategy is not Tunneling."),
  /** The Cilium flavour ({@code spec.cilium}) in a RenderContext whose {@code cni} is not cilium. */
  CILIUM_FLAVOUR_CNI("cilium-flavour-cni", Severity.ERROR,
      "The Cilium flavour (`spec.cilium`) in a RenderContext whose `cni` is not cilium."),
  /** An extraEgress entry without peers, which would allow egress to anywhere. */
  EXTRA_EGRESS_NO_PEERS("extra-egress-no-peers", Severity.ERROR,
      "An extraEgress entry without peers, which would allow egress to anywhere."),
  /** An extraEgress name that is not a DNS-1123 subdomain or clashes with a built-in policy. */
  EXTRA_EGRESS_NAME("extra-egress-name", Severity.ERROR,
      "An extraEgress name that is not a DNS-1123 subdomain or clashes with a built-in policy."),
  /** A URL (OIDC issuer, authorization webhook) that cannot be used. */
  URL_INVALID("url-invalid", Severity.ERROR,
      "A URL (OIDC issuer, authorization webhook) that cannot be used."),
  /** A cluster that belongs to no seed, or to more than one. */
  SEED_BINDING("seed-binding", Severity.ERROR,
      "A cluster that belongs to no seed, or to more than one."),
  /** A RenderContext that applies to no seed. */
  CONTEXT_BINDING("context-binding", Severity.ERROR,
      "A RenderContext that applies to no seed."),
  /** A cluster's AuthenticationConfiguration Secret whose issuers the RenderContext does not declare. */
  AUTHENTICATION_ISSUERS_UNKNOWN("authentication-issuers-unknown", Severity.ERROR,
      "A cluster's AuthenticationConfiguration Secret whose issuers the RenderContext does not declare."),
  /** Whether KKP's own OIDC issuer applies is unknown: the input has no KubermaticConfiguration. */
  KUBERMATIC_CONFIGURATION_MISSING("kubermatic-configuration-missing", Severity.ERROR,
      "Whether KKP's own OIDC issuer applies is unknown: the input has no KubermaticConfiguration."),
  /** A cluster names an OIDC issuer the RenderContext has no addresses for. */
  OIDC_ISSUER_UNRESOLVED("oidc-issuer-unresolved", Severity.ERROR,
      "A cluster names an OIDC issuer the RenderContext has no addresses for."),
  /** A cluster has an authorization webhook the RenderContext has no addresses for. */
  AUTHORIZATION_WEBHOOK_UNRESOLVED("authorization-webhook-unresolved", Severity.ERROR,
      "A cluster has an authorization webhook the RenderContext has no addresses for."),
  /** The least-privilege profile needs to know where the seed's cluster DNS runs. */
  CLUSTER_DNS_MISSING("cluster-dns-missing", Severity.ERROR,
      "The least-privilege profile needs to know where the seed's cluster DNS runs."),
  /** Two clusters of one seed in one namespace: each would render over the other's policies. */
  NAMESPACE_SHARED("namespace-shared", Severity.ERROR,
      "Two clusters of one seed in one namespace: each would render over the other's policies."),
  /** A cluster namespace that is one of Kubernetes' or KKP's own (kube-system, default, kubermatic, ...). */
  NAMESPACE_RESERVED("namespace-reserved", Severity.ERROR,
      "A cluster namespace that is one of Kubernetes' or KKP's own (kube-system, default, kubermatic, ...)."),
  /** More source ranges (with the seed's annotations) than a Service's annotations may hold. */
  SOURCE_RANGES_TOO_LARGE("source-ranges-too-large", Severity.ERROR,
      "More source ranges (with the seed's annotations) than a Service's annotations may hold."),
  /** A Tunneling cluster without {@code status.address.externalName}, which its Services route by. */
  EXTERNAL_NAME_MISSING("external-name-missing", Severity.ERROR,
      "A Tunneling cluster without `status.address.externalName`, which its Services route by."),

  // Lints: what renders, but may not be what was meant.
  /** A declared client network is not (wholly) covered by the API server's allowed ranges. */
  LOCKOUT("lockout", Severity.WARNING,
      "A declared client network is not (wholly) covered by the API server's allowed ranges."),
  /** {@code 0.0.0.0/0} or {@code ::/0} among the allowed ranges: no restriction at all. */
  OPEN_TO_EVERYONE("open-to-everyone", Severity.WARNING,
      "`0.0.0.0/0` or `::/0` among the allowed ranges: no restriction at all."),
  /** A range listed twice. */
  RANGE_DUPLICATE("range-duplicate", Severity.WARNING,
      "A range listed twice."),
  /** A range inside another listed range. */
  RANGE_NESTED("range-nested", Severity.WARNING,
      "A range inside another listed range."),
  /** IPv6 ranges on an IPv4-only cluster. */
  RANGE_FAMILY_MISMATCH("range-family-mismatch", Severity.WARNING,
      "IPv6 ranges on an IPv4-only cluster."),
  /** The load balancer in use does not honour source ranges. */
  SOURCE_RANGES_UNSUPPORTED("source-ranges-unsupported", Severity.WARNING,
      "The load balancer in use does not honour source ranges."),
  /** The seed's CNI does not enforce NetworkPolicies. */
  CNI_NO_NETWORKPOLICY("cni-no-networkpolicy", Severity.WARNING,
      "The seed's CNI does not enforce NetworkPolicies."),
  /** Kyverno is enabled but the profile renders no rule for its webhook. */
  KYVERNO_RULE_MISSING("kyverno-rule-missing", Severity.WARNING,
      "Kyverno is enabled but the profile renders no rule for its webhook."),
  /** Under LoadBalancer, the apiserver-external NodePort on the seed nodes bypasses the allow-list. */
  NODEPORT_BYPASS("nodeport-bypass", Severity.WARNING,
      "Under LoadBalancer, the apiserver-external NodePort on the seed nodes bypasses the allow-list."),
  /** Konnectivity off, which KKP v2.31 refuses. */
  KONNECTIVITY_DISABLED("konnectivity-disabled", Severity.WARNING,
      "Konnectivity off, which KKP v2.31 refuses."),
  /** The datacenter makes apiserver-external a LoadBalancer, which has no source ranges. */
  APISERVER_LOAD_BALANCER_UNRESTRICTED("apiserver-loadbalancer-unrestricted", Severity.WARNING,
      "The datacenter makes apiserver-external a LoadBalancer, which has no source ranges."),
  /** The authorization webhook's rule uses its URL's port, where KKP allows only 443. */
  WEBHOOK_PORT_DIFFERS("webhook-port-differs", Severity.INFO,
      "The authorization webhook's rule uses its URL's port, where KKP allows only 443."),
  /** A cluster namespace outside KKP's {@code cluster-<name>} convention. */
  NAMESPACE_UNCONVENTIONAL("namespace-unconventional", Severity.WARNING,
      "A cluster namespace outside KKP's `cluster-<name>` convention."),
  /** The seed's default ranges are not applied because the cluster has no apiServerAllowedIPRanges field. */
  SEED_DEFAULTS_NOT_APPLIED("seed-defaults-not-applied", Severity.INFO,
      "The seed's default ranges are not applied because the cluster has no apiServerAllowedIPRanges field."),
  /** Typed-in ips for a host differ from what ResolvedHosts says it resolved to; the typed-in ones are used. */
  RESOLVED_ADDRESSES_DIFFER("resolved-addresses-differ", Severity.WARNING,
      "Typed-in ips for a host differ from what ResolvedHosts says it resolved to; the typed-in ones are used."),

  // Writing the output folder.
  /** A cluster's gate is off, and the run deletes (or would) its NetworkPolicies from the output folder. */
  GATE_OFF_DELETES_POLICIES("gate-off-deletes-policies", Severity.WARNING,
      "A cluster's gate is off, and the run deletes (or would) its NetworkPolicies from the output folder."),

  // Rendering.
  /** A rendered object larger than the API server accepts; the cluster is not rendered. */
  OBJECT_TOO_LARGE("object-too-large", Severity.ERROR,
      "A rendered object larger than the API server accepts; the cluster is not rendered."),
  /** A cluster that was not rendered because of errors (its own, or its seed's or context's). */
  NOT_RENDERED("not-rendered", Severity.ERROR,
      "A cluster that was not rendered because of errors (its own, or its seed's or context's)."),

  /**
   * An egress rule without peers that no catalogue entry declares (it would allow its ports to every
   * address) was refused by the renderer's last guard: a check before it missed this input; please report it.
   */
  RULE_WITHOUT_PEERS("rule-without-peers", Severity.ERROR,
      "An egress rule without peers that no catalogue entry declares (it would allow its ports to every "
          + "address) was refused by the renderer's last guard: a check before it missed this input; please "
          + "report it."),

  /**
   * A suppression that cannot be honoured: an unknown code, an error's code (errors cannot be
   * silenced), a missing reason, or a field a Suppressions document does not have.
   */
  SUPPRESSION_INVALID("suppression-invalid", Severity.ERROR,
      "A suppression that cannot be honoured: an unknown code, an error's code (errors cannot be silenced), a "
          + "missing reason, or a field a Suppressions document does not have."),

  /** A defect in apiserver-policy itself; please report it. */
  INTERNAL_ERROR("internal-error", Severity.ERROR,
      "A defect in apiserver-policy itself; please report it.");

  private final String id;
  private final Severity severity;
  private final String summary;

  DiagnosticCode(String id, Severity severity, String summary) {
    this.id = id;
    this.severity = severity;
    this.summary = summary;
  }

  /**
   * What a finding with this code means, in a sentence or two (the text of the constant's
   * documentation): what SARIF's rule descriptions and {@code --help} show.
   */
  public String summary() {
    return summary;
  }

  /**
   * True for the findings that mean some of the input was not read (the file, the rest of it
   * from a line, or a List's items) or was left out (a cluster or seed with a name Kubernetes
   * refuses): what the input holds there is missing from the result.
   */
  public boolean losesInput() {
    return switch (this) {
      case INPUT_TOO_LARGE, INPUT_ENCODING, INPUT_UNREADABLE, YAML_SYNTAX, YAML_ALIAS_LIMIT, YAML_DEPTH_LIMIT,
          DOCUMENT_TOO_LARGE, LIST_NOT_READ, CLUSTER_NAME_INVALID, SEED_NAME_INVALID -> true;
      default -> false;
    };
  }

  /** Stable identifier, e.g. {@code cidr-host-bits}. */
  public String id() {
    return id;
  }

  /** The severity of every finding with this code (severities are not configurable). */
  public Severity defaultSeverity() {
    return severity;
  }
}
