package dev.apiserverpolicy.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each way input can be wrong gives the expected diagnostic at the expected place. */
class ReaderErrorsTest {
  private final ManifestReader reader = ManifestReader.create();

  private static final String CLUSTER_HEAD = String.join("\n",
      "apiVersion: kubermatic.k8c.io/v1",
      "kind: Cluster",
      "metadata:",
      "  name: prod-1",
      "spec:",
      "");

  private static Diagnostic only(Inputs result) {
    assertEquals(1, result.diagnostics().size(), () -> "diagnostics: " + result.diagnostics());
    return result.diagnostics().get(0);
  }

  private static void assertAt(Diagnostic d, DiagnosticCode code, int line, int column, String path) {
    assertEquals(code, d.code(), d::describe);
    assertEquals(line, d.line(), d::describe);
    assertEquals(column, d.column(), d::describe);
    assertEquals(path, d.path(), d::describe);
    assertFalse(d.hint().isBlank());
    assertEquals(Optional.of("in.yaml"), d.file());
  }

  @Test
  void wrongTypeOfAKnownFieldIsAnErrorAtTheValue() {
    Inputs r = reader.read("in.yaml", CLUSTER_HEAD + "  features:\n    apiserverNetworkPolicy: \"true\"\n");
    Diagnostic d = only(r);
    assertAt(d, DiagnosticCode.FIELD_TYPE, 7, 29, "spec.features.apiserverNetworkPolicy");
    assertEquals(Optional.of("Cluster/prod-1"), d.object());
    assertEquals("expected true or false, found the string 'true'", d.message());
    assertTrue(r.hasErrorsFor("Cluster/prod-1"));
  }

  @Test
  void aListWhereAMappingBelongsIsAnError() {
    Diagnostic d = only(reader.read("in.yaml", CLUSTER_HEAD + "  apiServerAllowedIPRanges: [10.0.0.0/8]\n"));
    assertAt(d, DiagnosticCode.FIELD_TYPE, 6, 29, "spec.apiServerAllowedIPRanges");
  }

  @Test
  void yaml11OctalLookingPortIsRejected() {
    // YAML 1.1 reads 0443 as octal 291; a port must be plain decimal.
    Diagnostic d = only(reader.read("in.yaml", CLUSTER_HEAD + "status:\n  address:\n    port: 0443\n"));
    assertAt(d, DiagnosticCode.FIELD_VALUE, 8, 11, "status.address.port");
  }

  @Test
  void badCidrIsAnErrorAtTheListItem() {
    Diagnostic d = only(reader.read("in.yaml", CLUSTER_HEAD
        + "  exposeStrategy: LoadBalancer\n  apiServerAllowedIPRanges:\n    cidrBlocks:\n    - 10.0.0.0/8\n    - "
            + "10.0.0/8\n"));
    assertAt(d, DiagnosticCode.CIDR_INVALID, 10, 7, "spec.apiServerAllowedIPRanges.cidrBlocks[1]");
  }

  @Test
  void hostBitsAreAnErrorNamingBothReadings() {
    Diagnostic d = only(reader.read("in.yaml", CLUSTER_HEAD
        + "  apiServerAllowedIPRanges:\n    cidrBlocks: [192.168.1.10/24]\n"));
    assertAt(d, DiagnosticCode.CIDR_HOST_BITS, 7, 18, "spec.apiServerAllowedIPRanges.cidrBlocks[0]");
    assertEquals("did you mean 192.168.1.0/24 (the network) or 192.168.1.10/32 (the single address)?", d.hint());
  }

  @Test
  void unknownExposeStrategyUsesKkpsWording() {
    Diagnostic d = only(reader.read("in.yaml", CLUSTER_HEAD + "  exposeStrategy: loadbalancer\n"));
    assertAt(d, DiagnosticCode.EXPOSE_STRATEGY_UNKNOWN, 6, 19, "spec.exposeStrategy");
    assertTrue(d.message().startsWith("Unsupported value: \"loadbalancer\""), d.message());
  }

