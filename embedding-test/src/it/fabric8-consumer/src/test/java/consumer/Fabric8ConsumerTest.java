package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.apiserverpolicy.ApiserverPolicy;
import dev.apiserverpolicy.fabric8.Fabric8Objects;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.File;
import java.io.IOException;
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
}
