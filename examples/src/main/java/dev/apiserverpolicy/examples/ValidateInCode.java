package dev.apiserverpolicy.examples;

import dev.apiserverpolicy.ApiserverPolicy;
import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ClusterSpec;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.KubermaticConfiguration;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.Seed;
import java.io.PrintStream;
import java.util.List;

/**
 * Embedding example: build a cluster, its seed and context in code (no YAML), and check
 * them through the front door, as the CLI does. Its test runs it; it is also a plain {@code main}.
 */
public final class ValidateInCode {
  private ValidateInCode() {}

  /** Validates two clusters and prints what it finds; returns the number of findings. */
  public static int run(PrintStream out) {
    Seed seed = Seed.builder().name("europe-west").addDatacenters("hetzner-fsn1").build();
    RenderContext context = RenderContext.builder()
        .name("europe-west")
        .seedAPIServerEndpoints(List.of(Cidr.parseHost("10.0.0.10")))
        .build();
    ClusterSpec restricted = ClusterSpec.builder()
        .putFeatures(ClusterSpec.APISERVER_NETWORK_POLICY, true)
        .exposeStrategy(ExposeStrategy.LOAD_BALANCER).datacenter("hetzner-fsn1")
        .apiServerAllowedIPRanges(List.of(Cidr.parse("192.0.2.0/24")))
        .build();
    ClusterSpec wrongStrategy = ClusterSpec.builder().from(restricted)
        .exposeStrategy(ExposeStrategy.NODE_PORT)
        .build();

    int findings = 0;
    for (Cluster cluster : List.of(
        Cluster.builder().name("payments").spec(restricted).build(),
        Cluster.builder().name("dev-tools").spec(wrongStrategy).build())) {
      Inputs inputs = Inputs.builder().addSeeds(seed).addContexts(context).addClusters(cluster)
          .addKubermaticConfigurations(KubermaticConfiguration.builder().name("kubermatic").build()).build();
      List<Diagnostic> diagnostics = ApiserverPolicy.create().render(inputs).diagnostics();
      out.println(cluster.name() + ": " + (diagnostics.isEmpty() ? "ok" : diagnostics.size() + " finding(s)"));
      for (Diagnostic d : diagnostics) {
        out.println("  " + d.describe());
      }
      findings += diagnostics.size();
    }
    return findings;
  }

  /** Entry point. */
  public static void main(String[] args) {
    run(System.out);
  }
}
