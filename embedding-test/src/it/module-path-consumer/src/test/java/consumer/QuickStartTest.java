package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.ApiserverPolicy;
import dev.apiserverpolicy.model.Diagnostic;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Run by Surefire on the module path Maven chose from the descriptors: nothing added by hand. */
class QuickStartTest {
  private static final String AS_FILE = """
      apiVersion: kubermatic.k8c.io/v1
      kind: Seed
      metadata: {name: europe-west, namespace: kubermatic}
      spec: {datacenters: {dc-1: {}}}
      ---
      apiVersion: apiserver-policy.dev/v1alpha1
      kind: RenderContext
      metadata: {name: europe-west}
      spec: {seedAPIServerEndpoints: [10.0.0.10]}
      ---
      apiVersion: kubermatic.k8c.io/v1
      kind: KubermaticConfiguration
      metadata: {name: kubermatic, namespace: kubermatic}
      ---
      apiVersion: kubermatic.k8c.io/v1
      kind: Cluster
      metadata: {name: payments}
      spec:
        cloud: {dc: dc-1}
        exposeStrategy: LoadBalancer
        features: {apiserverNetworkPolicy: true}
        apiServerAllowedIPRanges: {cidrBlocks: [192.0.2.0/24]}
      """;

  private static ModuleDescriptor descriptorOf(String name) {
    return ModuleLayer.boot().findModule(name).orElseThrow(() -> new AssertionError(name + " not resolved"))
        .getDescriptor();
  }

  /** Our jars are named modules, not automatic ones, and show only their API packages. */
  @Test
  void ourJarsAreNamedModulesThatExportTheirApiOnly() {
    assertEquals("consumer", QuickStart.class.getModule().getName(), "the consumer runs as a module");
    assertEquals("dev.apiserverpolicy.render", ApiserverPolicy.class.getModule().getName());
    assertEquals("dev.apiserverpolicy.model", Diagnostic.class.getModule().getName());
    for (String ours : List.of("dev.apiserverpolicy.model", "dev.apiserverpolicy.read", "dev.apiserverpolicy.render")) {
      assertFalse(descriptorOf(ours).isAutomatic(), ours + " is an automatic module");
    }
    ModuleDescriptor read = descriptorOf("dev.apiserverpolicy.read");
    assertEquals(Set.of("dev.apiserverpolicy.read"),
        read.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
    assertTrue(read.packages().contains("dev.apiserverpolicy.read.internal.snakeyaml.v2.api"), read::toString);
    assertTrue(read.requires().stream().noneMatch(r -> r.name().contains("snakeyaml")), read::toString);
    Set<String> renderExports = descriptorOf("dev.apiserverpolicy.render").exports().stream()
        .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(List.of("dev.apiserverpolicy", "dev.apiserverpolicy.render",
        "dev.apiserverpolicy.render.cleanup", "dev.apiserverpolicy.render.engine", "dev.apiserverpolicy.render.yaml")),
        renderExports);
  }

  @Test
  void theQuickStartFromFilesRendersWithoutErrors() {
    ApiserverPolicy.Result result = QuickStart.fromFiles(Path.of(System.getProperty("quickstart")));
    assertFalse(result.hasErrors(), () -> QuickStart.describe(result));
    assertTrue(result.objects().size() > 10, () -> result.objects().size() + " objects");
    assertTrue(result.yaml().contains("kind: NetworkPolicy"));
  }

  /** Typed inputs and the same inputs as a file give the same objects, trees and YAML. */
  @Test
  void typedInputsRenderAsTheirFileDoes() {
    ApiserverPolicy.Result typed = QuickStart.fromTypedInputs();
    ApiserverPolicy.Result read = ApiserverPolicy.create().render(Map.of("payments.yaml",
        AS_FILE.getBytes(StandardCharsets.UTF_8)));
    assertFalse(typed.hasErrors(), () -> QuickStart.describe(typed));
    assertFalse(typed.objects().isEmpty());
    assertEquals(read.objects(), typed.objects());
    assertEquals(read.trees(), typed.trees());
    assertEquals(read.yaml().replace("payments.yaml", ApiserverPolicy.BUILT_IN_CODE), typed.yaml());
  }

  /** The reader's YAML parser (relocated inside policy-read) works on the module path: tab-indented JSON. */
  @Test
  void theRelocatedParserReadsTabIndentedJson() {
    String seed = "{\n\t\"apiVersion\": \"kubermatic.k8c.io/v1\", \"kind\": \"Seed\",\n"
        + "\t\"metadata\": {\"name\": \"europe-west\", \"namespace\": \"kubermatic\"},\n"
        + "\t  \"spec\": {\"datacenters\": {\"dc-1\": {}}}\n}\n";
    String rest = AS_FILE.substring(AS_FILE.indexOf("---") + 4);
    ApiserverPolicy.Result result = ApiserverPolicy.create().render(Map.of(
        "seed.json", seed.getBytes(StandardCharsets.UTF_8), "rest.yaml", rest.getBytes(StandardCharsets.UTF_8)));
    assertFalse(result.hasErrors(), () -> QuickStart.describe(result));
    assertEquals(QuickStart.fromTypedInputs().objects(), result.objects());
  }
}
