package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.apiserverpolicy.ApiserverPolicy;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.util.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ClientJavaConsumerTest {
  private static ApiserverPolicy.Result quickstart() throws IOException {
    Path quickstart = Path.of(System.getProperty("quickstart"));
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(quickstart)) {
      for (Path file : all.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        files.put(quickstart.relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    return ApiserverPolicy.create().render(files);
  }

  /** README's snippet, as README has it (between the markers; ReadmeSnippetsTest), and what it gives. */
  @Test
  void readmesSnippetConvertsEveryTreeAsTheYamlReadsBack() throws IOException {
    ApiserverPolicy.Result result = quickstart();
    assertFalse(result.hasErrors(), () -> result.diagnostics().toString());
    // README begin
    List<Object> objects = new ArrayList<>();
    for (Map<String, Object> tree : result.trees()) {
      Class<?> type = "Service".equals(tree.get("kind")) ? V1Service.class : V1NetworkPolicy.class;
      objects.add(JSON.getGson().fromJson(JSON.getGson().toJsonTree(tree), type));  // io.kubernetes.client.openapi.JSON
    }
    // README end
    List<Object> fromYaml = Yaml.loadAll(result.yaml());
    assertEquals(result.objects().size(), objects.size());
    assertEquals(fromYaml, objects, "the trees and the YAML give the client the same objects");
  }
}
