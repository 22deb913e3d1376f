package dev.apiserverpolicy.render.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.apiserverpolicy.model.manifest.CiliumNetworkPolicy;
import dev.apiserverpolicy.model.manifest.KubernetesObject;
import dev.apiserverpolicy.render.Scenarios;
import dev.apiserverpolicy.render.yaml.ManifestTrees;
import dev.apiserverpolicy.testing.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every CiliumNetworkPolicy the flavour renders passes the {@code openAPIV3Schema} of Cilium's
 * own CRD (testdata/cilium, cilium/cilium at a fixed commit): what we write is what a seed
 * running Cilium accepts.
 */
public class CiliumSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Schema SCHEMA = loadSchema();

  private static Schema loadSchema() {
    try {
      JsonNode crd = new ObjectMapper(new YAMLFactory()).readTree(
          ProjectFiles.testdata("cilium").resolve("ciliumnetworkpolicies.yaml").toFile());
      assertEquals("ciliumnetworkpolicies.cilium.io", crd.at("/metadata/name").asText());
      for (JsonNode version : crd.at("/spec/versions")) {
        if (version.get("name").asText().equals("v2")) {
          JsonNode schema = version.at("/schema/openAPIV3Schema");
          // A structural schema is close to draft 4; Kubernetes' x-kubernetes-* keywords are annotations here.
          return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
              .getSchema(SchemaLocation.of("urn:apiserver-policy:ciliumnetworkpolicy"), schema);
        }
      }
      throw new IllegalStateException("the CRD has no version v2");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Error> errors(JsonNode policy) {
    return SCHEMA.validate(policy);
  }

  static List<CiliumNetworkPolicy> ciliumPolicies() {
    List<CiliumNetworkPolicy> out = new ArrayList<>();
    for (Scenarios.Scenario s : Scenarios.all()) {
      for (KubernetesObject o : ManifestRenderer.render(s.inputs(), s.options()).objects()) {
        if (o instanceof CiliumNetworkPolicy c) {
          out.add(c);
        }
      }
    }
    return out;
  }

  @Test
  void everyRenderedCiliumNetworkPolicyPassesTheCrdSchema() {
    List<CiliumNetworkPolicy> policies = ciliumPolicies();
    assertEquals(10, policies.size(), "the Cilium golden scenarios' policies");
    for (CiliumNetworkPolicy p : policies) {
      JsonNode tree = JSON.valueToTree(ManifestTrees.of(p));
      assertEquals(List.of(), errors(tree), () -> p.ref() + ": " + tree);
    }
  }

  /** The schema is really applied: what Cilium would refuse, it refuses here too. */
  @Test
  void theSchemaRefusesWhatCiliumRefuses() {
    CiliumNetworkPolicy sample = ciliumPolicies().stream().filter(p -> p.metadata().name().equals("dns-allow"))
        .findFirst().orElseThrow();
    List<Consumer<ObjectNode>> breaks = List.of(
        t -> ((ObjectNode) t.at("/spec/egress/0")).putArray("toEntities").add("kube-apiserverx"),
        t -> ((ObjectNode) t.at("/spec/egress/0/toPorts/0/ports/0")).put("port", "!!!"),
        t -> ((ObjectNode) t.at("/spec/egress/0/toPorts/0/ports/0")).put("endPort", 70000),
        t -> ((ObjectNode) t.at("/spec/egress/0/toPorts/0/ports/0")).put("protocol", "ICMP"),
        t -> ((ObjectNode) t.at("/spec/egress/0/toPorts/0/rules")).putArray("dns").addObject()
            .put("matchName", "bad name!"),
        t -> ((ArrayNode) t.at("/spec/egress")).addObject().putArray("toFQDNs").addObject());
    for (Consumer<ObjectNode> breaking : breaks) {
      ObjectNode tree = JSON.valueToTree(ManifestTrees.of(sample));
      assertTrue(errors(tree).isEmpty());
      breaking.accept(tree);
      assertFalse(errors(tree).isEmpty(), () -> "accepted: " + tree);
    }
  }
}
