package dev.apiserverpolicy.render.lint;

import dev.apiserverpolicy.model.AuthorizationWebhook;
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
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.catalogue.EgressCatalogue;
import dev.apiserverpolicy.render.facts.ClusterFacts;
import dev.apiserverpolicy.render.facts.HttpUrls;
import dev.apiserverpolicy.render.facts.ProfileTraits;
import dev.apiserverpolicy.render.service.ServiceRenderer;
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
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The warnings and infos of docs/spec.md section 7: inputs that render, but probably not as
 * meant. Pure; each finding names the cluster, the field and what to do.
 *
 * @since 0.1.0
 */
public final class OperationalLints {
  /** CNIs known not to enforce NetworkPolicies. */
  static final Set<String> CNIS_WITHOUT_NETWORKPOLICY = Set.of("flannel", "kindnet", "none");
  /** Providers whose clusters usually get a load balancer that ignores source ranges. */
  static final Set<String> PROVIDERS_WITHOUT_SOURCE_RANGES =
      Set.of("bringyourown", "edge", "baremetal", "kubevirt", "vsphere");

  private static final FieldPath CIDR_BLOCKS = FieldPath.of("spec", "apiServerAllowedIPRanges", "cidrBlocks");
  private static final FieldPath ALLOWED_RANGES = FieldPath.of("spec", "apiServerAllowedIPRanges");

  /** When a lint applies: a condition on the cluster that each lint states for itself. */
  enum When {
    ALWAYS(f -> true),
    GATE_ON(f -> f.cluster().spec().apiserverNetworkPolicyGate().orElse(false)),
    LOAD_BALANCER(f -> f.strategy() == ExposeStrategy.LOAD_BALANCER),
    /** A LoadBalancer cluster whose front-loadbalancer has source ranges (else it is open anyway). */
    LOAD_BALANCER_WITH_ALLOW_LIST(f -> f.strategy() == ExposeStrategy.LOAD_BALANCER && !f.sourceRanges().isEmpty());

    private final Predicate<ClusterFacts> holds;

    When(Predicate<ClusterFacts> holds) {
      this.holds = holds;
    }
  }

  /**
   * One lint: the codes it may report, when it applies, and the check, which needs no other lint
   * to have run. Each finding names the object whose line it is at.
   */
  record Lint(Set<DiagnosticCode> codes, When when, Function<ClusterFacts, List<Diagnostic>> check) {
    List<Diagnostic> findings(ClusterFacts facts) {
      List<Diagnostic> found = when.holds.test(facts) ? check.apply(facts) : List.of();
      assert found.stream().allMatch(d -> codes.contains(d.code())) : "a lint reports a code it does not declare";
      return found;
    }
  }

  /** Every lint, in the order its findings are reported; adding one is one entry (and its case in the tests). */
  static final List<Lint> LINTS = List.of(
      new Lint(Set.of(DiagnosticCode.CNI_NO_NETWORKPOLICY), When.GATE_ON, OperationalLints::cniWithoutNetworkPolicy),
      new Lint(Set.of(DiagnosticCode.KYVERNO_RULE_MISSING), When.GATE_ON, OperationalLints::kyvernoRuleMissing),
      new Lint(Set.of(DiagnosticCode.KONNECTIVITY_DISABLED), When.ALWAYS, OperationalLints::konnectivity),
      new Lint(Set.of(DiagnosticCode.APISERVER_LOAD_BALANCER_UNRESTRICTED), When.ALWAYS,
          OperationalLints::apiserverLoadBalancer),
      new Lint(Set.of(DiagnosticCode.WEBHOOK_PORT_DIFFERS), When.GATE_ON, OperationalLints::webhookPort),
      new Lint(Set.of(DiagnosticCode.NAMESPACE_UNCONVENTIONAL), When.ALWAYS, OperationalLints::namespace),
      new Lint(Set.of(DiagnosticCode.SEED_DEFAULTS_NOT_APPLIED), When.LOAD_BALANCER,
          OperationalLints::seedDefaultsNotApplied),
      new Lint(Set.of(DiagnosticCode.OPEN_TO_EVERYONE), When.LOAD_BALANCER, OperationalLints::openToEveryone),
      new Lint(Set.of(DiagnosticCode.RANGE_DUPLICATE, DiagnosticCode.RANGE_NESTED), When.LOAD_BALANCER,
          f -> duplicatesAndNesting(f, f.cluster().spec().apiServerAllowedIPRanges().orElse(List.of()), CIDR_BLOCKS)),
      new Lint(Set.of(DiagnosticCode.RANGE_FAMILY_MISMATCH), When.LOAD_BALANCER, OperationalLints::families),
      new Lint(Set.of(DiagnosticCode.NODEPORT_BYPASS), When.LOAD_BALANCER_WITH_ALLOW_LIST,
          OperationalLints::nodePortBypass),
      new Lint(Set.of(DiagnosticCode.SOURCE_RANGES_UNSUPPORTED), When.LOAD_BALANCER_WITH_ALLOW_LIST,
          OperationalLints::sourceRangesUnsupported),
      new Lint(Set.of(DiagnosticCode.LOCKOUT), When.LOAD_BALANCER_WITH_ALLOW_LIST, OperationalLints::lockOut));