  @Test
  void unknownKindIsSkippedWithAnInfo() {
    Inputs r = reader.read("in.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
    Diagnostic d = only(r);
    assertAt(d, DiagnosticCode.KIND_SKIPPED, 2, 7, "kind");
    assertEquals(Severity.INFO, d.severity());
    assertFalse(r.hasErrors());
  }

  @Test
  void legacyKkpGroupIsAWarningThatNamesTheRightOne() {
    Diagnostic d = only(reader.read("in.yaml",
        "apiVersion: kubermatic.k8s.io/v1\nkind: Cluster\nmetadata: {name: x}\n"));
    assertAt(d, DiagnosticCode.API_VERSION_UNSUPPORTED, 1, 13, "apiVersion");
    assertTrue(d.hint().contains("kubermatic.k8c.io/v1"));
  }

  @Test
  void aliasBombFailsFastWithoutExpanding() {
    StringBuilder bomb = new StringBuilder("a: &a "
        + "[\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append(p);
      }
      bomb.append("]\n");
    }
    Inputs r = assertTimeoutPreemptively(Duration.ofMillis(500),
        () -> reader.read("in.yaml", bomb.toString()));
    assertEquals(DiagnosticCode.YAML_ALIAS_LIMIT, only(r).code());
  }

  @Test
  void aliasesInsideTheLimitAreFine() {
    Inputs r = reader.read("in.yaml", CLUSTER_HEAD
        + "  features: &f {apiserverNetworkPolicy: &t true}\n  kyverno: {enabled: *t}\n");
    assertEquals(List.of(), r.diagnostics());
    assertEquals(Optional.of(true), r.clusters().get(0).spec().apiserverNetworkPolicyGate());
  }

