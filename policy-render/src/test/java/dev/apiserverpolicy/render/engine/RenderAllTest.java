package dev.apiserverpolicy.render.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.read.ManifestReader;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.Rendering;
import dev.apiserverpolicy.render.TestInputs;
import dev.apiserverpolicy.render.yaml.YamlManifestWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** Rendering everything read: order-independent, per-cluster failure, reasons for what is left out. */
class RenderAllTest {
  private static final ManifestReader READER = ManifestReader.create();

  private static List<String> quickstartDocuments() throws IOException {
    List<String> docs = new ArrayList<>();
    for (Path file : TestInputs.quickstartFiles()) {
      for (String doc : Files.readString(file, StandardCharsets.UTF_8).split("(?m)^---\\s*$")) {
        if (!doc.isBlank()) {
          docs.add(doc);
        }
      }
    }
    return docs;
  }

  private static String renderText(List<String> documents) {
    Inputs read = READER.read("input.yaml", String.join("\n---\n", documents));
    Rendering rendering = ManifestRenderer.renderAll(read, RenderOptions.defaults());
    StringBuilder out = new StringBuilder();
    for (ClusterManifests c : rendering.clusters()) {
      out.append(YamlManifestWriter.write(c.objects(), "examples/quickstart"));
    }
    return out.toString();
  }

  @Test
  void quickstartRendersEveryClusterAndTheGateOffOneWithoutPolicies() throws IOException {
    Inputs read = READER.read("input.yaml", String.join("\n---\n", quickstartDocuments()));
    Rendering rendering = ManifestRenderer.renderAll(read, RenderOptions.defaults());
    assertFalse(rendering.hasErrors(), rendering.allDiagnostics()::toString);
    assertEquals(List.of("dev-tools", "edge-retail", "legacy-batch", "payments", "sandbox"),
        rendering.clusters().stream().map(ClusterManifests::cluster).toList());
    ClusterManifests gateOff = rendering.clusters().get(2);
    assertTrue(gateOff.objects().stream().allMatch(o -> o.kind().equals("Service")));
    assertFalse(gateOff.objects().isEmpty());
  }

  @Test
  void shuffledDocumentsLocaleAndTimeZoneChangeNoByte() throws IOException {
    List<String> docs = quickstartDocuments();
    String expected = renderText(docs);
    Locale locale = Locale.getDefault();
    TimeZone zone = TimeZone.getDefault();
    try {
      Random random = new Random(42);
      for (int i = 0; i < 20; i++) {
        List<String> shuffled = new ArrayList<>(docs);
        Collections.shuffle(shuffled, random);
        Locale.setDefault(i % 2 == 0 ? Locale.forLanguageTag("tr-TR") : Locale.forLanguageTag("ar-EG"));
        TimeZone.setDefault(TimeZone.getTimeZone(i % 2 == 0 ? "Pacific/Kiritimati" : "America/St_Johns"));
        assertEquals(expected, renderText(shuffled));
      }
    } finally {
      Locale.setDefault(locale);
      TimeZone.setDefault(zone);
    }
  }

  @Test
  void oneBadClusterDoesNotStopTheOthers() throws IOException {
    List<String> docs = new ArrayList<>(quickstartDocuments());
    docs.add("apiVersion: kubermatic.k8c.io/v1\nkind: Cluster\nmetadata: {name: broken}\nspec:\n"
        + "  cloud: {dc: hetzner-fsn1}\n  exposeStrategy: NodePort\n  features: {apiserverNetworkPolicy: true}\n"
        + "  apiServerAllowedIPRanges: {cidrBlocks: [10.0.0.1/8]}\n");
    Inputs read = READER.read("input.yaml", String.join("\n---\n", docs));
    Rendering rendering = ManifestRenderer.renderAll(read, RenderOptions.defaults());
    ClusterManifests broken = rendering.clusters().stream().filter(c -> c.cluster().equals("broken")).findFirst()
        .orElseThrow();
    assertTrue(broken.failed());
    assertEquals(List.of(), broken.objects());
    assertEquals(List.of(DiagnosticCode.CIDR_HOST_BITS, DiagnosticCode.NOT_RENDERED),
        broken.diagnostics().stream().map(d -> d.code()).toList());
    assertEquals(5, rendering.clusters().stream().filter(c -> !c.failed()).count());
  }

