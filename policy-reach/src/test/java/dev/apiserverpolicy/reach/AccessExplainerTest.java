package dev.apiserverpolicy.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.read.ManifestReader;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.Rendering;
import dev.apiserverpolicy.render.engine.ManifestRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may reach the API server, as explain reports it from the rendered Services. */
class AccessExplainerTest {
  private static final String INPUT = """
      apiVersion: kubermatic.k8c.io/v1
      kind: Seed
      metadata: {name: europe, namespace: kubermatic}
      spec:
        datacenters: {dc-1: {spec: {apiServerServiceType: %s}}}
      ---
      apiVersion: apiserver-policy.dev/v1alpha1
      kind: RenderContext
      metadata: {name: europe}
      spec:
        seedAPIServerEndpoints: [10.0.0.10]
      ---
      apiVersion: kubermatic.k8c.io/v1
      kind: KubermaticConfiguration
      metadata: {name: kubermatic}
      ---
      apiVersion: kubermatic.k8c.io/v1
      kind: Cluster
      metadata: {name: c1}
      spec:
        cloud: {dc: dc-1}
        features: {apiserverNetworkPolicy: true}
        exposeStrategy: NodePort
      status: {address: {port: 30443, externalName: c1.example.com}}
      """;

  private static AccessExplanation explain(String serviceType) {
    Inputs read = ManifestReader.create().read("in.yaml", INPUT.formatted(serviceType));
    assertFalse(read.hasErrors(), () -> read.diagnostics().toString());
    Rendering rendering = ManifestRenderer.renderAll(read, RenderOptions.defaults());
    return AccessExplainer.explain(rendering.clusters().get(0));
  }

  /**
   * The datacenter's apiServerServiceType LoadBalancer makes apiserver-external a load balancer with no
   * source ranges (pkg/resources/apiserver/service.go lines 64-66): explain names it first.
   */
  @Test
  void aDatacenterLoadBalancerIsReportedAsOpen() {
    List<String> clients = explain("LoadBalancer").clients();
    assertTrue(clients.get(0).startsWith("anyone who reaches apiserver-external's own load balancer"),
        clients.toString());
  }

  @Test
  void aDatacenterClusterIpHasNoLoadBalancerToReport() {
    List<String> clients = explain("ClusterIP").clients();
    assertEquals(List.of(), clients.stream().filter(c -> c.contains("apiserver-external's own load balancer"))
        .toList());
  }
}
