package dev.apiserverpolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
    assertTrue(out.matches("(?s).*pods app=etcd,cluster=dev-tools in namespace cluster-dev-tools +TCP 2379 "
        + "+etcd-allow\n.*"), out);
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
    assertTrue(mermaid.out().startsWith("flowchart LR\n  subgraph c0 [\"cluster payments (LoadBalancer, kkp-v2.31)\"]\n"
        + "    direction LR\n"));
    String etcd = mermaid.out().replaceAll("(?s).*\n    (c0_to\\d+)\\[\"pods app=etcd,cluster=payments in namespace "
        + "cluster-payments\"].*", "$1");
    assertTrue(mermaid.out().contains("    c0_api -->|\"All Connections by dns-allow, etcd-allow\"| " + etcd + "\n"),
        mermaid.out());
    assertTrue(mermaid.out().contains(" -.->|\"Service apiserver-external's NodePort on every seed node (bypass)\"| "
        + "c0_api\n"), "the NodePort bypass is drawn");
    assertTrue(mermaid.out().contains(" -->|\"Service front-loadbalancer\"| c0_api\n"), "the way in is named");
    Cli.Result dot = Cli.run("explain", Cli.quickstart().toString(), "--format", "dot");
    assertEquals(0, dot.exit());
    assertTrue(dot.out().startsWith("digraph apiserver_access {"));
    assertEquals(5, dot.out().split("subgraph cluster_").length - 1, "every cluster");
    assertEquals(4, dot.out().split("label=\"10.0.0.10/32\"", -1).length - 1,
        "a destination once in each cluster's picture that reaches it (not legacy-batch: its gate is off)");
    assertTrue(dot.out().contains("    c3_who1__c3_api [shape=box, style=\"rounded,filled\", fillcolor=gray95, "
        + "color=gray70, fontsize=9, label=\"Service apiserver-external's NodePort on every seed node (bypass)\", "
        + "fontcolor=red];\n    c3_who1 -> c3_who1__c3_api [arrowhead=none, style=dashed, color=red];\n"), dot.out());
  }

  @Test
  void oneClusterMeansItsFindingsOnly() {
    Cli.Result all = Cli.run("explain", Cli.quickstart().toString());
    assertTrue(all.err().contains("Cluster/sandbox"), all::toString);
    Cli.Result one = Cli.run("explain", Cli.quickstart().toString(), "--cluster", "payments");
    assertTrue(one.err().contains("Cluster/payments"), one::toString);
    assertFalse(one.err().contains("Cluster/sandbox"), one::toString);
  }

  @Test
  void jsonHasTheDocumentedShape() throws Exception {
    Cli.Result r = Cli.run("explain", Cli.quickstart().toString(), "-o", "json");
    assertEquals(0, r.exit(), r::toString);
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertEquals("apiserver-policy.dev/explain/v1", tree.get("apiVersion").asText());
    assertEquals(5, tree.get("clusters").size());
    var payments = tree.get("clusters").get(3);
    assertEquals("payments", payments.get("cluster").asText());
    List<String> keys = new java.util.ArrayList<>();
    payments.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("cluster", "seed", "namespace", "profile", "strategy", "egress", "ingress", "clients",
        "notes"), keys);
    assertEquals("TCP 53,8443,UDP 53", java.util.stream.StreamSupport.stream(payments.get("egress").spliterator(),
        false).filter(d -> d.get("destination").asText().equals("203.0.113.30/32")).findFirst().orElseThrow()
        .get("connections").asText());
    var bypass = payments.get("ingress").get(payments.get("ingress").size() - 1);
    assertEquals("Service apiserver-external's NodePort on every seed node (bypass)", bypass.get("path").asText());
    assertTrue(bypass.get("bypass").asBoolean(), "the bypass is marked");
    assertFalse(payments.get("ingress").get(0).get("bypass").asBoolean(), "the front door is not");
  }

  @Test
  void unknownClusterAndFormat() {
    assertEquals(1, Cli.run("explain", Cli.quickstart().toString(), "--cluster", "nope").exit());
    assertEquals(2, Cli.run("explain", Cli.quickstart().toString(), "--format", "svg").exit());
    assertEquals(0, Cli.run("explain", "--help").exit());
  }

  @Test
  void theReadmesPictureIsWhatTheCommandDraws() throws java.io.IOException {
    Cli.Result r = Cli.run("explain", Cli.quickstart().toString(), "--cluster", "payments", "--format", "mermaid");
    assertEquals(Cli.readmeMermaidBlock(0), r.out(), "regenerate the README block with the command it names");
  }
}
