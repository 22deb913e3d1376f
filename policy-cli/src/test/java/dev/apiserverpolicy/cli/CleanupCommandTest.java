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
            + "audit-sink-allow default-deny-all-egress dns-allow etcd-allow machine-controller-webhook-allow "
            + "operating-system-manager-webhook-allow seed-apiserver-allow usercluster-webhook-allow"),
        r.out().lines().toList());
    assertTrue(r.err().contains("1 of 5 clusters have the gate off"));
  }

  @Test
  void anAbsentGateCountsAsOffAndTheProfileDecidesTheNames() throws IOException {
    Path input = Cli.copyQuickstart(tmp);
    Path cluster = input.resolve("clusters/nodeport.yaml");
    Files.writeString(cluster, Files.readString(cluster).replace("  features:\n    apiserverNetworkPolicy: true\n", ""));
    Cli.Result r = Cli.run("cleanup", input.toString(), "--profile", "kkp-v2.18");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("# europe-west/dev-tools: apiserverNetworkPolicy is absent\n"
        + "kubectl delete networkpolicy -n cluster-dev-tools --ignore-not-found audit-sink-allow default-deny-all-egress "
        + "dns-allow etcd-allow machine-controller-webhook-allow metrics-server-allow openvpn-server-allow\n"), r.out());
  }
}
