package dev.apiserverpolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lint --format sarif} and {@code --format github}: what code scanning and Actions read. */
class SarifReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Schema SARIF = schema();

  @TempDir
  Path tmp;

  private static Schema schema() {
    try {
      JsonNode schema = JSON.readTree(ProjectFiles.testdata("sarif").resolve("sarif-2.1.0.json").toFile());
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(SchemaLocation.of("urn:apiserver-policy:sarif-2.1.0"), schema);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** What the SARIF 2.1.0 schema finds wrong with {@code log}. */
  static List<Error> errors(String log) throws IOException {
    return SARIF.validate(JSON.readTree(log));
  }

  private static JsonNode sarif(String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of("lint"));
    all.addAll(List.of(args));
    all.addAll(List.of("--format", "sarif"));
    Cli.Result r = Cli.run(all.toArray(String[]::new));
    JsonNode log = JSON.readTree(r.out());
    List<Error> errors = SARIF.validate(log);
    assertEquals(List.of(), errors, "valid SARIF 2.1.0");
    return log;
  }

  @Test
  void theQuickstartIsValidSarifWithOneRulePerCodeAndItsFindings() throws IOException {
    JsonNode run = sarif(Cli.quickstart().toString()).at("/runs/0");
    assertEquals("apiserver-policy", run.at("/tool/driver/name").asText());
    JsonNode rules = run.at("/tool/driver/rules");
    assertEquals(DiagnosticCode.values().length, rules.size());
    for (DiagnosticCode code : DiagnosticCode.values()) {
      JsonNode rule = rules.get(code.ordinal());
      assertEquals(code.id(), rule.get("id").asText());
      assertEquals(code.summary(), rule.at("/fullDescription/text").asText());
      assertTrue(rule.at("/help/markdown").asText().contains("docs/spec.md#7-diagnostics"));
      assertEquals(Map.of("ERROR", "error", "WARNING", "warning", "INFO", "note").get(code.defaultSeverity().name()),
          rule.at("/defaultConfiguration/level").asText());
    }
    JsonNode results = run.get("results");
    assertEquals(3, results.size(), results::toString);
    for (JsonNode result : results) {
      assertEquals(result.get("ruleId").asText(), rules.get(result.get("ruleIndex").asInt()).get("id").asText());
      JsonNode location = result.at("/locations/0/physicalLocation");
      assertTrue(location.at("/artifactLocation/uri").asText().endsWith(".yaml"), location::toString);
      assertTrue(location.at("/region/startLine").asInt() > 0 && location.at("/region/startColumn").asInt() > 0);
    }
  }

  /** Fingerprint by rule and object, for the findings of one run. */
  private static Map<String, String> fingerprints(JsonNode log) {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode result : log.at("/runs/0/results")) {
      out.put(result.get("ruleId").asText() + " " + result.at("/properties/object").asText(),
          result.at("/partialFingerprints/" + SarifReport.FINGERPRINT.replace("/", "~1")).asText());
    }
    return out;
  }

  @Test
  void aFindingKeepsItsFingerprintWhenAnUnrelatedEditMovesIt() throws IOException {
    Path input = Cli.copyQuickstart(tmp);
    Map<String, String> before = fingerprints(sarif(input.toString()));
    Path file = input.resolve("clusters/loadbalancer-restricted.yaml");
    Files.writeString(file, "# a comment\n# and another\n" + Files.readString(file));
    JsonNode moved = sarif(input.toString());
    assertEquals(before, fingerprints(moved), "same findings, same fingerprints");
    Files.writeString(file, Files.readString(file).replace("192.0.2.0/24", "192.0.2.0/25"));
    Map<String, String> edited = fingerprints(sarif(input.toString()));
    assertEquals(before.keySet(), edited.keySet());
    assertEquals(3, before.values().stream().distinct().count(), "each finding its own fingerprint");
  }

  @Test
  void fileNamesAreUriReferences() {
    assertEquals("clusters/a%20b.yaml", SarifReport.uri("clusters/a b.yaml"));
    assertEquals("file:///srv/in/x%23y.yaml", SarifReport.uri("/srv/in/x#y.yaml"));
    assertEquals("file:///C:/in/x.yaml", SarifReport.uri("C:/in/x.yaml"));
    assertNotEquals(SarifReport.uri("a?b.yaml"), "a?b.yaml", "a query is not part of a file name");
  }

  @Test
  void githubAnnotationsCannotBeEndedOrStartedByInputText() throws IOException {
    Path input = Cli.copyQuickstart(tmp);
    Files.writeString(input.resolve("clusters/x,y:z%.yaml"), "apiVersion: kubermatic.k8c.io/v1\nkind: Cluster\n"
        + "metadata: {name: 'bad\n\n::error::forged'}\nspec: {}\n");
    Cli.Result r = Cli.run("lint", input.toString(), "--format", "github");
    for (String line : r.out().split("\n")) {
      assertTrue(line.matches("::(error|warning|notice) (file=[^,:]*,)?(line=\\d+,col=\\d+,)?title=[^:,]*::.*"), line);
    }
    assertTrue(r.out().contains("file=" + input.toString().replace(":", "%3A") + "/clusters/x%2Cy%3Az%25.yaml"),
        r.out());
  }
}
