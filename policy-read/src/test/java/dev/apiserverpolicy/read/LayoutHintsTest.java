package dev.apiserverpolicy.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A finding caused by indentation or a missing ':' says so, at the line of the cause: not a hint
 * that repeats the bad value, not the line after the key.
 */
class LayoutHintsTest {
  private final ManifestReader reader = ManifestReader.create();

  private Diagnostic first(String... lines) {
    List<Diagnostic> found = reader.read("in.yaml", String.join("\n", lines) + "\n")
        .diagnostics();
    assertFalse(found.isEmpty(), "a finding");
    return found.get(0);
  }

  private static final String[] HEAD = {"apiVersion: kubermatic.k8c.io/v1", "kind: Cluster", "metadata:",
      "  name: dev-tools", "spec:"};

  private Diagnostic cluster(String... spec) {
    String[] all = java.util.Arrays.copyOf(HEAD, HEAD.length + spec.length);
    System.arraycopy(spec, 0, all, HEAD.length, spec.length);
    return first(all);
  }

  @Test
  void aMissingColonIsReportedAtTheKeysLineWithTheFix() {
    Diagnostic d = cluster("  exposeStrategy NodePort", "  features:", "    apiserverNetworkPolicy: true");
    assertEquals(DiagnosticCode.YAML_SYNTAX, d.code(), d::describe);
    assertEquals(6, d.line(), d::describe);
    assertEquals(3, d.column(), d::describe);
    assertTrue(d.message().startsWith("YAML syntax error: 'exposeStrategy NodePort' has no ':' after its key"),
        d::describe);
    assertTrue(d.hint().startsWith("write 'exposeStrategy: NodePort'"), d::describe);

    Diagnostic block = cluster("  features", "    apiserverNetworkPolicy: true");
    assertEquals(6, block.line(), block::describe);
    assertTrue(block.hint().startsWith("write 'features:'"), block::describe);
  }

  @Test
  void otherSyntaxErrorsKeepTheParsersPosition() {
    Diagnostic d = cluster("  exposeStrategy: [NodePort", "  features: {}");
    assertEquals(DiagnosticCode.YAML_SYNTAX, d.code(), d::describe);
    assertFalse(d.message().contains("has no ':'"), d::describe);
    assertTrue(d.hint().startsWith("fix the YAML at this position"), d::describe);
  }

  @Test
  void aListItemIndentedIntoTheOneAboveNamesTheIndentation() {
    Diagnostic d = cluster("  exposeStrategy: LoadBalancer", "  apiServerAllowedIPRanges:", "    cidrBlocks:",
        "    - 10.20.0.0/16", "      - 10.96.0.0/12");
    assertEquals(DiagnosticCode.CIDR_INVALID, d.code(), d::describe);
    assertTrue(d.hint().contains("indented deeper than the line above"), d::describe);
    assertFalse(d.hint().contains("10.20.0.0/16"), "the hint does not repeat the value");
  }

  @Test
  void aScalarWhereAnObjectBelongsNamesTheMissingColon() {
    Diagnostic d = first("apiVersion: kubermatic.k8c.io/v1", "kind: Cluster", "metadata:", "  name dev-tools",
        "spec: {}");
    assertEquals(DiagnosticCode.FIELD_TYPE, d.code(), d::describe);
    assertEquals("a key without its ':'? write 'name: dev-tools' (and indent what belongs under it)", d.hint());
  }

  @Test
  void spacesInsideARangeAreNotStrippedIntoTheHint() {
    Diagnostic inside = cluster("  exposeStrategy: LoadBalancer", "  apiServerAllowedIPRanges:",
        "    cidrBlocks: [\"10.0.0.0/8 10.1.0.0/16\"]");
    assertEquals("write one range per list item, without spaces", inside.hint(), inside::describe);
    Diagnostic around = cluster("  exposeStrategy: LoadBalancer", "  apiServerAllowedIPRanges:",
        "    cidrBlocks: [\" 10.0.0.0/8\"]");
    assertEquals("remove the spaces: '10.0.0.0/8'", around.hint(), around::describe);
  }
}
