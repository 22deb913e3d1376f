package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.apiserverpolicy.ApiserverPolicy;
import dev.apiserverpolicy.fabric8.Fabric8Objects;
import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ClusterSpec;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.KubermaticConfiguration;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.Seed;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class Fabric8ConsumerTest {
  private static final String CHOSEN = System.getProperty("consumer.fabric8.version");

  /** Every fabric8 jar the consumer runs with is of the version it chose: ours decided none. */
  @Test
  void fabric8IsTheConsumersVersion() {
    List<String> others = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(entry -> Path.of(entry).getFileName().toString())
        .filter(jar -> jar.startsWith("kubernetes-") && !jar.endsWith("-" + CHOSEN + ".jar")).toList();
    assertEquals(List.of(), others, "fabric8 jars of another version than " + CHOSEN);
  }

  @Test
  void theQuickstartBecomesThisFabric8sObjectsWithNothingLost() throws IOException {
    Path quickstart = Path.of(System.getProperty("quickstart"));
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(quickstart)) {
      for (Path file : all.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        files.put(quickstart.relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    ApiserverPolicy.Result result = ApiserverPolicy.create().render(files);
    assertFalse(result.hasErrors(), () -> result.diagnostics().toString());
    List<HasMetadata> objects = Fabric8Objects.of(result);
    assertEquals(result.objects().size(), objects.size());
    KubernetesSerialization serialization = new KubernetesSerialization();
    for (int i = 0; i < objects.size(); i++) {
      assertEquals(result.trees().get(i), serialization.convertValue(objects.get(i), Map.class));
    }
  }

  private static final String AS_FILES = """
      apiVersion: kubermatic.k8c.io/v1
      kind: Seed
      metadata: {name: europe-west, namespace: kubermatic}
      spec: {datacenters: {dc-1: {}}}
      ---
      apiVersion: apiserver-policy.dev/v1alpha1
      kind: RenderContext
      metadata: {name: europe-west}
      spec: {seedAPIServerEndpoints: [10.0.0.10]}
      ---
      apiVersion: kubermatic.k8c.io/v1
      kind: KubermaticConfiguration
      metadata: {name: kubermatic, namespace: kubermatic}
      ---
      apiVersion: kubermatic.k8c.io/v1
      kind: Cluster
      metadata: {name: payments}
      spec:
        cloud: {dc: dc-1}
        exposeStrategy: LoadBalancer
        features: {apiserverNetworkPolicy: true}
        apiServerAllowedIPRanges: {cidrBlocks: [192.0.2.0/24]}
      """;

  /** The front door from inputs built in code gives what it gives from the same inputs as a file. */
  @Test
  void typedInputsRenderAsTheirFileDoes() {
    // README begin typed
    Inputs inputs = Inputs.builder()                              // dev.apiserverpolicy.model.Inputs
        .addSeeds(Seed.builder().name("europe-west").addDatacenters("dc-1").build())
        .addContexts(RenderContext.builder().name("europe-west")
            .seedAPIServerEndpoints(List.of(Cidr.parseHost("10.0.0.10"))).build())
        .addKubermaticConfigurations(KubermaticConfiguration.builder().name("kubermatic").build())
        .addClusters(Cluster.builder().name("payments").spec(ClusterSpec.builder()
            .putFeatures(ClusterSpec.APISERVER_NETWORK_POLICY, true)
            .exposeStrategy(ExposeStrategy.LOAD_BALANCER).datacenter("dc-1")
            .apiServerAllowedIPRanges(List.of(Cidr.parse("192.0.2.0/24"))).build()).build())
        .build();
    ApiserverPolicy.Result typed = ApiserverPolicy.create().render(inputs);    // a Result, as from files
    // README end typed
    ApiserverPolicy.Result read = ApiserverPolicy.create().render(Map.of("payments.yaml",
        AS_FILES.getBytes(StandardCharsets.UTF_8)));
    assertFalse(typed.hasErrors(), () -> typed.diagnostics().toString());
    assertFalse(read.hasErrors(), () -> read.diagnostics().toString());
    assertFalse(typed.objects().isEmpty());
    assertEquals(read.objects(), typed.objects());
    assertEquals(read.trees(), typed.trees());
    assertEquals(Fabric8Objects.of(read), Fabric8Objects.of(typed));
    assertEquals(read.yaml().replace("payments.yaml", ApiserverPolicy.BUILT_IN_CODE), typed.yaml());
  }
}
