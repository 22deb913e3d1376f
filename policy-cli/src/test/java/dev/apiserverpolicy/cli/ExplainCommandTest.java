package dev.apiserverpolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code explain}: the evaluator's view of the rendered manifests, in three formats. */
class ExplainCommandTest {
  @Test
  void tableNamesDestinationsConnectionsAndPolicies() {
    Cli.Result r = Cli.run("explain", Cli.quickstart().toString(), "--cluster", "dev-tools", "--profile",
        "least-privilege");
    assertEquals(0, r.exit(), r::toString);
    String out = r.out();
    assertTrue(out.startsWith("Cluster dev-tools (seed europe-west, namespace cluster-dev-tools, profile "
        + "least-privilege, strategy NodePort)\n"), out);
    assertTrue(out.matches("(?s).*pods app=etcd,cluster=dev-tools +TCP 2379 +etcd-allow\n.*"), out);
    assertTrue(out.matches("(?s).*10\\.0\\.0\\.10/32 +TCP 6443 +seed-apiserver-allow\n.*"), out);
    assertTrue(out.matches("(?s).*any other pod +No Connections +-\n.*"), out);
    assertTrue(out.matches("(?s).*any other address +No Connections +-\n.*"), out);
    assertTrue(out
        .contains("anyone who can reach the seed's nodeport-proxy: NodePort has no per-cluster source ranges"));
  }

  @Test
  void kkpProfileShowsDnsToAnywhere() {
    Cli.Result r = Cli.run("explain", Cli.quickstart().toString(), "--cluster", "payments");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().matches("(?s).*any other address +TCP 53,UDP 53 +dns-allow\n.*"), r.out());
    assertTrue(r.out().contains("    192.0.2.0/24\n"), "the allow-list");
    assertTrue(r.out().contains("Note: apiserver-external is also a NodePort on every seed node"));
  }

  @Test
  void gateOffMeansAnything() {
    Cli.Result r = Cli.run("explain", Cli.quickstart().toString(), "--cluster", "legacy-batch");
    assertEquals(0, r.exit());
    assertTrue(r.out().matches("(?s).*anything +All Connections +-\n.*"), r.out());
    assertTrue(r.out().contains("the apiserverNetworkPolicy gate is not on"));
  }

  @Test
  void mermaidAndDot() {
    Cli.Result mermaid = Cli.run("explain", Cli.quickstart().toString(), "--cluster", "payments", "--format",
        "mermaid");
    assertEquals(0, mermaid.exit());
    assertTrue(mermaid.out()
        .startsWith("flowchart LR\n  subgraph c0 [\"cluster payments (LoadBalancer, kkp-v2.31)\"]"));
    assertTrue(mermaid.out().contains("c0api -->|\"All Connections\"| c0t3[\"pods app=etcd,cluster=payments\"]"),
        mermaid.out());
    Cli.Result dot = Cli.run("explain", Cli.quickstart().toString(), "--format", "dot");
    assertEquals(0, dot.exit());
    assertTrue(dot.out().startsWith("digraph apiserver_access {"));
    assertEquals(5, dot.out().split("subgraph cluster_").length - 1, "every cluster");
  }

  @Test
  void unknownClusterAndFormat() {
    assertEquals(1, Cli.run("explain", Cli.quickstart().toString(), "--cluster", "nope").exit());
    assertEquals(2, Cli.run("explain", Cli.quickstart().toString(), "--format", "svg").exit());
    assertEquals(0, Cli.run("explain", "--help").exit());
  }

  @Test
  void theReadmesPictureIsWhatTheCommandDraws() throws java.io.IOException {
    String readme = java.nio.file.Files.readString(dev.apiserverpolicy.testing.ProjectFiles.root()
        .resolve("README.md"));
    String block = readme.substring(readme.indexOf("```mermaid\n") + "```mermaid\n".length());
    block = block.substring(0, block.indexOf("```"));
    Cli.Result r = Cli.run("explain", Cli.quickstart().toString(), "--cluster", "payments", "--format", "mermaid");
    assertEquals(block, r.out(), "regenerate the README block with the command it names");
  }
}
