package dev.apiserverpolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kustomization at every level of --out (the top, each seed, each cluster), checked with
 * kustomize's rules: every resource listed exists (a folder holding a kustomization.yaml, or a
 * file), none is reached twice, and no generated file is left out; and, where the machine has
 * kubectl, with {@code kubectl kustomize} itself.
 */
class KustomizationLevelsTest {
  @TempDir
  Path tmp;

  /** The quick start plus a second seed, asia-east, with one cluster, tokyo. */
  private Path twoSeeds() throws IOException {
    Path input = Cli.copyQuickstart(tmp.resolve("in"));
    String seed = Files.readString(input.resolve("seed.yaml")).replace("europe-west", "asia-east")
        .replace("aws-eu-central-1a", "aws-ap-northeast-1a").replace("hetzner-fsn1", "hetzner-hel1")
        .replace("seed-defaults", "asia-defaults");
    Files.writeString(input.resolve("seed-asia.yaml"), seed);
    Files.writeString(input.resolve("render-context-asia.yaml"), Files.readString(input.resolve(
        "render-context.yaml")).replace("name: europe-west", "name: asia-east"));
    Files.writeString(input.resolve("clusters/tokyo.yaml"), Files.readString(input.resolve("clusters/nodeport.yaml"))
        .replace("dev-tools", "tokyo").replace("hetzner-fsn1", "hetzner-hel1"));
    return input;
  }

  @Test
  void everyLevelBuildsItsFilesOnceAndNoneIsLeftOut() throws Exception {
    Path out = tmp.resolve("out");
    Path input = twoSeeds();
    Cli.Result r = Cli.run("render", input.toString(), "--out", out.toString());
    assertEquals(0, r.exit(), r::toString);
    assertTrue(Files.exists(out.resolve("asia-east/cluster-tokyo/kustomization.yaml")), r::toString);
    assertEquals(objectFiles(out), build(out), "the top builds every object file, each once");
    for (String seed : List.of("europe-west", "asia-east")) {
      assertEquals(objectFiles(out.resolve(seed)), build(out.resolve(seed)), seed);
    }
    kubectlBuilds(out);
    kubectlBuilds(out.resolve("asia-east"));
    assertEquals(0, Cli.run("render", input.toString(), "--out", out.toString(), "--check").exit(),
        "a second run finds every level up to date");
  }

  @Test
  void aSeedWithoutClustersLosesItsKustomizationAndTheTopNoLongerListsIt() throws Exception {
    Path input = twoSeeds();
    Path out = tmp.resolve("out");
    assertEquals(0, Cli.run("render", input.toString(), "--out", out.toString()).exit());
    Files.delete(input.resolve("clusters/tokyo.yaml"));
    Cli.Result r = Cli.run("render", input.toString(), "--out", out.toString());
    assertEquals(0, r.exit(), r::toString);
    assertFalse(Files.exists(out.resolve("asia-east")), "the seed's folder is pruned whole");
    assertEquals(List.of("europe-west"), resources(out.resolve("kustomization.yaml")));
    assertEquals(objectFiles(out), build(out));
  }

  @Test
  void afterAnErrorEveryLevelStaysAsItWasSoItStillBuildsWhatItBuilt() throws Exception {
    Path input = twoSeeds();
    Path out = tmp.resolve("out");
    assertEquals(0, Cli.run("render", input.toString(), "--out", out.toString()).exit());
    Map<String, String> before = Cli.files(out);
    // tokyo now fails, and a new cluster appears: nothing is deleted, no level is rewritten.
    Path tokyo = input.resolve("clusters/tokyo.yaml");
    Files.writeString(tokyo, Files.readString(tokyo).replace("exposeStrategy: NodePort", "exposeStrategy: Nodeport"));
    Files.writeString(input.resolve("clusters/osaka.yaml"), Files.readString(input.resolve("clusters/nodeport.yaml"))
        .replace("dev-tools", "osaka").replace("hetzner-fsn1", "hetzner-hel1"));
    Cli.Result r = Cli.run("render", input.toString(), "--out", out.toString());
    assertEquals(4, r.exit(), r::toString);
    for (String level : List.of("kustomization.yaml", "asia-east/kustomization.yaml",
        "europe-west/kustomization.yaml")) {
      assertEquals(before.get(level), Cli.files(out).get(level), level);
    }
    assertEquals(List.of("cluster-tokyo"), resources(out.resolve("asia-east/kustomization.yaml")));
  }

