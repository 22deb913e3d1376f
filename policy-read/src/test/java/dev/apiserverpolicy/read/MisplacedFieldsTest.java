package dev.apiserverpolicy.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.Severity;
import dev.apiserverpolicy.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 22: a near miss of a field that changes the output is an error, and no real KKP field is one. */
class MisplacedFieldsTest {
  private static final String CLUSTER = """
      apiVersion: kubermatic.k8c.io/v1
      kind: Cluster
      metadata: {name: c1}
      spec:
        cloud: {dc: dc-1}
        exposeStrategy: LoadBalancer
        features: {apiserverNetworkPolicy: true}
        apiServerAllowedIPRanges: {cidrBlocks: [203.0.113.0/24]}
      """;

  private static List<Diagnostic> unknown(String text) {
    Inputs r = ManifestReader.create().read("in.yaml", text);
    return r.diagnostics().stream().filter(d -> d.code() == DiagnosticCode.FIELD_UNKNOWN).toList();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "apiServerAllowedIPRanges: {|apiServerAllowedIpRanges: {|spec.apiServerAllowedIpRanges|8|"
          + "spec.apiServerAllowedIPRanges",
      "{cidrBlocks: [203.0.113.0/24]}|{}\\n  cidrBlocks: [203.0.113.0/24]|spec.cidrBlocks|9|"
          + "spec.apiServerAllowedIPRanges.cidrBlocks",
      "{apiserverNetworkPolicy: true}|{apiServerNetworkPolicy: true}|spec.features.apiServerNetworkPolicy|7|"
          + "spec.features.apiserverNetworkPolicy",
      "metadata: {name: c1}|metadata: {name: c1}\\nfeatures: {apiserverNetworkPolicy: true}|features|4|spec.features",
      "cloud: {dc: dc-1}|cloud: {dC: dc-1}|spec.cloud.dC|5|spec.cloud.dc",
      "exposeStrategy:|exposestrategy:|spec.exposestrategy|6|spec.exposeStrategy"})
  void aNearMissOfAFieldThatChangesTheOutputIsAnErrorAtItsLine(String from, String to, String path, int line,
      String meant) {
    String text = CLUSTER.replace(from, to.replace("\\n", "\n"));
    List<Diagnostic> found = unknown(text).stream().filter(d -> d.path().equals(path)).toList();
    assertEquals(1, found.size(), () -> text + "\n" + unknown(text));
    assertEquals(Severity.ERROR, found.get(0).severity());
    assertEquals(line, found.get(0).line());
    assertTrue(found.get(0).hint().endsWith("(" + meant + ")?"), found.get(0).hint());
    assertEquals(Optional.of("Cluster/c1"), found.get(0).object(), "an error of the object: it is not rendered");
  }

  @Test
  void theSeedAndTheConfigurationAreHeldToTheSameRule() {
    String seed = "apiVersion: kubermatic.k8c.io/v1\nkind: Seed\nmetadata: {name: s}\nspec:\n"
        + "  defaultAPIServerAllowedIpRanges: [10.0.0.0/8]\n"
        + "  nodeportProxy: {envoy: {loadBalancerService: {sourceRange: [10.0.0.0/8]}}}\n";
    assertEquals(List.of("spec.defaultAPIServerAllowedIpRanges", "spec.nodeportProxy.envoy.loadBalancerService"
        + ".sourceRange"), unknown(seed).stream().map(Diagnostic::path).toList());
    String config = "apiVersion: kubermatic.k8c.io/v1\nkind: KubermaticConfiguration\nmetadata: {name: k}\n"
        + "spec:\n  featureGates: {OpenIdAuthPlugin: true}\n  auth: {}\n  tokenIssuer: https://x.example.com\n";
    assertEquals(List.of("spec.featureGates.OpenIdAuthPlugin", "spec.tokenIssuer"),
        unknown(config).stream().map(Diagnostic::path).toList());
  }

  @Test
  void fieldsThisToolDoesNotReadAndFreeKeysStaySilent() {
    String text = CLUSTER.replace("metadata: {name: c1}", "metadata: {name: c1, labels: {apiServerAllowedIpRanges: x}, "
        + "managedFields: [{manager: kubectl}]}")
        + "  version: 1.31.1\n  cniPlugin: {type: cilium}\n  clusterNetwork: {proxyMode: ipvs, dnsDomain: x}\n";
    assertEquals(List.of(), unknown(text));
  }

  /** KKP's own objects (the reference Seed and KubermaticConfiguration, every field set; a Cluster) read clean. */
  @Test
  void kkpsOwnObjectsHaveNoUnknownField() throws IOException {
    int objects = 0;
    for (String name : List.of("cluster-aws.yaml", "zz_generated.seed.ce.yaml",
        "zz_generated.kubermaticConfiguration.ce.yaml")) {
      byte[] bytes = name.contains(".seed.") ? KkpFixturesReadTest.referenceSeedNamed("example-seed")
          : Files.readAllBytes(TestData.fixture(name));
      Inputs r = ManifestReader.create().read(name, bytes);
      assertEquals(List.of(), r.diagnostics().stream().filter(d -> d.code() == DiagnosticCode.FIELD_UNKNOWN)
          .toList(), name);
      objects += r.clusters().size() + r.seeds().size() + r.kubermaticConfigurations().size();
    }
    assertEquals(3, objects);
  }

  /** Any other field KKP's schema lacks is a warning, with the closest name KKP has there. */
  @Test
  void anyOtherUnknownFieldIsAWarningWithTheClosestKnownName() {
    List<Diagnostic> found = unknown(CLUSTER + "  verison: 1.31.1\n  cniPlugin: {typ: cilium}\n");
    assertEquals(List.of("warning spec.verison: did you mean 'version'?", "warning spec.cniPlugin.typ: did you mean "
        + "'type'?"), found.stream().map(d -> d.severity().label() + " " + d.path() + ": " + d.hint()).toList());
  }

  /** As an attacker would: 50,000 unknown fields in one object cost linear time, one warning each, no error. */
  @Test
  void fiftyThousandUnknownFieldsAreReadInLinearTime() {
    StringBuilder text = new StringBuilder(CLUSTER);
    for (int i = 0; i < 50_000; i++) {
      text.append("  x").append(i).append(": 1\n");
    }
    text.append("  \"a;$(reboot)\": 1\n");
    Inputs r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
        () -> ManifestReader.create().read("in.yaml", text.toString()));
    assertEquals(50_001, r.diagnostics().stream().filter(d -> d.code() == DiagnosticCode.FIELD_UNKNOWN
        && d.severity() == Severity.WARNING).count());
    assertEquals(1, r.clusters().size(), "warnings do not stop the cluster");
    assertTrue(r.diagnostics().stream().anyMatch(d -> d.path().startsWith("spec") && d.path().contains("a;$(reboot)")));
  }

  /** Every property of KKP v2.31.0's schemas, wherever this tool looks: none is taken for a near miss. */
  @Test
  void noFieldOfKkpsOwnSchemasIsANearMiss() throws IOException {
    Map<String, String> files = Map.of("Cluster", "kubermatic.k8c.io_clusters.yaml",
        "ClusterTemplate", "kubermatic.k8c.io_clustertemplates.yaml", "Seed", "kubermatic.k8c.io_seeds.yaml",
        "KubermaticConfiguration", "kubermatic.k8c.io_kubermaticconfigurations.yaml");
    List<String> nearMisses = new ArrayList<>();
    int walked = 0;
    for (Map.Entry<String, String> kind : files.entrySet()) {
      Path file = ProjectFiles.testdata("kkp-crds").resolve("v2.31.0").resolve(kind.getValue());
      YamlNode schema = openApiSchema(Files.readString(file));
      Set<String> known = MisplacedFields.FIELDS.get(kind.getKey());
      walked += walk(schema, "", known, kind.getKey(), nearMisses);
    }
    assertEquals(List.of(), nearMisses);
    assertTrue(walked > 100, "the walk reached the schemas' fields: " + walked);
  }

  private static int walk(YamlNode schema, String pattern, Set<String> known, String kind, List<String> out) {
    int count = 0;
    Optional<YamlNode> properties = get(schema, "properties");
    if (properties.isPresent() && properties.get() instanceof YamlNode.Mapping props) {
      for (YamlNode.Entry e : props.entries()) {
        String name = ((YamlNode.Scalar) e.key()).value();
        String child = pattern.isEmpty() ? name : pattern + "." + name;
        count++;
        if (known.contains(child)) {
          count += walk(e.value(), child, known, kind, out);
        } else {
          MisplacedFields.nearMiss(known, pattern, name).ifPresent(m -> out.add(kind + " " + child + " -> " + m));
        }
      }
    }
    Optional<YamlNode> additional = get(schema, "additionalProperties");
    if (additional.isPresent() && known.contains(pattern + ".*")) {
      count += walk(additional.get(), pattern + ".*", known, kind, out);
    }
    return count;
  }

  static YamlNode openApiSchema(String crd) {
    List<Diagnostic> sink = new ArrayList<>();
    ReadLimits limits = ReadLimits.builder().maxDocumentChars(4_000_000).maxInputBytes(8_000_000).build();
    YamlNode doc = new YamlStream(limits).compose("crd", crd, sink).get(0);
    assertEquals(List.of(), sink);
    YamlNode version = ((YamlNode.Sequence) get(get(doc, "spec").orElseThrow(), "versions").orElseThrow())
        .items().get(0);
    return get(get(version, "schema").orElseThrow(), "openAPIV3Schema").orElseThrow();
  }

  static Optional<YamlNode> get(YamlNode node, String key) {
    if (!(node instanceof YamlNode.Mapping m)) {
      return Optional.empty();
    }
    return m.entries().stream().filter(e -> e.key() instanceof YamlNode.Scalar s && s.value().equals(key))
        .map(YamlNode.Entry::value).findFirst();
  }
}
