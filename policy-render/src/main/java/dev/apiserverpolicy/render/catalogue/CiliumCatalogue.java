package dev.apiserverpolicy.render.catalogue;

import dev.apiserverpolicy.model.ClusterDns;
import dev.apiserverpolicy.model.ExtraEgressRule;
import dev.apiserverpolicy.model.NetworkPolicyPort;
import dev.apiserverpolicy.model.Protocol;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.manifest.CiliumEgressRule;
import dev.apiserverpolicy.model.manifest.CiliumNetworkPolicy;
import dev.apiserverpolicy.render.facts.ClusterFacts;
import dev.apiserverpolicy.render.facts.HttpUrls;
import dev.apiserverpolicy.render.facts.OidcIssuers;
import dev.apiserverpolicy.render.facts.ProfileTraits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The Cilium flavour's targets, as data (docs/spec.md section 4.1): what the apiserver pods
 * reach by name ({@code toFQDNs}) or as an entity ({@code toEntities}) instead of by address,
 * one CiliumNetworkPolicy each, named after the NetworkPolicy it stands in for. Everything else
 * stays the profile's NetworkPolicies, the default deny included (Cilium enforces both kinds and
 * allows what either allows). Off, nothing here applies.
 *
 * @since 0.1.0
 */
public final class CiliumCatalogue {
  /** Cilium's name for the API server, however it is addressed. */
  static final String KUBE_APISERVER_ENTITY = "kube-apiserver";
  /** The label by which Cilium selects a namespace in {@code toEndpoints}. */
  static final String NAMESPACE_LABEL = "k8s:io.kubernetes.pod.namespace";

  /** One CiliumNetworkPolicy the flavour may render for a cluster. */
  record CiliumTarget(String policyName, Predicate<ClusterFacts> when, Function<ClusterFacts, String> description,
      Function<ClusterFacts, List<CiliumEgressRule>> rules) {}

  static final List<CiliumTarget> TARGETS = List.of(
      // Cilium learns a name's addresses only from DNS answers its proxy sees: every DNS query of the
      // apiserver pods goes through it. Port 53 to these servers only; the NetworkPolicy dns-allow stays.
      new CiliumTarget(EgressCatalogue.DNS_POLICY, ClusterFacts::fqdnEgress,
          f -> "Sends the kube-apiserver pods' DNS queries to this cluster's dns-resolver"
              + (f.clusterDns().isPresent() ? " and the seed's cluster DNS" : "") + " through Cilium's DNS proxy "
              + "(port 53), so that names the other Cilium policies allow resolve to addresses they allow.",
          CiliumCatalogue::dnsRules),
      new CiliumTarget(EgressCatalogue.OIDC_ISSUER, f -> f.oidcIssuers().stream().anyMatch(OidcIssuers.Issuer::byName),
          f -> "Allows the kube-apiserver pods to reach the OIDC issuer" + (byName(f).size() == 1 ? " " : "s ")
              + String.join(", ", byName(f).stream().map(OidcIssuers.Issuer::url).toList())
              + " by name, at whatever addresses DNS gives, for the signing keys.",
          CiliumCatalogue::issuerRules),
      new CiliumTarget(EgressCatalogue.AUTHORIZATION_WEBHOOK, ClusterFacts::webhookByName,
          f -> "Allows the kube-apiserver pods to call the cluster's authorization webhook "
              + f.webhook().orElseThrow().url() + " by name, at whatever addresses DNS gives.",
          f -> List.of(CiliumEgressRule.builder().addToFqdnNames(webhookHost(f))
              .addPorts(tcp(HttpUrls.port(f.webhook().orElseThrow().url()))).build())),
      new CiliumTarget(EgressCatalogue.SEED_APISERVER, ClusterFacts::seedApiServerEntity,
          f -> "Allows the kube-apiserver pods to reach the seed's own API server, as Cilium's kube-apiserver "
              + "entity (however it is addressed), which the etcd-launcher init container asks for the Cluster "
              + "object.",
          f -> List.of(CiliumEgressRule.builder().addToEntities(KUBE_APISERVER_ENTITY)
              .addAllPorts(f.has(ProfileTraits.Trait.EXPLICIT_PORTS) ? List.of(tcp(f.seedAPIServerPort()))
                  : List.of())
              .build())));