  private OperationalLints() {}

  /** Every lint finding for one cluster rendered with {@code profile}. */
  public static List<Diagnostic> lint(ClusterInputs inputs, Profile profile) {
    return lint(ClusterFacts.of(inputs, profile));
  }

  public static List<Diagnostic> lint(ClusterFacts facts) {
    List<Diagnostic> out = new ArrayList<>();
    LINTS.forEach(l -> out.addAll(l.findings(facts)));
    return out;
  }

  private static List<Diagnostic> cniWithoutNetworkPolicy(ClusterFacts f) {
    return f.context().flatMap(RenderContext::cni).map(c -> c.toLowerCase(Locale.ROOT))
        .filter(CNIS_WITHOUT_NETWORKPOLICY::contains)
        .map(cni -> List.of(onCluster(f, DiagnosticCode.CNI_NO_NETWORKPOLICY, FieldPath.of("spec", "features"),
            "the seed's CNI (" + cni + ") does not enforce NetworkPolicies: the rendered policies restrict nothing",
            "run a CNI that enforces NetworkPolicies (Cilium, Calico, Canal) on the seed")))
        .orElse(List.of());
  }

  private static List<Diagnostic> kyvernoRuleMissing(ClusterFacts f) {
    if (EgressCatalogue.offers(f.profile(), EgressCatalogue.KYVERNO_WEBHOOK) || !f.kyverno()) {
      return List.of();
    }
    return List.of(onCluster(f, DiagnosticCode.KYVERNO_RULE_MISSING, FieldPath.of("spec", "kyverno", "enabled"),
        "Kyverno is enabled, but profile " + f.profile().id() + " has no " + EgressCatalogue.KYVERNO_WEBHOOK
            + ": the apiserver cannot call its admission webhook",
        "use profile " + oneOf(EgressCatalogue.profilesOffering(EgressCatalogue.KYVERNO_WEBHOOK))));
  }

  private static List<Diagnostic> apiserverLoadBalancer(ClusterFacts f) {
    if (f.apiserverServiceType().filter(t -> t == ServiceType.LOAD_BALANCER).isEmpty()) {
      return List.of();
    }
    return List.of(onCluster(f, DiagnosticCode.APISERVER_LOAD_BALANCER_UNRESTRICTED, FieldPath.of("spec", "cloud",
        "dc"), "datacenter " + f.cluster().spec().datacenter().orElse("") + " makes apiserver-external a "
            + "LoadBalancer, and KKP gives it no source ranges: anyone who reaches its address reaches the API "
            + "server, whatever apiServerAllowedIPRanges says",
        "filter at a firewall in front of that load balancer, or unset the datacenter's apiServerServiceType"));
  }