  @Test
  void anOperatorsOwnTopKustomizationIsLeftAloneAndSaidSo() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    String own = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- europe-west\n";
    Files.writeString(out.resolve("kustomization.yaml"), own);
    Cli.Result r = Cli.run("render", twoSeeds().toString(), "--out", out.toString());
    assertEquals(0, r.exit(), r::toString);
    assertEquals(own, Files.readString(out.resolve("kustomization.yaml")));
    assertTrue(r.err().contains("/kustomization.yaml (exists and was not generated by apiserver-policy); not "
        + "written, so kubectl kustomize of that folder does not build this input's clusters"), r::toString);
    assertTrue(Files.exists(out.resolve("asia-east/kustomization.yaml")), "the seeds' are written");
  }

  @Test
  void theSingleFileLayoutListsEachClustersFile() throws Exception {
    Path out = tmp.resolve("out");
    assertEquals(0, Cli.run("render", twoSeeds().toString(), "--out", out.toString(), "--layout", "single-file")
        .exit());
    assertEquals(List.of("cluster-tokyo.yaml"), resources(out.resolve("asia-east/kustomization.yaml")));
    assertEquals(objectFiles(out), build(out));
    kubectlBuilds(out);
  }

  /**
   * Two clusters of a seed in one namespace stop (and so never make two folders whose objects
   * kubectl kustomize of the seed would refuse as registered twice).
   */
  @Test
  void twoClustersInOneNamespaceAreAnErrorNotTwoFoldersThatCollide() throws Exception {
    Path input = twoSeeds();
    Files.writeString(input.resolve("clusters/copy.yaml"), Files.readString(input.resolve("clusters/nodeport.yaml"))
        .replace("name: dev-tools", "name: copy"));
    Cli.Result r = Cli.run("render", input.toString(), "--out", tmp.resolve("out").toString());
    assertEquals(4, r.exit(), r::toString);
    assertTrue(r.err().contains("error[namespace-shared] Cluster/copy status.namespaceName: namespace "
        + "'cluster-dev-tools' of seed europe-west is also the namespace of Cluster/dev-tools"), r::toString);
    assertFalse(Files.exists(tmp.resolve("out/europe-west/cluster-copy")), r::toString);
  }

  /** The resources of a kustomization this tool wrote: the list items under {@code resources:}. */
  private static List<String> resources(Path kustomization) throws IOException {
    List<String> resources = new ArrayList<>();
    boolean in = false;
    for (String line : Files.readAllLines(kustomization, StandardCharsets.UTF_8)) {
      if (line.equals("resources:")) {
        in = true;
      } else if (in && line.startsWith("- ")) {
        resources.add(line.substring(2));
      } else {
        in = false;
      }
    }
    return resources;
  }

  /**
   * What kustomize builds from {@code folder}, as kustomize resolves it: each resource is a file,
   * or a folder with a kustomization.yaml built in turn; a missing one fails, as does one reached
   * twice. Files relative to {@code folder}, with how many times each was reached.
   */
  private static Map<String, Integer> build(Path folder) throws IOException {
    Map<String, Integer> reached = new TreeMap<>();
    build(folder, folder, reached);
    return reached;
  }

  private static void build(Path top, Path folder, Map<String, Integer> reached) throws IOException {
    Path kustomization = folder.resolve("kustomization.yaml");
    assertTrue(Files.isRegularFile(kustomization), () -> "a kustomization in " + folder);
    for (String resource : resources(kustomization)) {
      Path target = folder.resolve(resource).normalize();
      assertTrue(target.startsWith(top), resource);
      if (Files.isDirectory(target)) {
        build(top, target, reached);
      } else {
        assertTrue(Files.isRegularFile(target), () -> kustomization + " lists " + resource + ", which is missing");
        assertEquals(null, reached.put(top.relativize(target).toString().replace('\\', '/'), 1),
            () -> resource + " reached twice");
      }
    }
  }

  /** Every file below {@code folder} but the kustomizations: each object file, reached once. */
  private static Map<String, Integer> objectFiles(Path folder) throws IOException {
    Map<String, Integer> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(folder)) {
      all.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
          .forEach(p -> files.put(folder.relativize(p).toString().replace('\\', '/'), 1));
    }
    return files;
  }

  /**
   * Where the machine has kubectl: {@code kubectl kustomize folder} builds every object of every
   * file below it (each starts with a {@code kind:} line of its own).
   */
  private static void kubectlBuilds(Path folder) throws Exception {
    long objects = 0;
    for (String file : objectFiles(folder).keySet()) {
      objects += Files.readAllLines(folder.resolve(file)).stream().filter(l -> l.startsWith("kind: ")).count();
    }
    Path kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        .filter(s -> !s.isEmpty()).map(s -> Path.of(s, "kubectl")).filter(Files::isExecutable).findFirst()
        .orElse(null);
    if (kubectl == null) {
      System.out.println("kubectl not on PATH: kustomize's rules checked here only");
      return;
    }
    Process p = new ProcessBuilder(kubectl.toString(), "kustomize", folder.toString()).redirectErrorStream(true)
        .start();
    String built = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), built);
    assertEquals(objects, built.lines().filter(l -> l.startsWith("kind: ")).count(), built);
    assertTrue(objects > 0);
  }
}