  /** Every policy name the flavour may render, extraEgress names aside. */
  public static final List<String> POLICY_NAMES = TARGETS.stream().map(CiliumTarget::policyName).toList();

  private CiliumCatalogue() {}

  /** The cluster's CiliumNetworkPolicies, by name; none without the flavour or the gate. */
  public static List<CiliumNetworkPolicy> render(ClusterFacts facts) {
    if (!facts.cluster().spec().apiserverNetworkPolicyGate().orElse(false)) {
      return List.of();
    }
    List<CiliumNetworkPolicy> policies = new ArrayList<>();
    for (CiliumTarget target : TARGETS) {
      // A Cilium policy stands in for the profile's NetworkPolicy of its name: only where the profile has one.
      if (EgressCatalogue.offers(facts.profile(), target.policyName()) && target.when().test(facts)) {
        policies.add(policy(facts, target.policyName(), target.description().apply(facts),
            target.rules().apply(facts)));
      }
    }
    if (facts.fqdnEgress()) {
      for (ExtraEgressRule extra : facts.context().map(RenderContext::extraEgress).orElse(List.of())) {
        if (!extra.hosts().isEmpty()) {
          policies.add(policy(facts, extra.name(), extra.description(), List.of(extraRule(extra))));
        }
      }
    }
    policies.sort(Comparator.comparing(p -> p.metadata().name()));
    return List.copyOf(policies);
  }

  private static CiliumNetworkPolicy policy(ClusterFacts facts, String name, String description,
      List<CiliumEgressRule> egress) {
    return CiliumNetworkPolicy.builder()
        .metadata(PolicyRenderer.metadata(facts, name, description))
        .putEndpointSelector("app", "apiserver")
        .addAllEgress(egress)
        .build();
  }

  private static List<CiliumEgressRule> dnsRules(ClusterFacts f) {
    CiliumEgressRule.Builder b = CiliumEgressRule.builder()
        .addToEndpoints(new TreeMap<>(Map.of("app", "dns-resolver", "cluster", f.name())));
    f.clusterDns().ifPresent((ClusterDns dns) -> {
      TreeMap<String, String> labels = new TreeMap<>(dns.podLabels());
      labels.put(NAMESPACE_LABEL, dns.namespace());
      b.addToEndpoints(labels);
    });
    return List.of(b.addPorts(EgressCatalogue.port(Protocol.TCP, 53), EgressCatalogue.port(Protocol.UDP, 53))
        .dnsProxy(true).build());
  }

  private static List<OidcIssuers.Issuer> byName(ClusterFacts f) {
    return f.oidcIssuers().stream().filter(OidcIssuers.Issuer::byName).toList();
  }

  /** One rule per issuer port: the names served there, on that port. */
  private static List<CiliumEgressRule> issuerRules(ClusterFacts f) {
    Map<Integer, TreeSet<String>> byPort = new TreeMap<>();
    byName(f).forEach(i -> byPort.computeIfAbsent(i.port(), p -> new TreeSet<>()).add(i.host()));
    List<CiliumEgressRule> rules = new ArrayList<>();
    byPort.forEach((p, hosts) -> rules.add(CiliumEgressRule.builder().addAllToFqdnNames(hosts).addPorts(tcp(p))
        .build()));
    return rules;
  }

  private static String webhookHost(ClusterFacts f) {
    return HttpUrls.host(f.webhook().orElseThrow().url()).orElseThrow();
  }

  private static CiliumEgressRule extraRule(ExtraEgressRule extra) {
    CiliumEgressRule.Builder b = CiliumEgressRule.builder();
    new TreeSet<>(extra.hosts()).forEach(h -> {
      if (h.startsWith("*")) {
        b.addToFqdnPatterns(h);
      } else {
        b.addToFqdnNames(h);
      }
    });
    List<NetworkPolicyPort> ports = new ArrayList<>(extra.ports());
    ports.sort(EgressCatalogue.PORT_ORDER);
    return b.addAllPorts(ports).build();
  }

  private static NetworkPolicyPort tcp(int number) {
    return EgressCatalogue.port(Protocol.TCP, number);
  }
}