  /** KKP writes TCP 443 into its own authorization-webhook-allow, whatever the URL says. */
  private static List<Diagnostic> webhookPort(ClusterFacts f) {
    Optional<String> url = f.webhook().map(AuthorizationWebhook::url);
    if (!f.kkpForm() || !EgressCatalogue.offers(f.profile(), EgressCatalogue.AUTHORIZATION_WEBHOOK)
        || !f.webhookConfigured() || url.isEmpty() || HttpUrls.problem(url.get()).isPresent()
        || HttpUrls.port(url.get()) == 443) {
      return List.of();
    }
    return List.of(onCluster(f, DiagnosticCode.WEBHOOK_PORT_DIFFERS, FieldPath.of("spec", "authorizationConfig"),
        "authorization-webhook-allow allows TCP " + HttpUrls.port(url.get()) + ", the port of " + url.get()
            + "; KKP v2.31 allows only TCP 443 there, which would block this webhook",
        "nothing to do; where KKP also reconciles this policy, it will write 443 (see docs/kkp.md)"));
  }

  private static List<Diagnostic> namespace(ClusterFacts f) {
    if (f.namespace().startsWith("cluster-")) {
      return List.of();
    }
    return List.of(onCluster(f, DiagnosticCode.NAMESPACE_UNCONVENTIONAL, FieldPath.of("status", "namespaceName"),
        "namespace '" + f.namespace() + "' is not of the form cluster-<name> that KKP gives every cluster; the "
            + "policies go there",
        "check status.namespaceName against the cluster's real namespace (kubectl get cluster " + f.name()
            + " -o jsonpath='{.status.namespaceName}')"));
  }

  private static List<Diagnostic> seedDefaultsNotApplied(ClusterFacts f) {
    if (f.cluster().spec().apiServerAllowedIPRanges().isPresent()
        || f.inputs().seed().defaultAPIServerAllowedIPRanges().isEmpty()) {
      return List.of();
    }
    return List.of(onCluster(f, DiagnosticCode.SEED_DEFAULTS_NOT_APPLIED, FieldPath.of("spec"),
        "the seed's defaultAPIServerAllowedIPRanges are not applied: KKP appends them only to clusters that have "
            + "spec.apiServerAllowedIPRanges, and this one has no such field"
            + (f.sourceRanges().isEmpty() ? ", so anyone may reach its API server" : ""),
        "add spec.apiServerAllowedIPRanges (even {cidrBlocks: []}) to apply the seed's defaults"));
  }

  private static List<Diagnostic> nodePortBypass(ClusterFacts f) {
    return List.of(onCluster(f, DiagnosticCode.NODEPORT_BYPASS, ALLOWED_RANGES,
        "under LoadBalancer, apiserver-external is still a NodePort on every seed node, and the allow-list does not "
            + "cover that path: anyone who reaches a seed node reaches the API server",
        "block the NodePort range on the seed nodes (cloud firewall or security group) for all but the allowed "
            + "ranges"));
  }

  private static List<Diagnostic> sourceRangesUnsupported(ClusterFacts f) {
    String provider = f.cluster().spec().cloudProvider().orElse("");
    boolean classicElb = !provider.equals("aws") && f.inputs().seed().loadBalancerServiceAnnotations()
        .getOrDefault(ServiceRenderer.AWS_LB_TYPE, "nlb").matches("(?i)elb|classic");
    if (!PROVIDERS_WITHOUT_SOURCE_RANGES.contains(provider) && !classicElb) {
      return List.of();
    }
    return List.of(onCluster(f, DiagnosticCode.SOURCE_RANGES_UNSUPPORTED, ALLOWED_RANGES,
        (classicElb ? "the seed asks for an AWS classic ELB, which ignores loadBalancerSourceRanges"
            : "provider " + provider + " usually has no cloud load balancer that honours loadBalancerSourceRanges")
            + "; the allow-list may not be enforced",
        "check that your load balancer enforces loadBalancerSourceRanges, or filter at a firewall in front of it"));
  }

