package dev.apiserverpolicy.render;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.ClientNetworks;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.model.FieldPath;
import dev.apiserverpolicy.model.IpFamily;
import dev.apiserverpolicy.model.Origin;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.Seed;
import dev.apiserverpolicy.model.manifest.ServiceType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The warnings and infos of docs/spec.md section 7: inputs that render, but probably not as
 * meant. Pure; each finding names the cluster, the field and what to do.
 */
public final class OperationalLints {
  /** CNIs known not to enforce NetworkPolicies. */
  static final Set<String> CNIS_WITHOUT_NETWORKPOLICY = Set.of("flannel", "kindnet", "none");
  /** Providers whose clusters usually get a load balancer that ignores source ranges. */
  static final Set<String> PROVIDERS_WITHOUT_SOURCE_RANGES =
      Set.of("bringyourown", "edge", "baremetal", "kubevirt", "vsphere");

  private OperationalLints() {}

  /** Every lint finding for one cluster rendered with {@code profile}. */
  public static List<Diagnostic> lint(ClusterInputs inputs, Profile profile) {
    List<Diagnostic> out = new ArrayList<>();
    Cluster cluster = inputs.cluster();
    Seed seed = inputs.seed();
    boolean gateOn = cluster.spec().apiserverNetworkPolicyGate().orElse(false);
    ExposeStrategy strategy = inputs.effectiveExposeStrategy();
    Optional<RenderContext> context = inputs.context();

    if (gateOn) {
      context.flatMap(RenderContext::cni).map(c -> c.toLowerCase(Locale.ROOT))
          .filter(CNIS_WITHOUT_NETWORKPOLICY::contains)
          .ifPresent(cni -> out.add(warning(DiagnosticCode.CNI_NO_NETWORKPOLICY, inputs, FieldPath.of("spec",
              "features"),
              "the seed's CNI (" + cni + ") does not enforce NetworkPolicies: the rendered policies restrict nothing",
              "run a CNI that enforces NetworkPolicies (Cilium, Calico, Canal) on the seed")));
      if (!EgressCatalogue.offers(profile, EgressCatalogue.KYVERNO_WEBHOOK)
          && cluster.spec().kyvernoEnabled().orElse(false)) {
        out.add(warning(DiagnosticCode.KYVERNO_RULE_MISSING, inputs, FieldPath.of("spec", "kyverno", "enabled"),
            "Kyverno is enabled, but profile " + profile.id() + " has no " + EgressCatalogue.KYVERNO_WEBHOOK
                + ": the apiserver cannot call its admission webhook",
            "use profile " + oneOf(EgressCatalogue.profilesOffering(EgressCatalogue.KYVERNO_WEBHOOK))));
      }
    }
    konnectivity(inputs, profile).ifPresent(out::add);
    ClusterFacts facts = new ClusterFacts(inputs, profile);
    if (facts.apiserverServiceType().filter(t -> t == ServiceType.LOAD_BALANCER).isPresent()) {
      out.add(warning(DiagnosticCode.APISERVER_LOAD_BALANCER_UNRESTRICTED, inputs, FieldPath.of("spec", "cloud", "dc"),
          "datacenter " + cluster.spec().datacenter().orElse("") + " makes apiserver-external a LoadBalancer, and KKP "
              + "gives it no source ranges: anyone who reaches its address reaches the API server, whatever "
              + "apiServerAllowedIPRanges says",
          "filter at a firewall in front of that load balancer, or unset the datacenter's apiServerServiceType"));
    }
    // KKP writes TCP 443 into its own authorization-webhook-allow, whatever the URL says.
    if (gateOn && facts.kkpForm() && EgressCatalogue.offers(profile, EgressCatalogue.AUTHORIZATION_WEBHOOK)
        && facts.webhookConfigured() && facts.webhook().isPresent()
        && HttpUrls.problem(facts.webhook().get().url()).isEmpty()
        && HttpUrls.port(facts.webhook().get().url()) != 443) {
      int port = HttpUrls.port(facts.webhook().get().url());
      out.add(Diagnostic.at(DiagnosticCode.WEBHOOK_PORT_DIFFERS, cluster.origin(), FieldPath.of("spec",
          "authorizationConfig"))
          .object(cluster.ref())
          .message("authorization-webhook-allow allows TCP " + port + ", the port of " + facts.webhook().get().url()
              + "; KKP v2.31 allows only TCP 443 there, which would block this webhook")
          .hint("nothing to do; where KKP also reconciles this policy, it will write 443 (see docs/kkp.md)")
          .build());
    }
    if (!cluster.namespace().startsWith("cluster-")) {
      out.add(Diagnostic.at(DiagnosticCode.NAMESPACE_UNCONVENTIONAL, cluster.origin(), FieldPath.of("status",
          "namespaceName"))
          .object(cluster.ref())
          .message("namespace '" + cluster.namespace() + "' is not of the form cluster-<name> that KKP gives every "
              + "cluster; the policies go there")
          .hint("check status.namespaceName against the cluster's real namespace (kubectl get cluster "
              + cluster.name() + " -o jsonpath='{.status.namespaceName}')")
          .build());
    }
    if (strategy != ExposeStrategy.LOAD_BALANCER) {
      return out;
    }

    List<Cidr> effective = SourceRangePolicy.sourceRanges(cluster, seed);
    Optional<List<Cidr>> own = cluster.spec().apiServerAllowedIPRanges();
    if (own.isEmpty() && !seed.defaultAPIServerAllowedIPRanges().isEmpty()) {
      out.add(Diagnostic.at(DiagnosticCode.SEED_DEFAULTS_NOT_APPLIED, cluster.origin(), FieldPath.of("spec"))
          .object(cluster.ref())
          .message("the seed's defaultAPIServerAllowedIPRanges are not applied: KKP appends them only to clusters that "
              + "have spec.apiServerAllowedIPRanges, and this one has no such field"
              + (effective.isEmpty() ? ", so anyone may reach its API server" : ""))
          .hint("add spec.apiServerAllowedIPRanges (even {cidrBlocks: []}) to apply the seed's defaults")
          .build());
    }
    openToEveryone(inputs, out);
    duplicatesAndNesting(inputs, own.orElse(List.of()), CIDR_BLOCKS, out);
    families(inputs, effective, out);
    if (effective.isEmpty()) {
      return out;
    }
    out.add(warning(DiagnosticCode.NODEPORT_BYPASS, inputs, FieldPath.of("spec", "apiServerAllowedIPRanges"),
        "under LoadBalancer, apiserver-external is still a NodePort on every seed node, and the allow-list does not "
            + "cover that path: anyone who reaches a seed node reaches the API server",
        "block the NodePort range on the seed nodes (cloud firewall or security group) for all but the allowed "
            + "ranges"));
    String provider = cluster.spec().cloudProvider().orElse("");
    boolean classicElb = !provider.equals("aws") && seed.loadBalancerServiceAnnotations()
        .getOrDefault(ServiceRenderer.AWS_LB_TYPE, "nlb").matches("(?i)elb|classic");
    if (PROVIDERS_WITHOUT_SOURCE_RANGES.contains(provider) || classicElb) {
      out.add(warning(DiagnosticCode.SOURCE_RANGES_UNSUPPORTED, inputs, FieldPath.of("spec",
          "apiServerAllowedIPRanges"),
          (classicElb ? "the seed asks for an AWS classic ELB, which ignores loadBalancerSourceRanges"
              : "provider " + provider + " usually has no cloud load balancer that honours loadBalancerSourceRanges")
              + "; the allow-list may not be enforced",
          "check that your load balancer enforces loadBalancerSourceRanges, or filter at a firewall in front of it"));
    }
    lockOut(inputs, effective, out);
    return out;
  }

