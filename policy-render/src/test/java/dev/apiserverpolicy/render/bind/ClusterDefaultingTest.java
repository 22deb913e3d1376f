package dev.apiserverpolicy.render.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ClusterSpec;
import dev.apiserverpolicy.model.ClusterTemplate;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.model.KubermaticConfiguration;
import dev.apiserverpolicy.model.Seed;
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.ValueSamples;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The gate's truth table and the other defaulting rules of docs/spec.md section 6. */
class ClusterDefaultingTest {
  private static final Optional<KubermaticConfiguration> NO_KKP = Optional.empty();
  private static final Seed SEED = Seed.builder().name("s").addDatacenters("dc-1")
      .defaultClusterTemplate("defaults").build();

  private static ClusterTemplate template(Optional<Boolean> gate) {
    ClusterSpec.Builder spec = ClusterSpec.builder();
    gate.ifPresent(g -> spec.putFeatures(ClusterSpec.APISERVER_NETWORK_POLICY, g));
    return ClusterTemplate.builder().name("defaults").putLabels("scope", "seed").spec(spec.build()).build();
  }

  private static Cluster cluster(Optional<Boolean> gate) {
    ClusterSpec.Builder spec = ClusterSpec.builder();
    gate.ifPresent(g -> spec.putFeatures(ClusterSpec.APISERVER_NETWORK_POLICY, g));
    return Cluster.builder().name("c").spec(spec.build()).build();
  }

  private static final Optional<Boolean> ABSENT = Optional.empty();
  private static final Optional<Boolean> TRUE = Optional.of(true);
  private static final Optional<Boolean> FALSE = Optional.of(false);

  /** user gate, template gate, new cluster?, resulting gate (absent means no policies). */
  static Stream<Arguments> truthTable() {
    return Stream.of(
        Arguments.of(ABSENT, ABSENT, true, TRUE),
        Arguments.of(ABSENT, TRUE, true, TRUE),
        Arguments.of(ABSENT, FALSE, true, FALSE),   // the documented way to disable for new clusters
        Arguments.of(TRUE, ABSENT, true, TRUE),
        Arguments.of(TRUE, TRUE, true, TRUE),
        Arguments.of(TRUE, FALSE, true, TRUE),
        Arguments.of(FALSE, ABSENT, true, FALSE),
        Arguments.of(FALSE, TRUE, true, FALSE),     // KKP's merge would give true; an explicit false stays
        Arguments.of(FALSE, FALSE, true, FALSE),
        Arguments.of(ABSENT, ABSENT, false, ABSENT), // existing clusters are never defaulted
        Arguments.of(ABSENT, TRUE, false, ABSENT),
        Arguments.of(ABSENT, FALSE, false, ABSENT),
        Arguments.of(TRUE, ABSENT, false, TRUE),
        Arguments.of(TRUE, TRUE, false, TRUE),
        Arguments.of(TRUE, FALSE, false, TRUE),
        Arguments.of(FALSE, ABSENT, false, FALSE),
        Arguments.of(FALSE, TRUE, false, FALSE),
        Arguments.of(FALSE, FALSE, false, FALSE));
  }

  @ParameterizedTest(name = "user={0} template={1} new={2} -> {3}")
  @MethodSource("truthTable")
  void gateTruthTable(Optional<Boolean> user, Optional<Boolean> tmpl, boolean isNew, Optional<Boolean> expected) {
    Cluster c = cluster(user);
    Cluster result = isNew ? ClusterDefaulting.forCreation(c, SEED, List.of(template(tmpl)), NO_KKP).cluster() : c;
    assertEquals(expected, result.spec().apiserverNetworkPolicyGate());
  }

  @Test
  void truthTableHasEighteenRows() {
    assertEquals(18, truthTable().count());
  }

  @Test
  void strategyComesFromTemplateThenSeedThenNodePort() {
    ClusterTemplate lb = ClusterTemplate.builder().from(template(Optional.empty()))
        .spec(ClusterSpec.builder().exposeStrategy(ExposeStrategy.LOAD_BALANCER).build()).build();
    assertEquals(Optional.of(ExposeStrategy.LOAD_BALANCER),
        ClusterDefaulting.forCreation(cluster(Optional.empty()), SEED, List.of(lb), NO_KKP).cluster().spec()
            .exposeStrategy());
    Seed tunneling = Seed.builder().from(SEED).exposeStrategy(ExposeStrategy.TUNNELING).build();
    assertEquals(Optional.of(ExposeStrategy.TUNNELING), ClusterDefaulting.forCreation(cluster(Optional.empty()),
        tunneling, List.of(template(Optional.empty())), NO_KKP).cluster().spec().exposeStrategy());
    assertEquals(Optional.of(ExposeStrategy.NODE_PORT), ClusterDefaulting.forCreation(cluster(Optional.empty()),
        Seed.builder().name("s").build(), List.of(), NO_KKP).cluster().spec().exposeStrategy());
  }

