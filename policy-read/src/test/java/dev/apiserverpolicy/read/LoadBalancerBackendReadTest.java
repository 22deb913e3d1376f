package dev.apiserverpolicy.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.Inputs;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code loadBalancerBackends[].service}: read, checked as a Service name, and a misspelling found. */
class LoadBalancerBackendReadTest {
  private static Inputs read(String backend) {
    return ManifestReader.create().read("ctx.yaml", "apiVersion: apiserver-policy.dev/v1alpha1\nkind: RenderContext\n"
        + "metadata: {name: europe}\nspec:\n  oidcIssuers:\n  - url: https://dex.example.com\n"
        + "    ips: [203.0.113.20]\n    loadBalancerBackends:\n    - " + backend + "\n");
  }

  @Test
  void theServiceNameIsReadAndChecked() {
    Inputs ok = read("{namespace: tenant-a, service: tenant-a-lb, podLabels: {app: a}}");
    assertEquals(java.util.List.of(), ok.diagnostics());
    assertEquals(Optional.of("tenant-a-lb"),
        ok.contexts().get(0).oidcIssuers().get(0).loadBalancerBackends().get(0).service());
    Inputs bad = read("{namespace: tenant-a, service: 'Tenant_A', podLabels: {app: a}}");
    assertTrue(bad.diagnostics().stream().anyMatch(d -> d.code() == DiagnosticCode.FIELD_VALUE
        && d.message().contains("not a Service name")), bad.diagnostics()::toString);
    Inputs typo = read("{namespace: tenant-a, servce: tenant-a-lb, podLabels: {app: a}}");
    assertTrue(typo.diagnostics().stream().anyMatch(d -> d.code() == DiagnosticCode.FIELD_UNKNOWN
        && d.hint().contains("service")), typo.diagnostics()::toString);
  }
}
