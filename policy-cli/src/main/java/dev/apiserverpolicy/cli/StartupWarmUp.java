package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.ApiserverPolicy;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.read.ManifestReader;

/**
 * Reads, renders and writes one small built-in cluster on a background thread while picocli
 * builds the command line, and throws the result away. The first use of the reader, the
 * renderer and the writer initialises their classes and links their lambdas, a good part of
 * a short run; doing it beside picocli's own start-up (single-threaded, about a tenth of a
 * second) overlaps the two. The output of the real command does not depend on it.
 */
final class StartupWarmUp {
  private StartupWarmUp() {}

  // One of each object kind a render reads, in the shapes the quickstart uses.
  static final String INPUT = """
      apiVersion: kubermatic.k8c.io/v1
      kind: Seed
      metadata: {name: warm-up}
      spec:
        datacenters: {dc-1: {}}
        exposeStrategy: NodePort
        defaultAPIServerAllowedIPRanges: [10.0.0.0/24]
        nodeportProxy: {envoy: {loadBalancerService: {sourceRanges: [192.0.2.0/24]}}}
      ---
      apiVersion: apiserver-policy.dev/v1alpha1
      kind: RenderContext
      metadata: {name: warm-up}
      spec:
        profile: kkp-v2.31
        seedAPIServerEndpoints: [10.0.0.10]
        clusterDNS: {namespace: kube-system, podLabels: {k8s-app: kube-dns}}
        clientNetworks: {userClusterWorkers: [172.16.0.0/16], seedPods: [10.244.0.0/16]}
      ---
      apiVersion: kubermatic.k8c.io/v1
      kind: KubermaticConfiguration
      metadata: {name: kubermatic}
      spec: {featureGates: {OpenIDAuthPlugin: false}}
      ---
      apiVersion: kubermatic.k8c.io/v1
      kind: Cluster
      metadata: {name: warm-up}
      spec:
        cloud: {dc: dc-1, aws: {}}
        exposeStrategy: LoadBalancer
        features: {apiserverNetworkPolicy: true}
        clusterNetwork: {konnectivityEnabled: true}
        apiServerAllowedIPRanges: {cidrBlocks: [203.0.113.0/24]}
      """;

  /** Starts the warm-up on a daemon thread (it never delays the exit). */
  static void start() {
    Thread thread = new Thread(StartupWarmUp::run, "apiserver-policy-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  static int run() {
    try {
      Inputs read = ManifestReader.create().read("warm-up", INPUT);
      int[] written = {0};
      ApiserverPolicy.create().renderEach(read, ApiserverPolicy::yamlDocuments, yaml -> written[0] += yaml.length());
      return written[0];
    } catch (RuntimeException e) {
      // Only a warm-up: whatever went wrong will show (and be reported) in the real run.
      return 0;
    }
  }
}
