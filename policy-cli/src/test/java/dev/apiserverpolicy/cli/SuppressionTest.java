package dev.apiserverpolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings silenced on the record: per cluster by annotation, per folder by a Suppressions document. */
class SuppressionTest {
  @TempDir
  Path tmp;

  private static final String BYPASS = "warning[nodeport-bypass] Cluster/payments";
  private static final String OPEN = "info[seed-defaults-not-applied] Cluster/sandbox";

  private Path input() throws IOException {
    Path input = Cli.copyQuickstart(tmp);
    Path payments = input.resolve("clusters/loadbalancer-restricted.yaml");
    Files.writeString(payments, Files.readString(payments).replace("  name: payments\n", "  name: payments\n"
        + "  annotations:\n    apiserver-policy.dev/suppress.nodeport-bypass: \"the seed's firewall (NET-142)\"\n"));
    return input;
  }

  private static void suppressions(Path input, String entries) throws IOException {
    Files.writeString(input.resolve("clusters/suppressions.yaml"), "apiVersion: apiserver-policy.dev/v1alpha1\n"
        + "kind: Suppressions\nmetadata: {name: clusters}\nspec:\n  suppress:\n" + entries, StandardCharsets.UTF_8);
  }

  @Test
  void aClusterAnnotationSilencesItsCodeForThatClusterOnlyAndLintSaysWhy() throws IOException {
    Cli.Result before = Cli.run("lint", Cli.quickstart().toString(), "--fail-on", "warning");
    assertEquals(1, before.exit());
    assertTrue(before.out().contains(BYPASS));
    Path input = input();
    Cli.Result r = Cli.run("lint", input.toString(), "--fail-on", "warning");
    assertEquals(0, r.exit(), "the one warning is silenced: " + r);
    assertFalse(r.out().contains(BYPASS), r::toString);
    assertTrue(r.out().contains(OPEN), "other codes still print");
    assertTrue(r.err().contains("apiserver-policy: 1 finding silenced on the record:\n  nodeport-bypass (1x, "
        + "Cluster/payments, "), r.err());
    assertTrue(r.err().contains(".yaml:7): the seed's firewall (NET-142)"), r.err());
    Cli.Result render = Cli.run("render", input.toString(), "--stdout", "--fail-on", "warning");
    assertEquals(0, render.exit(), render::toString);
  }

  @Test
  void aSuppressionsDocumentSilencesItsCodeForTheFilesUnderItsFolder() throws IOException {
    Path input = input();
    suppressions(input, "  - {code: seed-defaults-not-applied, reason: sandbox is open on purpose}\n");
    Cli.Result r = Cli.run("lint", input.toString());
    assertFalse(r.out().contains(OPEN), r::toString);
    assertTrue(r.err().contains("seed-defaults-not-applied (1x, files under " + LoadedInput.display(input)
        + "/clusters/, "), r.err());
    // The same document one folder down silences nothing above it.
    Files.createDirectories(input.resolve("clusters/sub"));
    Files.move(input.resolve("clusters/suppressions.yaml"), input.resolve("clusters/sub/suppressions.yaml"));
    assertTrue(Cli.run("lint", input.toString()).out().contains(OPEN));
  }

  @Test
  void errorsCannotBeSilencedAndEveryBadEntryIsAnError() throws IOException {
    Path input = input();
    suppressions(input, "  - {code: nodeport-bypas, reason: typo}\n  - {code: object-too-large, reason: no}\n"
        + "  - {code: webhook-port-differs}\n  - {code: webhook-port-differs, reasn: x}\n");
    Cli.Result r = Cli.run("lint", input.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.out().contains("error[suppression-invalid] Suppressions/clusters spec.suppress[0].code: no finding "
        + "has the code 'nodeport-bypas'\n  hint: did you mean 'nodeport-bypass'?"), r.out());
    assertTrue(r.out().contains("spec.suppress[1].code: object-too-large is an error, and errors cannot be "
        + "silenced"), r.out());
    assertTrue(r.out().contains("spec.suppress[2].code: silencing webhook-port-differs needs a reason"), r.out());
    assertTrue(r.out().contains("error[field-unknown] Suppressions/clusters spec.suppress[3].reasn: unknown field "
        + "'reasn'\n  hint: did you mean 'reason'?"), r.out());
    assertTrue(r.out().contains("info[webhook-port-differs]"), "an entry that is wrong silences nothing");
  }

  @Test
  void sarifMarksSilencedResultsAndStaysValid() throws IOException {
    Cli.Result r = Cli.run("lint", input().toString(), "--format", "sarif");
    assertTrue(r.out().contains("\"suppressions\": [{\"kind\": \"inSource\", \"status\": \"accepted\", "
        + "\"justification\": \"the seed's firewall (NET-142) ("), r.out());
    assertEquals(java.util.List.of(), SarifReportTest.errors(r.out()), "valid SARIF 2.1.0");
  }

  /** 50,000 copies of one entry, with a reason that would act on a terminal or a shell: linear, and inert. */
  @Test
  void fiftyThousandCopiesOfOneEntryAreOneLookupAndTheirReasonIsPrintedInert() throws IOException {
    Path input = input();
    StringBuilder entries = new StringBuilder();
    String entry = "  - {code: seed-defaults-not-applied, reason: \"$(reboot); \\e[31mred\"}\n";
    for (int i = 0; i < 50_000; i++) {
      entries.append(entry);
    }
    suppressions(input, entries.toString());
    Cli.Result r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
        () -> Cli.run("lint", input.toString()));
    assertEquals(0, r.exit(), r::toString);
    assertFalse(r.out().contains(OPEN), "silenced");
    assertTrue(r.err().contains("seed-defaults-not-applied (1x, files under "), r.err());
    assertTrue(r.err().contains("): $(reboot); \\u001b[31mred"), "shown as text, the escape written out: "
        + r.err());
    assertFalse(r.err().contains("\u001b"), "no raw escape reaches the terminal");
  }
}
