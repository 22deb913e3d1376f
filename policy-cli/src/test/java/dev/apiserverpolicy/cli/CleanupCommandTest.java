package dev.apiserverpolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cleanup}: the manual step for clusters not managed by GitOps. */
class CleanupCommandTest {
  @TempDir
  Path tmp;

  @Test
  void printsTheExactDeleteForGateOffClustersOnly() {
    Cli.Result r = Cli.run("cleanup", Cli.quickstart().toString());
    assertEquals(0, r.exit(), r::toString);
    assertEquals(List.of(
        "# europe-west/legacy-batch: apiserverNetworkPolicy is false",
        "kubectl delete networkpolicy -n cluster-legacy-batch --ignore-not-found apiserver-internal-allow "
            + "audit-sink-allow default-deny-all-egress dns-allow etcd-allow kyverno-webhook-allow "
            + "machine-controller-webhook-allow operating-system-manager-webhook-allow seed-apiserver-allow "
            + "usercluster-webhook-allow",
        // The flavour is off today; it may not have been when these were applied.
        "kubectl delete ciliumnetworkpolicy -n cluster-legacy-batch --ignore-not-found audit-sink-allow "
            + "authorization-webhook-allow dns-allow oidc-issuer-allow seed-apiserver-allow"),
        r.out().lines().toList());
    assertTrue(r.err().contains("1 of 5 clusters have the gate off"));
  }

  @Test
  void anAbsentGateCountsAsOffAndTheProfileDecidesTheNames() throws IOException {
    Path input = Cli.copyQuickstart(tmp);
    Path cluster = input.resolve("clusters/nodeport.yaml");
    String gate = "  features:\n    apiserverNetworkPolicy: true\n";
    Files.writeString(cluster, Files.readString(cluster).replace(gate, ""));
    Cli.Result r = Cli.run("cleanup", input.toString(), "--profile", "kkp-v2.18");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("# europe-west/dev-tools: apiserverNetworkPolicy is absent\n"
        + "kubectl delete networkpolicy -n cluster-dev-tools --ignore-not-found audit-sink-allow "
        + "default-deny-all-egress dns-allow etcd-allow machine-controller-webhook-allow metrics-server-allow "
        + "openvpn-server-allow\n"), r.out());
  }

  @Test
  void aNameThatRenderRefusesNeverReachesTheShellLine() throws IOException {
    Path input = Cli.copyQuickstart(tmp);
    Path context = input.resolve("render-context.yaml");
    Files.writeString(context, Files.readString(context).replace("name: audit-sink-allow", "name: 'x; touch owned'"));
    Cli.Result r = Cli.run("cleanup", input.toString());
    assertEquals(1, r.exit(), r::toString);
    assertEquals("", r.out(), "no command for clusters of a seed whose context has errors");
    assertTrue(r.err().contains("error[extra-egress-name] RenderContext/europe-west spec.extraEgress[0].name"),
        r::toString);
    assertTrue(r.err().contains("error[not-rendered] Cluster/legacy-batch"), r::toString);
    assertTrue(r.err().contains("0 of 5 clusters have the gate off; 5 clusters have errors (above) and no command"),
        r::toString);
  }

  @Test
  void anInvalidNamespaceIsReportedNotHidden() throws IOException {
    Path input = Cli.copyQuickstart(tmp);
    Path cluster = input.resolve("clusters/gate-off.yaml");
    Files.writeString(cluster, Files.readString(cluster) + "status:\n  namespaceName: 'x; touch owned'\n");
    Cli.Result r = Cli.run("cleanup", input.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(!r.out().contains("touch"), r::toString);
    assertTrue(r.err().contains("error[cluster-name-invalid] Cluster/legacy-batch status.namespaceName"), r::toString);
    // The reader leaves the cluster out: its error is a finding of the input, not of a cluster.
    assertTrue(r.err().contains("apiserver-policy: 0 of 4 clusters have the gate off"), r::toString);
  }

  @Test
  void aClusterWhosePoliciesCannotBeListedSaysWhy() throws IOException {
    Path input = Cli.copyQuickstart(tmp);
    Path context = input.resolve("render-context.yaml");
    Files.writeString(context, Files.readString(context)
        .replace("  seedAPIServerEndpoints: [10.0.0.10, 10.0.0.11, 10.0.0.12]\n", ""));
    Cli.Result r = Cli.run("cleanup", input.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("error[seed-endpoints-missing] Cluster/legacy-batch"), r::toString);
    assertTrue(r.err().contains("(needed to list the policies cleanup would delete)"), r::toString);
    assertTrue(!r.out().contains("cluster-legacy-batch"), r::toString);
  }

  @Test
  void theShellLineRefusesAnythingButKubernetesNames() {
    var bad = new dev.apiserverpolicy.render.cleanup.CleanupCommands.Command("europe-west", "c", "cluster-c",
        java.util.Optional.of(false), List.of("ok-name", "$(reboot)"), List.of(), false);
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        bad::shellLine);
    assertTrue(e.getMessage().contains("$(reboot)"));
    var good = new dev.apiserverpolicy.render.cleanup.CleanupCommands.Command("europe-west", "c", "cluster-c",
        java.util.Optional.empty(), List.of("a.b-c"), List.of("dns-allow"), false);
    assertEquals("kubectl delete networkpolicy -n cluster-c --ignore-not-found a.b-c", good.shellLine());
    assertEquals("kubectl delete ciliumnetworkpolicy -n cluster-c --ignore-not-found dns-allow",
        good.ciliumShellLine().orElseThrow());
    var badCilium = new dev.apiserverpolicy.render.cleanup.CleanupCommands.Command("europe-west", "c", "cluster-c",
        java.util.Optional.empty(), List.of(), List.of("x`id`"), false);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, badCilium::ciliumShellLine);
    var badNamespace = new dev.apiserverpolicy.render.cleanup.CleanupCommands.Command("europe-west", "c", "a;b",
        java.util.Optional.empty(), List.of(), List.of(), true);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, badNamespace::shellLine,
        "by label, the namespace is still checked");
    assertEquals("# europe-west/c: apiserverNetworkPolicy is absent", good.comment());
  }

  /** With the managed-by label on, cleanup deletes by label: whatever this tool applied, nothing else. */
  @Test
  void withTheManagedByLabelCleanupDeletesByLabel() throws IOException {
    Path input = Cli.copyQuickstart(tmp);
    Path context = input.resolve("render-context.yaml");
    Files.writeString(context, Files.readString(context).replace("  cni: cilium\n",
        "  cni: cilium\n  managedByLabel: true\n"));
    Cli.Result r = Cli.run("cleanup", input.toString());
    assertEquals(0, r.exit(), r::toString);
    // The Cilium flavour is off today; what it applied when it was on carries the label too.
    assertEquals(List.of("# europe-west/legacy-batch: apiserverNetworkPolicy is false",
        "kubectl delete networkpolicy -n cluster-legacy-batch --ignore-not-found "
            + "-l app.kubernetes.io/managed-by=apiserver-policy",
        "kubectl delete ciliumnetworkpolicy -n cluster-legacy-batch --ignore-not-found "
            + "-l app.kubernetes.io/managed-by=apiserver-policy"), r.out().lines().toList());
  }
}
