package dev.apiserverpolicy.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.testing.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a consumer resolves: our POMs import no BOM, the BOM pins exactly the artifacts we
 * install, and what is not a library (examples, benchmarks, the embedding test) is never
 * installed or deployed.
 */
class PublishedPomsTest {
  private static final Pattern MODULE = Pattern.compile("<module>([\\w-]+)</module>");
  private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([\\w-]+)</artifactId>");
  private static final Set<String> NOT_LIBRARIES = Set.of("examples", "benchmarks", "embedding-test",
      "distribution");

  /** The POM without its comments (the BOM's shows how to import it). */
  private static String pom(String module) throws IOException {
    return Files.readString(ProjectFiles.root().resolve(module).resolve("pom.xml"), StandardCharsets.UTF_8)
        .replaceAll("(?s)<!--.*?-->", "");
  }

  private static List<String> modules() throws IOException {
    List<String> modules = new ArrayList<>();
    Matcher m = MODULE.matcher(pom(""));
    while (m.find()) {
      modules.add(m.group(1));
    }
    return modules;
  }

  @Test
  void ourPomsImportNoBom() throws IOException {
    List<String> importing = new ArrayList<>();
    for (String module : modules()) {
      if (!NOT_LIBRARIES.contains(module) && pom(module).contains("<scope>import</scope>")) {
        importing.add(module);
      }
    }
    if (pom("").contains("<scope>import</scope>")) {
      importing.add("the parent");
    }
    assertEquals(List.of(), importing);
  }

  @Test
  void theBomPinsExactlyWhatIsInstalled() throws IOException {
    String bom = pom("apiserver-policy-bom");
    assertFalse(bom.contains("<parent>"), "resolving the BOM needs nothing else");
    Matcher version = Pattern.compile("<version>([^<$]+)</version>").matcher(pom(""));
    assertTrue(version.find());
    assertTrue(bom.contains("<version>" + version.group(1) + "</version>"), "the BOM's version is the build's");
    Set<String> pinned = new TreeSet<>();
    Matcher a = ARTIFACT.matcher(bom.substring(bom.indexOf("<dependencyManagement>")));
    while (a.find()) {
      pinned.add(a.group(1));
    }
    Set<String> installed = new TreeSet<>();
    for (String module : modules()) {
      if (!module.equals("apiserver-policy-bom") && !pom(module).contains("<maven.install.skip>true")) {
        installed.add(module);
      }
    }
    assertEquals(installed, pinned);
  }

  @Test
  void whatIsNotALibraryIsNeverInstalledOrDeployed() throws IOException {
    for (String module : NOT_LIBRARIES) {
      String pom = pom(module);
      assertTrue(pom.contains("<maven.install.skip>true</maven.install.skip>"), module);
      assertTrue(pom.contains("<maven.deploy.skip>true</maven.deploy.skip>"), module);
    }
  }
}
