package dev.apiserverpolicy.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ValidateInCodeTest {
  @Test
  void printsTheFrontDoorsFindingsForEachCluster() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int findings = ValidateInCode.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertEquals(3, findings);
    assertEquals("""
        payments: 2 finding(s)
          warning[konnectivity-disabled] Cluster/payments spec.clusterNetwork.konnectivityEnabled: \
        konnectivityEnabled is absent, which KKP's controller reads as off: rendered with the OpenVPN \
        policies (openvpn-server-allow, metrics-server-allow) and no konnectivity-server; KKP v2.31's \
        installer refuses to upgrade while it exists ("has not been migrated to Konnectivity yet, which is \
        mandatory for this KKP version") (hint: set spec.clusterNetwork.konnectivityEnabled: true, as KKP's \
        webhook does for a new cluster, once the cluster runs Konnectivity)
          warning[nodeport-bypass] Cluster/payments spec.apiServerAllowedIPRanges: under LoadBalancer, \
        apiserver-external is still a NodePort on every seed node, and the allow-list does not cover that \
        path: anyone who reaches a seed node reaches the API server (hint: block the NodePort range on the \
        seed nodes (cloud firewall or security group) for all but the allowed ranges)
        dev-tools: 1 finding(s)
          error[allowed-ranges-strategy] Cluster/dev-tools spec.apiServerAllowedIPRanges: Access control \
        for API server is supported only for LoadBalancer expose strategy (the strategy is NodePort) (hint: \
        set spec.exposeStrategy: LoadBalancer, or remove the ranges (an empty list is allowed))
        """, bytes.toString(StandardCharsets.UTF_8));
  }
}
