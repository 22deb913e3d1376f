package dev.apiserverpolicy.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.apiserverpolicy.model.manifest.KubernetesObject;
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
 * Every rendered object is a valid Kubernetes object as fabric8's model reads it: the
 * right apiVersion and kind, and no field that the model does not know (fabric8 keeps
 * unknown fields in {@code additionalProperties}; here that map must be empty everywhere).
 */
class Fabric8ValidityTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  static Stream<Scenarios.Scenario> scenarios() {
    return Scenarios.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everyObjectParsesWithNoUnknownField(Scenarios.Scenario s) throws Exception {
    List<KubernetesObject> objects = ManifestRenderer.render(s.inputs(), s.options()).objects();
    assertTrue(!objects.isEmpty());
    for (KubernetesObject object : objects) {
      String yaml = YamlManifestWriter.write(object, "fabric8");
      Class<? extends HasMetadata> type = object.kind().equals("NetworkPolicy") ? NetworkPolicy.class : Service.class;
      HasMetadata parsed = YAML.readValue(yaml, type);
      assertEquals(object.apiVersion(), parsed.getApiVersion(), object.ref());
      assertEquals(object.kind(), parsed.getKind(), object.ref());
      assertEquals(object.metadata().name(), parsed.getMetadata().getName());
      List<String> unknown = new ArrayList<>();
      collectUnknown(parsed, object.ref(), unknown, new IdentityHashMap<>());
      assertEquals(List.of(), unknown, s.name() + " " + object.ref());
    }
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
