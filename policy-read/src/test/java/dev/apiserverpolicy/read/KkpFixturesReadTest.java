package dev.apiserverpolicy.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.model.FieldPath;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.IpFamily;
import dev.apiserverpolicy.model.Seed;
import dev.apiserverpolicy.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The real KKP objects copied from KKP's repository read without errors, field by field. */
class KkpFixturesReadTest {
  private final ManifestReader reader = ManifestReader.create();

  @Test
  void clusterAwsFixtureReadsEveryFieldWeUse() throws IOException {
    Inputs result = reader.read("cluster-aws.yaml", Files.readAllBytes(TestData.fixture("cluster-aws.yaml")));

    assertEquals(List.of(), result.diagnostics(), "diagnostics");
    assertEquals(1, result.clusters().size());
    Cluster c = result.clusters().get(0);
    assertEquals("avznsmznpt", c.name());
    assertEquals(Map.of("project-id", "l8zvpg6dph"), c.labels());
    assertEquals("cluster-avznsmznpt", c.namespace());
    assertEquals(Optional.of(32479), c.statusPort());
    assertEquals(Optional.of("yadda.yadda.yadda"), c.statusExternalName());
    assertEquals(Optional.of(true), c.spec().apiserverNetworkPolicyGate());
    assertEquals(Optional.of(ExposeStrategy.NODE_PORT), c.spec().exposeStrategy());
    assertEquals(Optional.empty(), c.spec().apiServerAllowedIPRanges(), "field absent, not empty");
    assertEquals(Optional.of("aws"), c.spec().cloudProvider());
    assertEquals(Optional.of("aws-eu-west-1a-mirror"), c.spec().datacenter());
    assertEquals(Optional.of(IpFamily.IPV4), c.spec().clusterNetwork().ipFamily());
    assertEquals(List.of(Cidr.parse("172.25.0.0/16")), c.spec().clusterNetwork().podCidrs());
    assertEquals(List.of(Cidr.parse("10.240.16.0/20")), c.spec().clusterNetwork().serviceCidrs());
    assertTrue(c.spec().clusterNetwork().konnectivity());
    assertEquals(Optional.empty(), c.spec().oidcIssuerURL(), "oidc: {} means no issuer");
    assertFalse(c.spec().authorizationWebhook());
    assertEquals(Optional.of(true), c.spec().features().entrySet().stream()
        .filter(e -> e.getKey().equals("externalCloudProvider")).map(Map.Entry::getValue).findFirst());
    // Positions point at the file: exposeStrategy is on line 76 of the fixture.
    assertEquals(76, c.origin().positionOf(FieldPath.of("spec", "exposeStrategy")).orElseThrow().line());
  }

