package dev.apiserverpolicy.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.Severity;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 22: a value KKP v2.31.0's CRD schema refuses (type, enum, pattern) is an error at its line. */
class KkpSchemaValuesTest {
  private static final String CLUSTER = """
      apiVersion: kubermatic.k8c.io/v1
      kind: Cluster
      metadata: {name: c1}
      spec:
        cloud: {dc: dc-1}
        exposeStrategy: LoadBalancer
        features: {apiserverNetworkPolicy: true}
        version: "1.31.1"
        cniPlugin: {type: cilium}
        auditLogging: {enabled: true}
      """;
  private static final String SEED = """
      apiVersion: kubermatic.k8c.io/v1
      kind: Seed
      metadata: {name: s}
      spec:
        nodeportProxy: {envoy: {loadBalancerService: {sourceRanges: [192.0.2.0/24]}}}
      """;

  private static List<Diagnostic> findings(String text) {
    return ManifestReader.create().read("in.yaml", text).diagnostics();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // An unquoted 1.30 is a number to Kubernetes' YAML reader, and the field is a string.
      "version: \"1.31.1\"|version: 1.30|spec.version|field-type|8|must be a string, found the number '1.30'",
      "{enabled: true}|{enabled: \"yes\"}|spec.auditLogging.enabled|field-type|10|must be true or false",
      "{type: cilium}|{type: calico}|spec.cniPlugin.type|field-value|9|'calico' is not one of 'canal', 'cilium'",
      "{type: cilium}|[cilium]|spec.cniPlugin|field-type|9|must be an object, found a list"})
  void aValueTheSchemaRefusesIsAnErrorOfTheObject(String from, String to, String path, String code, int line,
      String message) {
    List<Diagnostic> at = findings(CLUSTER.replace(from, to)).stream().filter(d -> d.path().equals(path)).toList();
    assertEquals(1, at.size(), at::toString);
    Diagnostic d = at.get(0);
    assertEquals(code, d.code().id());
    assertEquals(Severity.ERROR, d.severity());
    assertEquals(line, d.line());
    assertTrue(d.message().contains(message), d.message());
    assertEquals(Optional.of("Cluster/c1"), d.object());
    assertEquals(Optional.of("v2.31.0"), d.kkpSchema(), "a profile reading another schema leaves it out");
  }

  @Test
  void theValuesTheSchemaAllowsAndNullsPass() {
    assertEquals(List.of(), findings(CLUSTER));
    // The API server prunes a null from a field that is not nullable before it validates.
    assertEquals(List.of(), findings(CLUSTER.replace("{enabled: true}", "null").replace("\"1.31.1\"", "~")));
  }

  @Test
  void anEnumMissAsksForTheClosestValue() {
    Diagnostic d = findings(CLUSTER.replace("{type: cilium}", "{type: cillium}")).get(0);
    assertEquals("did you mean 'cilium'?", d.hint());
  }

  @Test
  void kkpsSeedSchemaTakesOnlyIpv4NodeportProxySourceRanges() {
    assertEquals(List.of(), findings(SEED));
    List<Diagnostic> v6 = findings(SEED.replace("192.0.2.0/24", "\"2001:db8::/32\""));
    assertEquals(List.of("spec.nodeportProxy.envoy.loadBalancerService.sourceRanges[0]"),
        v6.stream().map(Diagnostic::path).toList());
    assertEquals(DiagnosticCode.FIELD_VALUE, v6.get(0).code());
    assertTrue(v6.get(0).message().contains("does not match the pattern ^((\\d{1,3}\\.){3}"), v6.get(0).message());
  }

  @Test
  void aPatternEndsAtTheEndOfTheValueAsGosRegexpReadsIt() {
    // A block scalar keeps its final newline; Java's $ would match before it, Go's does not.
    String text = """
        apiVersion: kubermatic.k8c.io/v1
        kind: Seed
        metadata: {name: s}
        spec:
          nodeportProxy:
            envoy:
              loadBalancerService:
                sourceRanges:
                - |
                  192.0.2.0/24
        """;
    assertEquals(List.of("spec.nodeportProxy.envoy.loadBalancerService.sourceRanges[0]"),
        findings(text).stream().map(Diagnostic::path).toList(), () -> text + findings(text));
    Pattern p = KkpSchema.goPattern("^a$|^[$]b$");
    assertTrue(p.matcher("a").find());
    assertFalse(p.matcher("a\n").find());
    assertTrue(p.matcher("$b").find());
  }

  @Test
  void aFieldTheBinderReportedIsNotReportedAgainstTheSchema() {
    List<Diagnostic> found = findings(CLUSTER.replace("LoadBalancer", "Loadbalancer"));
    assertEquals(List.of(DiagnosticCode.EXPOSE_STRATEGY_UNKNOWN), found.stream().map(Diagnostic::code).toList());
  }

  @Test
  void everyPatternOfTheSchemaCompilesAsGoReadsIt() {
    for (String pattern : KkpSchemaData.PATTERNS) {
      // Go's POSIX classes ([[:alpha:]]) mean something else to Java: none may be used.
      assertFalse(pattern.contains("[:"), pattern);
      assertTrue(KkpSchema.goPattern(pattern).pattern().endsWith("\\z"), pattern);
    }
  }

  /** Hostile input: 50,000 values the schema refuses in one list are each reported, in linear time. */
  @Test
  void fiftyThousandRefusedValuesAreReadInLinearTime() {
    StringBuilder seed = new StringBuilder("apiVersion: kubermatic.k8c.io/v1\nkind: Seed\nmetadata: {name: s}\n"
        + "spec:\n  disabledCollectors:\n");
    for (int i = 0; i < 50_000; i++) {
      seed.append("  - Colector").append(i % 7).append('\n');
    }
    long start = System.nanoTime();
    List<Diagnostic> found = findings(seed.toString());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(50_000, found.stream().filter(d -> d.code() == DiagnosticCode.FIELD_VALUE).count());
    assertTrue(millis < 20_000, millis + " ms");
  }

  /** A refused value with control characters is quoted as it was written; the printers escape it. */
  @Test
  void aRefusedValueIsNamedAsWritten() {
    Diagnostic d = findings(CLUSTER.replace("{type: cilium}", "{type: \"cil\\u001b[2Jium\"}")).get(0);
    assertTrue(d.message().startsWith("'cil\u001b[2Jium' is not one of"), d.message());
  }
}