  /**
   * Issue 25, item 4: KKP's chain, as for an existing cluster: the KubermaticConfiguration's strategy
   * defaults the seed's (pkg/defaulting/seed.go line 54), which defaults the cluster's (cluster.go line 94).
   */
  @Test
  void aNewClusterTakesTheConfigurationsStrategyWhenTheSeedHasNone() {
    Optional<KubermaticConfiguration> kkp = Optional.of(KubermaticConfiguration.builder().name("kubermatic")
        .exposeStrategy(ExposeStrategy.LOAD_BALANCER).build());
    Seed plain = Seed.builder().name("s").build();
    Cluster created = ClusterDefaulting.forCreation(cluster(Optional.empty()), plain, List.of(), kkp).cluster();
    assertEquals(Optional.of(ExposeStrategy.LOAD_BALANCER), created.spec().exposeStrategy());
    assertEquals(ClusterInputs.builder().cluster(cluster(Optional.empty())).seed(plain).kubermaticConfiguration(kkp)
        .build().effectiveExposeStrategy(), created.spec().exposeStrategy().get(), "one rule for both paths");
    Seed tunneling = Seed.builder().from(plain).exposeStrategy(ExposeStrategy.TUNNELING).build();
    assertEquals(Optional.of(ExposeStrategy.TUNNELING), ClusterDefaulting.forCreation(cluster(Optional.empty()),
        tunneling, List.of(), kkp).cluster().spec().exposeStrategy(), "the seed's wins over the configuration's");
    assertEquals(Optional.of(true), created.spec().clusterNetwork().konnectivityEnabled(),
        "KKP's create webhook turns Konnectivity on (pkg/mutation/cluster/mutation.go 72-74)");
  }

  @Test
  void presentButEmptyRangesStayEmpty() {
    ClusterTemplate ranges = ClusterTemplate.builder().from(template(Optional.empty()))
        .spec(ClusterSpec.builder().apiServerAllowedIPRanges(List.of(Cidr.parse("10.0.0.0/8"))).build()).build();
    Cluster empty = Cluster.builder().name("c")
        .spec(ClusterSpec.builder().apiServerAllowedIPRanges(List.of()).build()).build();
    assertEquals(Optional.of(List.of()),
        ClusterDefaulting.forCreation(empty, SEED, List.of(ranges), NO_KKP).cluster().spec()
            .apiServerAllowedIPRanges());
    assertEquals(Optional.of(List.of(Cidr.parse("10.0.0.0/8"))), ClusterDefaulting.forCreation(
        cluster(Optional.empty()), SEED, List.of(ranges), NO_KKP).cluster().spec().apiServerAllowedIPRanges());
  }

  @Test
  void templateWithoutSeedScopeBlocksDefaulting() {
    ClusterTemplate project = ClusterTemplate.builder().name("defaults").putLabels("scope", "project").build();
    ClusterDefaulting.Defaulted d = ClusterDefaulting.forCreation(cluster(Optional.empty()), SEED, List.of(project),
        NO_KKP);
    assertEquals(DiagnosticCode.DEFAULT_TEMPLATE_SCOPE, d.diagnostics().get(0).code());
    assertEquals(Optional.empty(), d.cluster().spec().apiserverNetworkPolicyGate(), "left as it was");
  }

  /**
   * Every field of a Cluster's spec (and of its clusterNetwork) is merged: taken from the template
   * when the user leaves it out, kept when the user sets it. The samples are built by reflection,
   * so a field added to ClusterSpec and forgotten in merge fails here.
   */
  @Test
  void mergeCoversEveryFieldOfTheSpec() {
    ClusterSpec template = ValueSamples.sample(ClusterSpec.class, 0);
    ClusterSpec user = ValueSamples.sample(ClusterSpec.class, 1);
    ClusterSpec none = ClusterSpec.builder().build();
    assertNotEquals(none, template);
    assertNotEquals(template.clusterNetwork(), user.clusterNetwork());
    assertEquals(template, ClusterDefaulting.merge(none, template), "everything the user leaves out");
    assertEquals(user, ClusterDefaulting.merge(user, template), "everything the user sets");
  }
}
