package dev.apiserverpolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -q, -v, --progress, and a summary that stays short for a fleet. */
class OutputDetailTest {
  @TempDir
  Path tmp;

  @Test
  void theSummaryCountsFindingsPerCodeAndSeverity() {
    Cli.Result r = Cli.run("render", Cli.quickstart().toString(), "--stdout");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.err().contains("  findings: 3 (1 warning, 2 infos)\n"
        + "    1 warning nodeport-bypass\n"
        + "    1 info    seed-defaults-not-applied\n"
        + "    1 info    webhook-port-differs\n"), r::toString);
    Cli.Result lint = Cli.run("lint", Cli.quickstart().toString());
    assertTrue(lint.err().contains("apiserver-policy: 3 findings in 8 files\n  findings: 3 (1 warning, 2 infos)\n"
        + "    1 warning nodeport-bypass\n"), lint::toString);
  }

  @Test
  void aLargeGroupOfClustersIsCountedAndShortenedUnlessVerbose() throws IOException {
    Path input = Cli.copyQuickstart(tmp);
    String gateOff = Files.readString(input.resolve("clusters/gate-off.yaml"));
    for (int i = 1; i <= 7; i++) {
      Files.writeString(input.resolve("clusters/off-" + i + ".yaml"), gateOff.replace("legacy-batch", "off-" + i));
    }
    Cli.Result r = Cli.run("render", input.toString(), "--stdout");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.err().contains("  no NetworkPolicies (the apiserverNetworkPolicy gate is not on): 8 clusters\n"
        + "    legacy-batch\n    off-1\n    off-2\n    off-3\n    off-4\n"
        + "    and 3 more (--verbose names every one)\n"), r::toString);
    Cli.Result verbose = Cli.run("render", input.toString(), "--stdout", "-v");
    assertTrue(verbose.err().contains(": 8 clusters\n    legacy-batch\n    off-1\n    off-2\n    off-3\n"
        + "    off-4\n    off-5\n    off-6\n    off-7\n"), verbose::toString);
    assertFalse(verbose.err().contains("more (--verbose"), verbose::toString);
    assertEquals(r.out(), verbose.out(), "the manifests do not depend on how much is said");
  }

  @Test
  void quietKeepsFindingsAndDropsTheSummary() throws IOException {
    Cli.Result r = Cli.run("render", Cli.quickstart().toString(), "--out", tmp.resolve("out").toString(), "-q");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.err().contains("warning[nodeport-bypass]"), r::toString);
    assertFalse(r.err().contains("apiserver-policy:"), r::toString);
    assertFalse(r.err().contains("findings: 3"), r::toString);
    Cli.Result lint = Cli.run("lint", Cli.quickstart().toString(), "--quiet");
    assertTrue(lint.out().contains("warning[nodeport-bypass]"), lint::toString);
    assertEquals("", lint.err(), lint::toString);
    Cli.Result cleanup = Cli.run("cleanup", Cli.quickstart().toString(), "-q");
    assertFalse(cleanup.err().contains("apiserver-policy:"), cleanup::toString);
    assertTrue(cleanup.out().contains("legacy-batch"), cleanup::toString);
  }

  @Test
  void progressGoesToStderrOnlyAndChangesNoOutput() throws IOException {
    Path plain = tmp.resolve("plain");
    Path shown = tmp.resolve("shown");
    assertEquals(0, Cli.run("render", Cli.quickstart().toString(), "--out", plain.toString()).exit());
    Cli.Result r = Cli.run("render", Cli.quickstart().toString(), "--out", shown.toString(), "--progress");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.err().startsWith("apiserver-policy: reading files: 1 of 8\n"), r::toString);
    assertTrue(r.err().contains("apiserver-policy: reading files: 8 of 8\n"), r::toString);
    assertTrue(r.err().contains("apiserver-policy: rendered clusters: 5 of 5\n"), r::toString);
    assertTrue(r.err().contains("apiserver-policy: written files: 1\n"), r::toString);
    assertEquals(Cli.files(plain), Cli.files(shown));
    Cli.Result stdout = Cli.run("render", Cli.quickstart().toString(), "--stdout", "--progress");
    assertFalse(stdout.out().contains("reading files"), "never in the manifests");
    assertEquals(Cli.run("render", Cli.quickstart().toString(), "--stdout").out(), stdout.out());
    Cli.Result lint = Cli.run("lint", Cli.quickstart().toString(), "-o", "json", "--progress");
    assertTrue(lint.out().startsWith("["), lint::toString);
    assertTrue(lint.err().contains("rendered clusters: 5 of 5"), lint::toString);
  }

  @Test
  void quietContradictsVerboseAndProgress() {
    for (String other : new String[] {"-v", "--progress"}) {
      Cli.Result r = Cli.run("lint", Cli.quickstart().toString(), "-q", other);
      assertEquals(2, r.exit(), r::toString);
      assertTrue(r.err().startsWith("error: --quiet goes with neither --verbose nor --progress"), r::toString);
    }
  }
}
