package dev.apiserverpolicy.examples;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ClusterSpec;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.model.KubermaticConfiguration;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.Seed;
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.bind.ClusterValidator;
import java.io.PrintStream;
import java.util.List;

/**
 * Embedding example: build a cluster, its seed and context in code (no YAML), and check
 * them the way the CLI does. Its test runs it; it is also a plain {@code main}.
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
        .exposeStrategy(ExposeStrategy.LOAD_BALANCER)
        .apiServerAllowedIPRanges(List.of(Cidr.parse("192.0.2.0/24")))
        .build();
    ClusterSpec wrongStrategy = ClusterSpec.builder().from(restricted)
        .exposeStrategy(ExposeStrategy.NODE_PORT)
        .build();

    int findings = 0;
    for (Cluster cluster : List.of(
        Cluster.builder().name("payments").spec(restricted).build(),
        Cluster.builder().name("dev-tools").spec(wrongStrategy).build())) {
      List<Diagnostic> diagnostics = ClusterValidator.validate(
          ClusterInputs.builder().cluster(cluster).seed(seed).context(context)
              .kubermaticConfiguration(KubermaticConfiguration.builder().name("kubermatic").build()).build());
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
