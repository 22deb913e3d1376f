package consumer;

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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The quick start through the front door, from files and from inputs built in code. */
public final class QuickStart {
  private QuickStart() {}

  /** Every YAML file under a folder, rendered. */
  public static ApiserverPolicy.Result fromFiles(Path folder) {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path file : all.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        files.put(folder.relativize(file).toString(), Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ApiserverPolicy.create().render(files);
  }

  /** One seed and one LoadBalancer cluster, built in code. */
  public static ApiserverPolicy.Result fromTypedInputs() {
    Inputs inputs = Inputs.builder()
        .addSeeds(Seed.builder().name("europe-west").addDatacenters("dc-1").build())
        .addContexts(RenderContext.builder().name("europe-west")
            .seedAPIServerEndpoints(List.of(Cidr.parseHost("10.0.0.10"))).build())
        .addKubermaticConfigurations(KubermaticConfiguration.builder().name("kubermatic").build())
        .addClusters(Cluster.builder().name("payments").spec(ClusterSpec.builder()
            .putFeatures(ClusterSpec.APISERVER_NETWORK_POLICY, true)
            .exposeStrategy(ExposeStrategy.LOAD_BALANCER).datacenter("dc-1")
            .apiServerAllowedIPRanges(List.of(Cidr.parse("192.0.2.0/24"))).build()).build())
        .build();
    return ApiserverPolicy.create().render(inputs);
  }

  /** The findings, one line each, as a tool would print them. */
  public static String describe(ApiserverPolicy.Result result) {
    return result.diagnostics().stream().map(Diagnostic::describe).collect(Collectors.joining("\n"));
  }
}