  private static final FieldPath CIDR_BLOCKS = FieldPath.of("spec", "apiServerAllowedIPRanges", "cidrBlocks");

  /**
   * A range of the rendered list that allows a whole family, wherever it came from: the cluster's own ranges,
   * the seed's defaults (appended when the cluster has the field) or the nodeport-proxy's source ranges.
   */
  /**
   * Konnectivity off: explicitly (KKP v2.31's validation refuses it, {@code pkg/validation/cluster.go}
   * 499-503), or by an absent field, which KKP's controller reads as off and its installer refuses
   * to upgrade past ({@code pkg/install/stack/common/validation.go} 111-112).
   */
  private static Optional<Diagnostic> konnectivity(ClusterInputs inputs, Profile profile) {
    Optional<Boolean> enabled = inputs.cluster().spec().clusterNetwork().konnectivityEnabled();
    FieldPath path = FieldPath.of("spec", "clusterNetwork", "konnectivityEnabled");
    if (enabled.isEmpty()) {
      return Optional.of(warning(DiagnosticCode.KONNECTIVITY_DISABLED, inputs, path,
          "konnectivityEnabled is absent, which KKP's controller reads as off: rendered with the OpenVPN policies "
              + "(openvpn-server-allow, metrics-server-allow) and no konnectivity-server; KKP v2.31's installer "
              + "refuses to upgrade while it exists (\"has not been migrated to Konnectivity yet, which is mandatory "
              + "for this KKP version\")",
          "set spec.clusterNetwork.konnectivityEnabled: true, as KKP's webhook does for a new cluster, once the "
              + "cluster runs Konnectivity"));
    }
    if (EgressCatalogue.has(profile, EgressCatalogue.Trait.KONNECTIVITY_REQUIRED) && !enabled.get()) {
      return Optional.of(warning(DiagnosticCode.KONNECTIVITY_DISABLED, inputs, path,
          "KKP v2.31 refuses this cluster (spec.networkConfig.konnectivityEnabled: Invalid value: false: Konnectivity "
              + "can no longer be disabled); the OpenVPN policies rendered for it are for older KKP",
          "remove konnectivityEnabled: false, or render with profile kkp-v2.18 for a KKP that still had OpenVPN"));
    }
    return Optional.empty();
  }

