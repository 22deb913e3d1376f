package dev.apiserverpolicy.examples;

import dev.apiserverpolicy.ApiserverPolicy;
import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ClusterNetwork;
import dev.apiserverpolicy.model.ClusterSpec;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.model.KubermaticConfiguration;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.Seed;
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.ClusterManifests;
import java.io.PrintStream;
import java.util.List;

/**
 * Embedding example: build a LoadBalancer cluster with an allow-list in code, render its
 * NetworkPolicies and Services, and print them as YAML. Its test runs it.
 */
public final class RenderInCode {
  private RenderInCode() {}

  /** Renders and prints; returns the number of objects, or -1 if the cluster had errors. */
  public static int run(PrintStream out, PrintStream err) {
    Seed seed = Seed.builder()
        .name("europe-west")
        .addDatacenters("aws-eu-central-1a")
        .addDefaultAPIServerAllowedIPRanges(Cidr.parse("198.51.100.0/28"))
        .build();
    RenderContext context = RenderContext.builder()
        .name("europe-west")
        .seedAPIServerEndpoints(List.of(Cidr.parseHost("10.0.0.10")))
        .build();
    Cluster cluster = Cluster.builder()
        .name("payments")
        .spec(ClusterSpec.builder()
            .putFeatures(ClusterSpec.APISERVER_NETWORK_POLICY, true)
            .clusterNetwork(ClusterNetwork.builder().konnectivityEnabled(true).build())
            .exposeStrategy(ExposeStrategy.LOAD_BALANCER)
            .datacenter("aws-eu-central-1a")
            .cloudProvider("aws")
            .apiServerAllowedIPRanges(List.of(Cidr.parse("192.0.2.0/24")))
            .build())
        .statusPort(30443)
        .build();
    // The installation: with OpenIDAuthPlugin off, the API server need not reach KKP's own issuer.
    KubermaticConfiguration installation = KubermaticConfiguration.builder().name("kubermatic").build();

    ClusterManifests manifests = ApiserverPolicy.create().render(ClusterInputs.builder().cluster(cluster).seed(seed)
        .context(context).kubermaticConfiguration(installation).build());
    for (Diagnostic d : manifests.diagnostics()) {
      err.println(d.describe());
    }
    if (manifests.failed()) {
      return -1;
    }
    out.print(ApiserverPolicy.yamlHeader("RenderInCode.java") + ApiserverPolicy.yamlDocuments(manifests));
    return manifests.objects().size();
  }

  /** Entry point. */
  public static void main(String[] args) {
    System.exit(run(System.out, System.err) < 0 ? 1 : 0);
  }
}
