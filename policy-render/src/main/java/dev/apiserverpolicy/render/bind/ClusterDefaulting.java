package dev.apiserverpolicy.render.bind;

import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ClusterNetwork;
import dev.apiserverpolicy.model.ClusterSpec;
import dev.apiserverpolicy.model.ClusterTemplate;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.KubermaticConfiguration;
import dev.apiserverpolicy.model.Seed;
import dev.apiserverpolicy.render.ClusterInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Defaulting of a cluster being created (docs/spec.md section 6): fields the user left out are
 * taken from the seed's default ClusterTemplate (which must have label {@code scope: seed}),
 * then an absent {@code apiserverNetworkPolicy} gate and an absent {@code konnectivityEnabled}
 * become true, and a missing expose strategy comes from the seed, else the
 * KubermaticConfiguration, else NodePort (the rule existing clusters follow too). An explicit
 * {@code false} stays false (KKP's
 * merge would turn it back to true when the template says true); a present but empty list
 * of allowed ranges stays empty. Existing clusters are never defaulted.
 *
 * @since 0.1.0
 */
public final class ClusterDefaulting {
  private ClusterDefaulting() {}

  /** The defaulted cluster, or the seed's template errors if it cannot be defaulted. */
  public static Defaulted forCreation(Cluster cluster, Seed seed, List<ClusterTemplate> templates,
      Optional<KubermaticConfiguration> kkp) {
    List<Diagnostic> findings = new ArrayList<>(SeedValidator.validate(seed, templates));
    Optional<ClusterTemplate> template = seed.defaultClusterTemplate()
        .flatMap(name -> templates.stream().filter(t -> t.name().equals(name)).findFirst())
        .filter(t -> t.scope().filter(ClusterTemplate.SEED_SCOPE::equals).isPresent());
    boolean blocked = findings.stream().anyMatch(d -> d.severity() == dev.apiserverpolicy.model.Severity.ERROR);
    if (blocked) {
      return new Defaulted(cluster, findings);
    }
    ClusterSpec spec = template.map(t -> merge(cluster.spec(), t.spec())).orElse(cluster.spec());
    ClusterSpec.Builder b = ClusterSpec.builder().from(spec);
    if (spec.apiserverNetworkPolicyGate().isEmpty()) {
      b.putFeatures(ClusterSpec.APISERVER_NETWORK_POLICY, true);
    }
    if (spec.clusterNetwork().konnectivityEnabled().isEmpty()) {
      // KKP's create webhook (pkg/mutation/cluster/mutation.go 72-74): a new cluster runs Konnectivity.
      b.clusterNetwork(ClusterNetwork.builder().from(spec.clusterNetwork()).konnectivityEnabled(true).build());
    }
    b.exposeStrategy(ClusterInputs.exposeStrategyInForce(spec, seed, kkp));
    return new Defaulted(Cluster.builder().from(cluster).spec(b.build()).build(), findings);
  }

  /** The user's spec with every field it leaves out taken from the template's. */
  static ClusterSpec merge(ClusterSpec user, ClusterSpec template) {
    TreeMap<String, Boolean> features = new TreeMap<>(template.features());
    features.putAll(user.features());
    ClusterNetwork u = user.clusterNetwork();
    ClusterNetwork t = template.clusterNetwork();
    ClusterNetwork network = ClusterNetwork.builder()
        .konnectivityEnabled(u.konnectivityEnabled().or(t::konnectivityEnabled))
        .ipFamily(u.ipFamily().or(t::ipFamily))
        .podCidrs(u.podCidrs().isEmpty() ? t.podCidrs() : u.podCidrs())
        .serviceCidrs(u.serviceCidrs().isEmpty() ? t.serviceCidrs() : u.serviceCidrs())
        .tunnelingAgentIP(u.tunnelingAgentIP().or(t::tunnelingAgentIP))
        .build();
    return ClusterSpec.builder()
        .features(features)
        .exposeStrategy(user.exposeStrategy().or(template::exposeStrategy))
        .apiServerAllowedIPRanges(user.apiServerAllowedIPRanges().or(template::apiServerAllowedIPRanges))
        .clusterNetwork(network)
        .datacenter(user.datacenter().or(template::datacenter))
        .cloudProvider(user.cloudProvider().or(template::cloudProvider))
        .oidcIssuerURL(user.oidcIssuerURL().or(template::oidcIssuerURL))
        .authenticationConfiguration(user.authenticationConfiguration().or(template::authenticationConfiguration))
        .authorizationWebhook(user.authorizationWebhook() || template.authorizationWebhook())
        .kyvernoEnabled(user.kyvernoEnabled().or(template::kyvernoEnabled))
        .build();
  }

  /** A defaulted cluster and what was found on the way. */
  public record Defaulted(Cluster cluster, List<Diagnostic> diagnostics) {
    /** Defensive copy. */
    public Defaulted {
      diagnostics = List.copyOf(diagnostics);
    }
  }
}
