package dev.apiserverpolicy.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.read.ManifestReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader beside fabric8's kubernetes-client-api, which puts snakeyaml-engine 2.10 on the class path. */
class BesideFabric8Test {
  @Test
  void fabric8sSnakeyamlEngineIsTheOneOnTheClassPath() throws Exception {
    String jar = Class.forName("org.snakeyaml.engine.v2.api.LoadSettings").getProtectionDomain().getCodeSource()
        .getLocation().getPath();
    assertTrue(jar.endsWith("snakeyaml-engine-2.10.jar"), jar);
  }

  /** JSON indented with tabs: snakeyaml-engine 2.10 refuses it; the reader must not. */
  @Test
  void tabIndentedJsonReadsAsItDoesAlone() {
    String json = "{\n\t\"apiVersion\": \"kubermatic.k8c.io/v1\",\n\t\"kind\": \"Cluster\",\n"
        + "\t\"metadata\": {\"name\": \"prod-1\"},\n"
        + "\t\"spec\": {\"exposeStrategy\": \"LoadBalancer\", \"features\": {\"apiserverNetworkPolicy\": true},\n"
        + "\t  \"apiServerAllowedIPRanges\": {\"cidrBlocks\": []}},\n"
        + "\t\"status\": {\"address\": {\"port\": 30000}}\n}\n";
    Inputs read = ManifestReader.create().read("c.json", json);
    assertEquals(List.of(), read.diagnostics());
    assertEquals("prod-1", read.clusters().get(0).name());
  }
}