  @Test
  void overDeepNestingIsRefused() {
    String deep = "a: " + "[".repeat(100) + "]".repeat(100) + "\n";
    assertEquals(DiagnosticCode.YAML_DEPTH_LIMIT, only(reader.read("in.yaml", deep)).code());
    String deepest = "[".repeat(200_000) + "]".repeat(200_000);
    Inputs r = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> reader.read("in.yaml", deepest));
    assertEquals(DiagnosticCode.YAML_DEPTH_LIMIT, only(r).code());
  }

  @Test
  void overSizeDocumentIsRefusedButManyDocumentsOfUnderTheLimitAreNot() {
    String big = "apiVersion: v1\nkind: ConfigMap\ndata:\n  x: \"" + "y".repeat(8 * 1024 * 1024) + "\"\n";
    assertEquals(DiagnosticCode.DOCUMENT_TOO_LARGE, only(reader.read("in.yaml", big)).code());
    String half = "apiVersion: v1\nkind: ConfigMap\ndata:\n  x: \"" + "y".repeat(5 * 1024 * 1024) + "\"\n";
    Inputs two = reader.read("in.yaml", half + "---\n" + half);
    assertEquals(2, two.diagnostics().size());
    assertTrue(two.diagnostics().stream().allMatch(d -> d.code() == DiagnosticCode.KIND_SKIPPED));
  }

  @Test
  void a50MegabyteDocumentIsRefusedBeforeAnyParserSeesIt() {
    String head = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: small}\n---\napiVersion: v1\nkind: ConfigMap\n"
        + "data:\n  x: ";
    String huge = head + "y".repeat(50_000_000) + "\n";
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long before = allocatedBytes(threads);
    long started = System.nanoTime();
    Inputs r = reader.read("in.yaml", huge);
    long millis = (System.nanoTime() - started) / 1_000_000;
    long allocated = allocatedBytes(threads) - before;
    Diagnostic d = only(r);
    assertEquals(DiagnosticCode.DOCUMENT_TOO_LARGE, d.code());
    assertEquals(4, d.line(), "the second document, whose marker is on line 4");
    assertTrue(r.clusters().isEmpty() && r.seeds().isEmpty());
    // Parsing it took 3.5 s and 860 MB; the check is one pass over the characters.
    assertTrue(millis < 1_000, "took " + millis + " ms");
    if (allocated >= 0) {
      assertTrue(allocated < 1_000_000, "allocated " + allocated + " bytes");
    }
    // Through the byte path as the CLI reads it: decoding is the only other cost.
    byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
    Inputs fromBytes = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> reader.read("in.yaml", bytes));
    assertEquals(DiagnosticCode.DOCUMENT_TOO_LARGE, only(fromBytes).code());
  }

  @Test
  void documentSizeIsTheTextBetweenMarkers() {
    ManifestReader small = ManifestReader.create(ReadLimits.builder().maxDocumentChars(100).build());
    String doc = "kind: A\napiVersion: v1\nx: " + "z".repeat(60) + "\n";
    // Two documents of 87 characters each, split by ---, by ... or by a marker with a tab after it.
    for (String marker : List.of("---\n", "...\n", "---\t# next\n", "--- \r\n")) {
      Inputs r = small.read("in.yaml", doc + marker + doc);
      assertTrue(r.diagnostics().stream().noneMatch(d -> d.code() == DiagnosticCode.DOCUMENT_TOO_LARGE),
          () -> marker + ": " + r.diagnostics());
    }
    // In bytes, characters are counted, not bytes: 60 euro signs are 180 bytes but 60 characters.
    String euros = "kind: A\napiVersion: v1\nx: " + "\u20ac".repeat(60) + "\n";
    Inputs fromBytes = small.read("in.yaml", euros.getBytes(StandardCharsets.UTF_8));
    assertTrue(fromBytes.diagnostics().stream().noneMatch(d -> d.code() == DiagnosticCode.DOCUMENT_TOO_LARGE),
        () -> fromBytes.diagnostics().toString());
    String moreEuros = "kind: A\napiVersion: v1\nx: " + "\u20ac".repeat(80) + "\n";
    assertEquals(DiagnosticCode.DOCUMENT_TOO_LARGE,
        only(small.read("in.yaml", moreEuros.getBytes(StandardCharsets.UTF_8))).code());
    // Lines that are not markers do not cut a document: indented, or followed by text.
    for (String notMarker : List.of("  ---\n", "---x\n", "----\n", "..\n")) {
      String text = "kind: A\napiVersion: v1\nx: |\n  " + "z".repeat(60) + "\n" + notMarker.replace("\n", "")
          + "\n  " + "z".repeat(30) + "\n";
      Inputs r = small.read("in.yaml", text);
      assertEquals(DiagnosticCode.DOCUMENT_TOO_LARGE, r.diagnostics().get(0).code(), notMarker);
    }
  }

  private static long allocatedBytes(java.lang.management.ThreadMXBean threads) {
    if (threads instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()) {
      return sun.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
    return -1;
  }

  @Test
  void theByteOrderMarkNamesTheEncoding() {
    String text = "kind: A\napiVersion: v1\n";
    java.util.Map<String, byte[]> cases = new java.util.LinkedHashMap<>();
    cases.put("UTF-32 (big-endian)", withBom(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, text, "UTF-32BE"));
    cases.put("UTF-32 (little-endian)", withBom(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, text, "UTF-32LE"));
    cases.put("UTF-16 (big-endian)", withBom(new byte[] {(byte) 0xFE, (byte) 0xFF}, text, "UTF-16BE"));
    cases.put("UTF-16 (little-endian)", withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, text, "UTF-16LE"));
    cases.forEach((encoding, bytes) -> {
      Diagnostic d = only(reader.read("in.yaml", bytes));
      assertEquals(DiagnosticCode.INPUT_ENCODING, d.code());
      assertEquals("the input is " + encoding + ", not UTF-8", d.message());
    });
  }

  private static byte[] withBom(byte[] bom, String text, String charset) {
    byte[] body = text.getBytes(java.nio.charset.Charset.forName(charset));
    byte[] all = java.util.Arrays.copyOf(bom, bom.length + body.length);
    System.arraycopy(body, 0, all, bom.length, body.length);
    return all;
  }

  @Test
  void overSizeInputIsRefusedBeforeParsing() {
    ManifestReader small = ManifestReader.create(ReadLimits.builder().maxInputBytes(1024).build());
    assertEquals(DiagnosticCode.INPUT_TOO_LARGE,
        only(small.read("in.yaml", new java.io.ByteArrayInputStream(new byte[4096]))).code());
  }

  @Test
  void emptyFileIsAWarning() {
    for (String empty : List.of("", "\n\n", "# only a comment\n", "---\n---\n")) {
      Diagnostic d = only(reader.read("in.yaml", empty));
      assertEquals(DiagnosticCode.INPUT_EMPTY, d.code(), empty);
      assertEquals(Severity.WARNING, d.severity());
    }
  }

  @Test
  void binaryGarbageIsAnEncodingError() {
    byte[] garbage = new byte[4096];
    new Random(7).nextBytes(garbage);
    Diagnostic d = only(reader.read("in.yaml", garbage));
    assertEquals(DiagnosticCode.INPUT_ENCODING, d.code());
    assertTrue(d.message().contains("not UTF-8"), d.message());

    byte[] nulBytes = "apiVersion: v1\nkind: \u0000\u0001\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(DiagnosticCode.INPUT_ENCODING, only(reader.read("in.yaml", nulBytes)).code());
  }

  @Test
  void invalidUtf8IsLocated() {
    byte[] bytes = "apiVersion: v1\nkind: x\u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
    Diagnostic d = only(reader.read("in.yaml", bytes));
    assertEquals(DiagnosticCode.INPUT_ENCODING, d.code());
    assertEquals(2, d.line());
    assertEquals(8, d.column());
  }

  @Test
  void syntaxErrorIsLocatedAndKeepsEarlierDocuments() {
    String text = "apiVersion: kubermatic.k8c.io/v1\nkind: Seed\nmetadata: {name: s}\n---\na: [b\n";
    Inputs r = reader.read("in.yaml", text);
    assertEquals(1, r.seeds().size());
    Diagnostic d = only(r);
    assertEquals(DiagnosticCode.YAML_SYNTAX, d.code());
    assertEquals(6, d.line());
  }

  @Test
  void duplicateKeysAreErrors() {
    Diagnostic d = only(reader.read("in.yaml", CLUSTER_HEAD
        + "  exposeStrategy: NodePort\n  exposeStrategy: LoadBalancer\n"));
    assertAt(d, DiagnosticCode.DUPLICATE_KEY, 7, 3, "spec.exposeStrategy");
  }

  @Test
  void mergeKeysInReadMappingsAreErrors() {
    Inputs r = reader.read("in.yaml", "status: &b {exposeStrategy: NodePort}\n" + CLUSTER_HEAD + "  <<: *b\n");
    List<Diagnostic> errors = r.diagnostics().stream().filter(x -> x.severity() == Severity.ERROR).toList();
    assertEquals(List.of(DiagnosticCode.MERGE_KEY), errors.stream().map(Diagnostic::code).toList(), r::toString);
  }

  @Test
  void missingNameIsAnError() {
    Diagnostic d = only(reader.read("in.yaml", "apiVersion: kubermatic.k8c.io/v1\nkind: Cluster\nspec: {}\n"));
    assertEquals(DiagnosticCode.FIELD_MISSING, d.code());
    assertEquals("metadata.name", d.path());
  }

  @Test
  void documentThatIsNotAMappingIsAnError() {
    assertEquals(DiagnosticCode.DOCUMENT_NOT_OBJECT, only(reader.read("in.yaml", "- a\n- b\n")).code());
  }

  @Test
  void documentWithoutKindIsAWarning() {
    assertEquals(DiagnosticCode.NOT_A_KUBERNETES_OBJECT, only(reader.read("in.yaml", "a: b\n")).code());
  }

  @Test
  void oneGiantTokenFailsFast() {
    // A single long scalar used to make the parser quadratic; it must fail in well under a second.
    String giant = "x: \"" + "y".repeat(9 * 1024 * 1024) + "\"\n";
    Inputs r = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> reader.read("in.yaml", giant));
    assertEquals(DiagnosticCode.DOCUMENT_TOO_LARGE, only(r).code());
  }

  @Test
  void recursiveAliasIsRefusedNotFollowed() {
    Diagnostic d = only(reader.read("in.yaml", "a: &a [1, *a]\n"));
    assertEquals(DiagnosticCode.YAML_ALIAS_LIMIT, d.code());
    assertEquals(1, d.line());
    assertEquals(11, d.column());
  }

  @Test
  void kubernetesYaml11BooleansAreBooleans() {
    Inputs r = reader.read("in.yaml", CLUSTER_HEAD + "  features: {apiserverNetworkPolicy: yes, other: off}\n");
    assertEquals(List.of(), r.diagnostics());
    assertEquals(java.util.Map.of("apiserverNetworkPolicy", true, "other", false), r.clusters().get(0).spec()
        .features());
  }

  @Test
  void aBooleanLookingNameMustBeQuoted() {
    Diagnostic d = only(reader.read("in.yaml", "apiVersion: kubermatic.k8c.io/v1\nkind: Seed\nmetadata: {name: no}\n"));
    assertEquals(DiagnosticCode.FIELD_TYPE, d.code());
    assertEquals("metadata.name", d.path());
    assertTrue(d.hint().contains("quote"), d.hint());
  }
}