  private static void openToEveryone(ClusterInputs inputs, List<Diagnostic> out) {
    Cluster cluster = inputs.cluster();
    Seed seed = inputs.seed();
    List<Cidr> own = cluster.spec().apiServerAllowedIPRanges().orElse(List.of());
    everything(inputs, cluster.origin(), CIDR_BLOCKS, own, "", out);
    if (cluster.spec().apiServerAllowedIPRanges().isPresent()) {
      everything(inputs, seed.origin(), FieldPath.of("spec", "defaultAPIServerAllowedIPRanges"),
          seed.defaultAPIServerAllowedIPRanges(), " (Seed " + seed.name() + "'s defaults, appended to this "
              + "cluster's ranges)", out);
    }
    everything(inputs, seed.origin(), FieldPath.of("spec", "nodeportProxy", "envoy", "loadBalancerService",
        "sourceRanges"), seed.nodeportProxySourceRanges(), " (Seed " + seed.name() + "'s nodeport-proxy source "
            + "ranges, added to every cluster's)", out);
  }

  private static void everything(ClusterInputs inputs, Origin origin, FieldPath path, List<Cidr> ranges,
      String from, List<Diagnostic> out) {
    for (int i = 0; i < ranges.size(); i++) {
      Cidr r = ranges.get(i);
      if (r.isEverything()) {
        out.add(Diagnostic.at(DiagnosticCode.OPEN_TO_EVERYONE, origin, path.index(i))
            .object(inputs.cluster().ref())
            .message(r + from + " allows every " + (r.family() == Cidr.Family.IPV4 ? "IPv4" : "IPv6")
                + " address into front-loadbalancer: the allow-list restricts nothing for that family")
            .hint("list the networks that need the API server instead").build());
      }
    }
  }

  /** The rendered list against the cluster's IP family. */
  private static void families(ClusterInputs inputs, List<Cidr> ranges, List<Diagnostic> out) {
    IpFamily family = inputs.cluster().spec().clusterNetwork().ipFamily().orElse(IpFamily.IPV4);
    if (family == IpFamily.IPV4) {
      List<Cidr> v6 = ranges.stream().filter(c -> c.family() == Cidr.Family.IPV6).toList();
      if (!v6.isEmpty()) {
        out.add(warning(DiagnosticCode.RANGE_FAMILY_MISMATCH, inputs, CIDR_BLOCKS,
            "IPv6 ranges on an IPv4-only cluster: " + listed(v6) + "; front-loadbalancer has no IPv6 "
                + "address to filter", "remove them, or make the cluster dual-stack (ipFamily: IPv4+IPv6)"));
      }
    } else if (ranges.stream().noneMatch(c -> c.family() == Cidr.Family.IPV6) && !ranges.isEmpty()) {
      out.add(warning(DiagnosticCode.RANGE_FAMILY_MISMATCH, inputs, CIDR_BLOCKS,
          "a dual-stack cluster with IPv4 ranges only: IPv6 clients are refused",
          "add the IPv6 networks that must reach the API server"));
    }
  }