  /** KKP's reference Seed with a name in place of its placeholder, which no Kubernetes name can be. */
  static byte[] referenceSeedNamed(String name) throws IOException {
    return Files.readString(TestData.fixture("zz_generated.seed.ce.yaml"), StandardCharsets.UTF_8)
        .replace("  name: <<exampleseed>>\n", "  name: " + name + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** As KKP writes it, the reference Seed's name is a placeholder: refused at its line, and the seed left out. */
  @Test
  void theSeedReferencesPlaceholderNameIsRefused() throws IOException {
    Inputs result = reader.read("zz_generated.seed.ce.yaml",
        Files.readAllBytes(TestData.fixture("zz_generated.seed.ce.yaml")));
    assertEquals(List.of(), result.seeds());
    Diagnostic refused = result.diagnostics().stream().filter(d -> d.code() == DiagnosticCode.SEED_NAME_INVALID)
        .findFirst().orElseThrow(() -> new AssertionError(result.diagnostics()));
    assertEquals("metadata.name:4", refused.path() + ":" + refused.line());
    assertTrue(refused.message().startsWith("seed name '<<exampleseed>>' is not valid"), refused::describe);
    assertTrue(refused.code().losesInput(), "a seed left out means the input was not read whole");
  }

  @Test
  void seedReferenceReadsWithoutErrorsButTheTwoValuesKkpsOwnSchemaRefuses() throws IOException {
    Inputs result = reader.read("zz_generated.seed.ce.yaml", referenceSeedNamed("example-seed"));

    // KKP's reference Seed is written from empty Go values: two of them are "" where the v2.31.0 CRD's
    // enum has no "", so KKP's API server would refuse the example as it stands.
    assertEquals(List.of("spec.datacenters[<<exampledc>>].spec.kubevirt.dnsPolicy:202",
        "spec.metering.reports.weekly.format:702"), result.diagnostics().stream()
        .filter(d -> d.severity() == Severity.ERROR)
        .map(d -> d.code() + " " + d.path() + ":" + d.line()).map(t -> t.substring(t.indexOf(' ') + 1)).toList());
    assertTrue(result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR)
        .allMatch(d -> d.code() == DiagnosticCode.FIELD_VALUE && d.kkpSchema().equals(Optional.of("v2.31.0"))));
    assertEquals(1, result.seeds().size());
    Seed s = result.seeds().get(0);
    assertEquals("example-seed", s.name());
    assertEquals(List.of("<<exampledc>>"), List.copyOf(s.datacenters()));
    assertEquals(Optional.of(ExposeStrategy.NODE_PORT), s.exposeStrategy());
    assertEquals(Optional.empty(), s.defaultClusterTemplate(), "empty string means none");
    assertEquals(List.of(), s.defaultAPIServerAllowedIPRanges());
    assertEquals(List.of(), s.nodeportProxySourceRanges());
    assertEquals(Map.of(
        "service.beta.kubernetes.io/aws-load-balancer-connection-idle-timeout", "3600",
        "service.beta.kubernetes.io/aws-load-balancer-type", "nlb"), s.loadBalancerServiceAnnotations());
  }

  @Test
  void kkpsReferenceKubermaticConfigurationReadsWithoutErrors() throws IOException {
    String name = "zz_generated.kubermaticConfiguration.ce.yaml";
    Inputs result = reader.read(name, Files.readAllBytes(TestData.fixture(name)));
    assertEquals(List.of(), result.diagnostics(), name);
    assertEquals(1, result.kubermaticConfigurations().size());
    var kkp = result.kubermaticConfigurations().get(0);
    assertEquals(Optional.of("https://example.com/dex"), kkp.tokenIssuer());
    assertEquals(Optional.of(ExposeStrategy.NODE_PORT), kkp.exposeStrategy());
    assertEquals(Map.of("EtcdLauncher", true, "HTTPRouteGatewaySync", true), kkp.featureGates());
    assertFalse(kkp.openIdAuthPlugin(), "the reference leaves OpenIDAuthPlugin off");
  }

  @Test
  void theSeedReferenceDatacenterSettingsAreRead() throws IOException {
    Inputs result = reader.read("seed", referenceSeedNamed("example-seed"));
    Seed s = result.seeds().get(0);
    assertEquals(Optional.of("kubermatic"), s.namespace());
    assertEquals(Map.of(), s.datacenterSettings(), "apiServerServiceType and authenticationConfiguration are null");
    assertEquals(Optional.empty(), s.authenticationConfiguration());
    assertEquals(Optional.empty(), s.oidcProviderIssuerURL());
  }

  @Test
  void kkpGoldenFilesWithoutApiVersionAreSkippedWithAWarning() throws IOException {
    // KKP's generated fixtures omit apiVersion and kind; they are not inputs.
    String name = "service-aws-1.35.0-front-loadbalancer.yaml";
    Inputs result = reader.read(name, Files.readAllBytes(TestData.fixture(name)));
    assertEquals(1, result.diagnostics().size());
    assertEquals(DiagnosticCode.NOT_A_KUBERNETES_OBJECT, result.diagnostics().get(0).code());
    assertEquals(3, result.diagnostics().get(0).line());
    assertFalse(result.hasErrors());
  }
}