  /**
   * Konnectivity off: explicitly (KKP v2.31's validation refuses it, {@code pkg/validation/cluster.go}
   * 499-503), or by an absent field, which KKP's controller reads as off and its installer refuses
   * to upgrade past ({@code pkg/install/stack/common/validation.go} 111-112).
   */
  private static List<Diagnostic> konnectivity(ClusterFacts f) {
    Optional<Boolean> enabled = f.cluster().spec().clusterNetwork().konnectivityEnabled();
    FieldPath path = FieldPath.of("spec", "clusterNetwork", "konnectivityEnabled");
    if (enabled.isEmpty()) {
      return List.of(onCluster(f, DiagnosticCode.KONNECTIVITY_DISABLED, path,
          "konnectivityEnabled is absent, which KKP's controller reads as off: rendered with the OpenVPN policies "
              + "(openvpn-server-allow, metrics-server-allow) and no konnectivity-server; KKP v2.31's installer "
              + "refuses to upgrade while it exists (\"has not been migrated to Konnectivity yet, which is mandatory "
              + "for this KKP version\")",
          "set spec.clusterNetwork.konnectivityEnabled: true, as KKP's webhook does for a new cluster, once the "
              + "cluster runs Konnectivity"));
    }
    if (f.has(ProfileTraits.Trait.KONNECTIVITY_REQUIRED) && !enabled.get()) {
      return List.of(onCluster(f, DiagnosticCode.KONNECTIVITY_DISABLED, path,
          "KKP v2.31 refuses this cluster (spec.networkConfig.konnectivityEnabled: Invalid value: false: Konnectivity "
              + "can no longer be disabled); the OpenVPN policies rendered for it are for older KKP",
          "remove konnectivityEnabled: false, or render with profile kkp-v2.18 for a KKP that still had OpenVPN"));
    }
    return List.of();
  }

  /**
   * A range of the rendered list that allows a whole family, wherever it came from: the cluster's own ranges,
   * the seed's defaults (appended when the cluster has the field) or the nodeport-proxy's source ranges, each
   * at the line of the object that lists it.
   */
  private static List<Diagnostic> openToEveryone(ClusterFacts f) {
    Cluster cluster = f.cluster();
    Seed seed = f.inputs().seed();
    List<Diagnostic> out = new ArrayList<>();
    everything(f, cluster.origin(), CIDR_BLOCKS, cluster.spec().apiServerAllowedIPRanges().orElse(List.of()), "",
        out);
    if (cluster.spec().apiServerAllowedIPRanges().isPresent()) {
      everything(f, seed.origin(), FieldPath.of("spec", "defaultAPIServerAllowedIPRanges"),
          seed.defaultAPIServerAllowedIPRanges(), " (Seed " + seed.name() + "'s defaults, appended to this "
              + "cluster's ranges)", out);
    }
    everything(f, seed.origin(), FieldPath.of("spec", "nodeportProxy", "envoy", "loadBalancerService",
        "sourceRanges"), seed.nodeportProxySourceRanges(), " (Seed " + seed.name() + "'s nodeport-proxy source "
            + "ranges, added to every cluster's)", out);
    return out;
  }

  private static void everything(ClusterFacts f, Origin origin, FieldPath path, List<Cidr> ranges,
      String from, List<Diagnostic> out) {
    for (int i = 0; i < ranges.size(); i++) {
      Cidr r = ranges.get(i);
      if (r.isEverything()) {
        out.add(Diagnostic.at(DiagnosticCode.OPEN_TO_EVERYONE, origin, path.index(i))
            .object(f.cluster().ref())
            .message(r + from + " allows every " + (r.family() == Cidr.Family.IPV4 ? "IPv4" : "IPv6")
                + " address into front-loadbalancer: the allow-list restricts nothing for that family")
            .hint("list the networks that need the API server instead").build());
      }
    }
  }