  /**
   * Duplicates and ranges inside others, in one sweep over the ranges in address order: CIDR
   * ranges are either nested or disjoint, so the ranges that contain the current one are
   * exactly a stack. O(n log n), where comparing every pair took minutes for a few thousand.
   * Each range gets at most one finding: a duplicate names its first occurrence; a nested
   * range names the outermost listed range around it.
   */
  static void duplicatesAndNesting(ClusterInputs inputs, List<Cidr> ranges, FieldPath path,
      List<Diagnostic> out) {
    Integer[] order = new Integer[ranges.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparing((Integer i) -> ranges.get(i)).thenComparing(i -> i));
    ArrayDeque<Integer> around = new ArrayDeque<>();
    List<Diagnostic> found = new ArrayList<>();
    int[] foundAt = new int[ranges.size()];
    for (int i : order) {
      Cidr r = ranges.get(i);
      while (!around.isEmpty() && !ranges.get(around.peek()).contains(r)) {
        around.pop();
      }
      if (!around.isEmpty() && ranges.get(around.peek()).equals(r)) {
        foundAt[found.size()] = i;
        found.add(warning(DiagnosticCode.RANGE_DUPLICATE, inputs, path.index(i),
            r + " is listed twice (also at index " + around.peek() + ")", "remove one of them"));
        continue;
      }
      if (!around.isEmpty()) {
        int outer = around.peekLast();
        foundAt[found.size()] = i;
        found.add(warning(DiagnosticCode.RANGE_NESTED, inputs, path.index(i),
            r + " lies inside " + ranges.get(outer) + " (index " + outer + "), which already allows it",
            "remove " + r + ", or narrow " + ranges.get(outer) + " if it is too wide"));
      }
      around.push(i);
    }
    // In list order, as a reader goes through the field.
    Integer[] byIndex = new Integer[found.size()];
    for (int k = 0; k < byIndex.length; k++) {
      byIndex[k] = k;
    }
    Arrays.sort(byIndex, Comparator.comparingInt(k -> foundAt[k]));
    for (int k : byIndex) {
      out.add(found.get(k));
    }
  }

  /** A declared client network with addresses the allowed ranges do not cover. */
  private static void lockOut(ClusterInputs inputs, List<Cidr> allowed, List<Diagnostic> out) {
    ClientNetworks nets = inputs.context().map(RenderContext::clientNetworks).orElse(ClientNetworks.empty());
    Map<String, List<Cidr>> declared = new LinkedHashMap<>();
    declared.put("userClusterWorkers", nets.userClusterWorkers());
    declared.put("kkpMasterNodes", nets.kkpMasterNodes());
    declared.put("seedNodes", nets.seedNodes());
    declared.put("seedPods", nets.seedPods());
    for (Map.Entry<String, List<Cidr>> e : declared.entrySet()) {
      List<Cidr> uncovered = uncovered(e.getValue(), allowed);
      if (!uncovered.isEmpty()) {
        String list = listed(uncovered);
        out.add(warning(DiagnosticCode.LOCKOUT, inputs, FieldPath.of("spec", "apiServerAllowedIPRanges"),
            "client network " + e.getKey() + " cannot reach the API server: " + list + " not covered by the allowed "
                + "ranges", "add " + list + " to spec.apiServerAllowedIPRanges (or to the seed's "
                + "defaultAPIServerAllowedIPRanges)"));
      }
    }
  }

  /** Most ranges a message lists; the rest are counted. */
  static final int MAX_LISTED = 10;

  /** {@code a, b, c}, or the first {@link #MAX_LISTED} and {@code and N more}. */
  static String listed(List<Cidr> ranges) {
    String shown = ranges.stream().limit(MAX_LISTED).map(Cidr::toString).collect(Collectors.joining(", "));
    return ranges.size() <= MAX_LISTED ? shown : shown + " and " + (ranges.size() - MAX_LISTED) + " more";
  }

  /** The addresses of {@code network} that no allowed range covers, as the fewest ranges. */
  public static List<Cidr> uncovered(List<Cidr> network, List<Cidr> allowed) {
    // The common case, every range inside one allowed range, needs no interval arithmetic.
    if (network.stream().allMatch(n -> allowed.stream().anyMatch(a -> a.contains(n)))) {
      return List.of();
    }
    return Cidr.subtract(network, allowed);
  }

  private static Diagnostic warning(DiagnosticCode code, ClusterInputs inputs, FieldPath path, String message,
      String hint) {
    return Diagnostic.at(code, inputs.cluster().origin(), path).object(inputs.cluster().ref())
        .message(message).hint(hint).build();
  }

  /** "a", "a or b", "a, b or c". */
  private static String oneOf(List<Profile> profiles) {
    List<String> ids = profiles.stream().map(Profile::id).toList();
    return ids.size() <= 1 ? String.join("", ids)
        : String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
  }
}
