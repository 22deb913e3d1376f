package dev.apiserverpolicy.fabric8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.apiserverpolicy.ApiserverPolicy;
import dev.apiserverpolicy.model.manifest.KubernetesObject;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.Scenarios;
import dev.apiserverpolicy.render.engine.ManifestRenderer;
import dev.apiserverpolicy.render.yaml.ManifestTrees;
import dev.apiserverpolicy.render.yaml.YamlManifestWriter;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rendered object of every golden scenario becomes a fabric8 object with nothing lost: the
 * right apiVersion and kind, no field that fabric8's model does not know (it keeps those in
 * {@code additionalProperties}, which must be empty everywhere), and fabric8's own serialisation
 * gives back our tree, which is also what our YAML says.
 */
class Fabric8ObjectsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  static Stream<Scenarios.Scenario> scenarios() {
    return Scenarios.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everyObjectConvertsWithNothingLost(Scenarios.Scenario s) throws Exception {
    List<KubernetesObject> objects = ManifestRenderer.render(s.inputs(), s.options()).objects();
    assertTrue(!objects.isEmpty());
    for (KubernetesObject object : objects) {
      HasMetadata converted = Fabric8Objects.of(object);
      boolean cilium = object.kind().equals("CiliumNetworkPolicy");
      assertEquals(object.kind().equals("NetworkPolicy") ? NetworkPolicy.class
          : cilium ? GenericKubernetesResource.class : Service.class, converted.getClass());
      assertEquals(object.apiVersion(), converted.getApiVersion(), object.ref());
      assertEquals(object.kind(), converted.getKind(), object.ref());
      assertEquals(object.metadata().name(), converted.getMetadata().getName());
      if (!cilium) {
        // A GenericKubernetesResource keeps its spec as a map by design: the tree comparison below holds it.
        List<String> unknown = new ArrayList<>();
        collectUnknown(converted, object.ref(), unknown, new IdentityHashMap<>());
        assertEquals(List.of(), unknown, s.name() + " " + object.ref());
      }
      Map<?, ?> back = JSON.convertValue(converted, Map.class);
      assertEquals(ManifestTrees.of(object), back, s.name() + " " + object.ref());
      assertEquals(back, YAML.readValue(YamlManifestWriter.write(object, "fabric8"), Map.class),
          "the YAML says the same");
    }
  }

  @org.junit.jupiter.api.Test
  void aWholeResultInItsOrder() {
    Scenarios.Scenario s = Scenarios.all().get(0);
    ClusterManifests rendered = ManifestRenderer.render(s.inputs(), s.options());
    ApiserverPolicy.Result result = new ApiserverPolicy.Result(List.of(rendered), List.of(), rendered.objects(), "");
    assertEquals(rendered.objects().stream().map(KubernetesObject::ref).toList(),
        Fabric8Objects.of(result).stream().map(h -> h.getKind() + "/" + h.getMetadata().getName()).toList());
  }

  @org.junit.jupiter.api.Test
  void theCheckFindsAMisspeltField() throws Exception {
    NetworkPolicy parsed = YAML.readValue("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: x}
        spec:
          podSelector: {matchLabels: {app: apiserver}}
          egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8, expect: [10.1.0.0/16]}}]}]
        """, NetworkPolicy.class);
    List<String> unknown = new ArrayList<>();
    collectUnknown(parsed, "x", unknown, new IdentityHashMap<>());
    assertEquals(1, unknown.size(), unknown::toString);
    assertTrue(unknown.get(0).endsWith("IpBlock: [expect]"), unknown::toString);
  }

  private static void collectUnknown(Object node, String path, List<String> unknown, Map<Object, Boolean> seen)
      throws InvocationTargetException, IllegalAccessException {
    if (node == null || seen.put(node, true) != null) {
      return;
    }
    if (node instanceof Collection<?> c) {
      int i = 0;
      for (Object item : c) {
        collectUnknown(item, path + "[" + i++ + "]", unknown, seen);
      }
      return;
    }
    if (!node.getClass().getName().startsWith("io.fabric8.")) {
      return;
    }
    for (Method m : node.getClass().getMethods()) {
      if (m.getParameterCount() != 0 || !m.getName().startsWith("get") || m.getDeclaringClass() == Object.class) {
        continue;
      }
      Object value = m.invoke(node);
      if (m.getName().equals("getAdditionalProperties")) {
        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
          unknown.add(path + ": " + extra.keySet());
        }
      } else {
        collectUnknown(value, path + "." + m.getName().substring(3), unknown, seen);
      }
    }
  }
}