  /** The rendered list against the cluster's IP family. */
  private static List<Diagnostic> families(ClusterFacts f) {
    List<Cidr> ranges = f.sourceRanges();
    IpFamily family = f.cluster().spec().clusterNetwork().ipFamily().orElse(IpFamily.IPV4);
    if (family == IpFamily.IPV4) {
      List<Cidr> v6 = ranges.stream().filter(c -> c.family() == Cidr.Family.IPV6).toList();
      return v6.isEmpty() ? List.of() : List.of(onCluster(f, DiagnosticCode.RANGE_FAMILY_MISMATCH, CIDR_BLOCKS,
          "IPv6 ranges on an IPv4-only cluster: " + listed(v6) + "; front-loadbalancer has no IPv6 address to filter",
          "remove them, or make the cluster dual-stack (ipFamily: IPv4+IPv6)"));
    }
    if (ranges.isEmpty() || ranges.stream().anyMatch(c -> c.family() == Cidr.Family.IPV6)) {
      return List.of();
    }
    return List.of(onCluster(f, DiagnosticCode.RANGE_FAMILY_MISMATCH, CIDR_BLOCKS,
        "a dual-stack cluster with IPv4 ranges only: IPv6 clients are refused",
        "add the IPv6 networks that must reach the API server"));
  }

  /**
   * Duplicates and ranges inside others, in one sweep over the ranges in address order: CIDR
   * ranges are either nested or disjoint, so the ranges that contain the current one are
   * exactly a stack. O(n log n), where comparing every pair took minutes for a few thousand.
   * Each range gets at most one finding: a duplicate names its first occurrence; a nested
   * range names the outermost listed range around it.
   */
  static List<Diagnostic> duplicatesAndNesting(ClusterFacts f, List<Cidr> ranges, FieldPath path) {
    List<Diagnostic> out = new ArrayList<>();
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
        found.add(onCluster(f, DiagnosticCode.RANGE_DUPLICATE, path.index(i),
            r + " is listed twice (also at index " + around.peek() + ")", "remove one of them"));
        continue;
      }
      if (!around.isEmpty()) {
        int outer = around.peekLast();
        foundAt[found.size()] = i;
        found.add(onCluster(f, DiagnosticCode.RANGE_NESTED, path.index(i),
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
    return out;
  }

  /** A declared client network with addresses the allowed ranges do not cover. */
  private static List<Diagnostic> lockOut(ClusterFacts f) {
    List<Cidr> allowed = f.sourceRanges();
    List<Diagnostic> out = new ArrayList<>();
    ClientNetworks nets = f.context().map(RenderContext::clientNetworks).orElse(ClientNetworks.empty());
    Map<String, List<Cidr>> declared = new LinkedHashMap<>();
    declared.put("userClusterWorkers", nets.userClusterWorkers());
    declared.put("kkpMasterNodes", nets.kkpMasterNodes());
    declared.put("seedNodes", nets.seedNodes());
    declared.put("seedPods", nets.seedPods());
    for (Map.Entry<String, List<Cidr>> e : declared.entrySet()) {
      List<Cidr> uncovered = uncovered(e.getValue(), allowed);
      if (!uncovered.isEmpty()) {
        String list = listed(uncovered);
        out.add(onCluster(f, DiagnosticCode.LOCKOUT, ALLOWED_RANGES,
            "client network " + e.getKey() + " cannot reach the API server: " + list + " not covered by the allowed "
                + "ranges", "add " + list + " to spec.apiServerAllowedIPRanges (or to the seed's "
                + "defaultAPIServerAllowedIPRanges)"));
      }
    }
    return out;
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

  /** A finding at a field of the cluster. */
  private static Diagnostic onCluster(ClusterFacts f, DiagnosticCode code, FieldPath path, String message,
      String hint) {
    return Diagnostic.at(code, f.cluster().origin(), path).object(f.cluster().ref()).message(message).hint(hint)
        .build();
  }

  /** "a", "a or b", "a, b or c". */
  private static String oneOf(List<Profile> profiles) {
    List<String> ids = profiles.stream().map(Profile::id).toList();
    return ids.size() <= 1 ? String.join("", ids)
        : String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
  }
}