  @Test
  void aContextWithErrorsBlocksItsSeedsClustersAndSaysSo() throws IOException {
    List<String> docs = new ArrayList<>(quickstartDocuments());
    docs.replaceAll(d -> d.replace("profile: kkp-v2.31", "profile: kkp-v2.31\n  ingresNamespace: typo"));
    Inputs read = READER.read("input.yaml", String.join("\n---\n", docs));
    Rendering rendering = ManifestRenderer.renderAll(read, RenderOptions.defaults());
    assertEquals(1, rendering.diagnostics().size(), rendering.diagnostics()::toString);
    assertEquals(DiagnosticCode.FIELD_UNKNOWN, rendering.diagnostics().get(0).code());
    for (ClusterManifests c : rendering.clusters()) {
      assertTrue(c.failed(), c.cluster());
      assertTrue(c.diagnostics().get(c.diagnostics().size() - 1).message()
          .equals("not rendered: RenderContext/europe-west has errors"), c.diagnostics()::toString);
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"apiVersion", "kind", "metadata", "spec"})
  void anObjectWithADuplicatedTopLevelKeyIsNeverRendered(String key) {
    String seed = "apiVersion: kubermatic.k8c.io/v1\nkind: Seed\nmetadata: {name: s}\nspec: {datacenters: {dc: {}}}\n";
    String context = "apiVersion: apiserver-policy.dev/v1alpha1\nkind: RenderContext\nmetadata: {name: s}\n"
        + "spec: {seedAPIServerEndpoints: [10.0.0.10]}\n";
    java.util.Map<String, String> first = new java.util.LinkedHashMap<>();
    first.put("apiVersion", "\"kubermatic.k8c.io/v1\"");
    first.put("kind", "\"Cluster\"");
    first.put("metadata", "{\"name\": \"c\"}");
    first.put("spec", "{\"cloud\": {\"dc\": \"dc\"}, \"features\": {\"apiserverNetworkPolicy\": true}}");
    String second = switch (key) {
      case "apiVersion" -> "\"kubermatic.k8c.io/v2\"";
      case "kind" -> "\"Seed\"";
      case "metadata" -> "{\"name\": \"other\"}";
      default -> "{\"features\": {\"apiserverNetworkPolicy\": false}}";
    };
    StringBuilder json = new StringBuilder("{");
    StringBuilder yaml = new StringBuilder();
    for (java.util.Map.Entry<String, String> e : first.entrySet()) {
      json.append(json.length() > 1 ? ", " : "").append('"').append(e.getKey()).append("\": ").append(e.getValue());
      yaml.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
    }
    json.append(", \"").append(key).append("\": ").append(second).append("}\n");
    yaml.append(key).append(": ").append(second).append('\n');
    for (String cluster : List.of(yaml.toString(), json.toString())) {
      Inputs read = READER.read("in.yaml", seed + "---\n" + context + "---\n" + cluster);
      Rendering rendering = ManifestRenderer.renderAll(read, RenderOptions.defaults());
      assertTrue(read.diagnostics().stream().anyMatch(d -> d.code() == DiagnosticCode.DUPLICATE_KEY
          && d.object().equals(java.util.Optional.of("Cluster/c"))), () -> cluster + read.diagnostics());
      assertEquals(1, rendering.clusters().size(), cluster);
      assertTrue(rendering.clusters().get(0).failed(), cluster);
      assertEquals(List.of(), rendering.clusters().get(0).objects(), cluster);
    }
  }

  @Test
  void aListWithAnErrorOfItsOwnHasNoItemRead() {
    String list = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: kubermatic.k8c.io/v1\n  kind: Cluster\n"
        + "  metadata: {name: a}\nitems:\n- apiVersion: kubermatic.k8c.io/v1\n  kind: Cluster\n  metadata: {name: b}\n";
    Inputs read = READER.read("in.yaml", list);
    assertEquals(List.of(), read.clusters());
    assertTrue(read.diagnostics().stream().anyMatch(d -> d.code() == DiagnosticCode.LIST_NOT_READ), () -> read
        .diagnostics().toString());
  }
}
