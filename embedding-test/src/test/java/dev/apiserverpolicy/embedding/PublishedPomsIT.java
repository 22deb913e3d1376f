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
}
