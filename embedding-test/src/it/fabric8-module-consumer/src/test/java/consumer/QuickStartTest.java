package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.apiserverpolicy.ApiserverPolicy;
import dev.apiserverpolicy.fabric8.Fabric8Objects;
import dev.apiserverpolicy.model.manifest.KubernetesObject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Run by Surefire on the module path Maven chose from the descriptors: nothing added by hand. */
class QuickStartTest {
  private static final String CHOSEN = System.getProperty("consumer.fabric8.version");

  @Test
  void theAdapterIsANamedModuleBesideTheConsumersFabric8() {
    assertEquals("consumer.fabric", QuickStart.class.getModule().getName(), "the consumer runs as a module");
    Module adapter = Fabric8Objects.class.getModule();
    assertEquals("dev.apiserverpolicy.fabric8", adapter.getName());
    assertFalse(adapter.getDescriptor().isAutomatic());
    assertEquals("kubernetes.model.core", HasMetadata.class.getModule().getName());
    List<String> others = Stream.of(System.getProperty("jdk.module.path", ""), System.getProperty("java.class.path"))
        .flatMap(path -> Stream.of(path.split(File.pathSeparator))).filter(entry -> !entry.isEmpty())
        .map(entry -> Path.of(entry).getFileName().toString())
        .filter(jar -> jar.startsWith("kubernetes-") && !jar.endsWith("-" + CHOSEN + ".jar")).toList();
    assertEquals(List.of(), others, "fabric8 jars of another version than " + CHOSEN);
  }

  /** Fabric8Objects converts through Jackson's databind, which the adapter's module requires. */
  @Test
  void theQuickStartBecomesFabric8Objects() {
    ApiserverPolicy.Result result = QuickStart.render(Path.of(System.getProperty("quickstart")));
    assertFalse(result.hasErrors(), () -> result.diagnostics().toString());
    List<HasMetadata> objects = QuickStart.asFabric8(result);
    assertEquals(result.objects().size(), objects.size());
    for (int i = 0; i < objects.size(); i++) {
      KubernetesObject ours = result.objects().get(i);
      assertEquals(ours.kind(), objects.get(i).getKind());
      assertEquals(ours.metadata().name(), objects.get(i).getMetadata().getName());
      assertEquals(ours.metadata().namespace(), objects.get(i).getMetadata().getNamespace());
    }
  }
}
