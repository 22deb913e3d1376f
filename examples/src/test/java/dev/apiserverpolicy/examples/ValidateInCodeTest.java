package dev.apiserverpolicy.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ValidateInCodeTest {
  @Test
  void printsOneFindingForTheNodePortCluster() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int findings = ValidateInCode.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertEquals(1, findings);
    assertEquals("""
        payments: ok
        dev-tools: 1 finding(s)
          error[allowed-ranges-strategy] Cluster/dev-tools spec.apiServerAllowedIPRanges: Access control for \
        API server is supported only for LoadBalancer expose strategy (the strategy is NodePort) (hint: set \
        spec.exposeStrategy: LoadBalancer, or remove the ranges (an empty list is allowed))
        """, bytes.toString(StandardCharsets.UTF_8));
  }
}
