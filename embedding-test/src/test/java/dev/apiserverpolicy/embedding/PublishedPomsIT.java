package dev.apiserverpolicy.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The POM a consumer resolves for each of our artifacts: the one installed beside its jar (in a
 * reactor build, the flattened POM the build installs). It names no parent, imports no BOM, uses
 * no property, pins every dependency's version, carries what a public repository asks for, and
 * policy-read's leaves out the snakeyaml-engine it carries inside.
 */
class PublishedPomsIT {
  private static final Pattern OUR_JAR = Pattern.compile("(policy-[a-z0-9]+)-([^/]+?)\\.jar");
  private static final Set<String> PINNED_BY_THE_BOM =
      Set.of("policy-model", "policy-read", "policy-render", "policy-reach", "policy-fabric8", "policy-cli");
  private static final Pattern DEPENDENCY = Pattern.compile("(?s)<dependency>(.*?)</dependency>");

  /** Artifact to the POM that ships with it, found beside the jar this test runs with. */
  private static Map<String, Path> publishedPoms() {
    Map<String, Path> poms = new TreeMap<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path jar = Path.of(entry);
      Matcher m = OUR_JAR.matcher(jar.getFileName().toString());
      if (!m.matches() || m.group(2).endsWith("-tests")) {
        continue;
      }
      Path installed = jar.resolveSibling(m.group(1) + "-" + m.group(2) + ".pom");
      // In the reactor, the jar is in the module's target folder beside the POM the build installs.
      poms.put(m.group(1), Files.exists(installed) ? installed : jar.resolveSibling("flattened-pom.xml"));
    }
    return poms;
  }

  @Test
  void everyPublishedPomResolvesOnItsOwn() throws IOException {
    Map<String, Path> poms = publishedPoms();
    assertEquals(PINNED_BY_THE_BOM, poms.keySet());
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Path> e : poms.entrySet()) {
      String name = e.getKey();
      String pom = Files.readString(e.getValue(), StandardCharsets.UTF_8);
      for (String forbidden : List.of("<parent>", "<scope>import</scope>", "<dependencyManagement>", "${")) {
        if (pom.contains(forbidden)) {
          problems.add(name + " has " + forbidden);
        }
      }
      for (String required : List.of("<name>", "<description>", "<licenses>", "<developers>")) {
        if (!pom.contains(required)) {
          problems.add(name + " lacks " + required);
        }
      }
      Matcher dependency = DEPENDENCY.matcher(pom);
      while (dependency.find()) {
        if (!dependency.group(1).contains("<version>")) {
          problems.add(name + " leaves a version to something else: " + dependency.group(1).strip());
        }
      }
      if (pom.contains("snakeyaml")) {
        problems.add(name + " names snakeyaml-engine, which policy-read carries inside, relocated");
      }
    }
    assertEquals(List.of(), problems, () -> "published POMs: " + poms);
    assertTrue(Files.readString(poms.get("policy-render"), StandardCharsets.UTF_8).contains("policy-read"));
  }

  /** Each jar's manifest says what it is and which version, as a consumer's tools read it. */
  @Test
  void everyJarNamesItsVersion() throws IOException {
    List<String> problems = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Matcher m = OUR_JAR.matcher(Path.of(entry).getFileName().toString());
      if (!m.matches() || m.group(2).endsWith("-tests")) {
        continue;
      }
      try (java.util.jar.JarFile jar = new java.util.jar.JarFile(entry)) {
        java.util.jar.Attributes main = jar.getManifest().getMainAttributes();
        if (!m.group(2).equals(main.getValue("Implementation-Version"))) {
          problems.add(m.group(1) + ": Implementation-Version " + main.getValue("Implementation-Version"));
        }
        if (main.getValue("Implementation-Title") == null) {
          problems.add(m.group(1) + ": no Implementation-Title");
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  /** The SBOM installed beside {@code pom} ({@code -cyclonedx.json}), or in the reactor the module's bom.json. */
  private static Path sbomBeside(Path pom) {
    String name = pom.getFileName().toString();
    return name.equals("flattened-pom.xml") ? pom.resolveSibling("bom.json")
        : pom.resolveSibling(name.replace(".pom", "-cyclonedx.json"));
  }

  /** Beside each jar, its CycloneDX SBOM: the artifact it describes and what it ships. */
  @Test
  void everyArtifactHasItsSbom() throws IOException {
    Map<String, Path> poms = publishedPoms();
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (Map.Entry<String, Path> e : poms.entrySet()) {
      Path sbom = sbomBeside(e.getValue());
      assertTrue(Files.isRegularFile(sbom), () -> e.getKey() + ": no SBOM at " + sbom);
      com.fasterxml.jackson.databind.JsonNode bom = json.readTree(sbom.toFile());
      assertEquals("CycloneDX", bom.get("bomFormat").asText(), e.getKey());
      assertEquals(e.getKey(), bom.get("metadata").get("component").get("name").asText());
    }
    String read = Files.readString(sbomBeside(poms.get("policy-read")));
    assertTrue(read.contains("\"snakeyaml-engine\""), "policy-read ships snakeyaml-engine inside: its SBOM says so");
  }
}
