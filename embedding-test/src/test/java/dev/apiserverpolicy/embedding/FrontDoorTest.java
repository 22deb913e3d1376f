package dev.apiserverpolicy.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.apiserverpolicy.ApiserverPolicy;
import dev.apiserverpolicy.fabric8.Fabric8Objects;
import dev.apiserverpolicy.testing.ProjectFiles;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tool on fabric8's client renders the quick start through the front door and gets fabric8 objects. */
class FrontDoorTest {
  @Test
  void theQuickstartBecomesFabric8ObjectsWithNothingLost() {
    Map<String, byte[]> files = ProjectFiles.quickstartFiles();
    ApiserverPolicy.Result result = ApiserverPolicy.create().withExecutor(Runnable::run).render(files);
    assertFalse(result.hasErrors(), () -> result.diagnostics().toString());
    List<HasMetadata> objects = Fabric8Objects.of(result);
    assertEquals(result.objects().size(), objects.size());
    // fabric8's own client serialisation gives back exactly our trees.
    KubernetesSerialization serialization = new KubernetesSerialization();
    List<Map<String, Object>> trees = result.trees();
    for (int i = 0; i < objects.size(); i++) {
      assertEquals(trees.get(i), serialization.convertValue(objects.get(i), Map.class), objects.get(i)
          .getFullResourceName());
    }
  }
}
