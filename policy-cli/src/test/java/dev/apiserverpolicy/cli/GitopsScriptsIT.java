package dev.apiserverpolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.testing.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/gitops's scripts copied into a repository of their own, with nothing of this project
 * beside them but an {@code apiserver-policy} on PATH (the packaged jar behind a launcher, as
 * the release archive has it).
 */
class GitopsScriptsIT {
  @TempDir
  Path repo;

  private record Run(int exit, String out, String err) {}

  private Run script(String name, Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("bash", repo.resolve("ci").resolve(name).toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile())
        .redirectOutput(repo.resolve("out.txt").toFile()).redirectError(repo.resolve("err.txt").toFile());
    builder.environment().put("PATH", "/usr/bin:/bin");
    builder.environment().remove("APISERVER_POLICY");
    builder.environment().putAll(env);
    Process p = builder.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the script finished");
    return new Run(p.exitValue(), Files.readString(repo.resolve("out.txt")), Files.readString(repo.resolve("err.txt")));
  }

  /** A launcher on PATH, as the release archive's bin/ has one. */
  private Map<String, String> onPath() throws IOException {
    Path bin = Files.createDirectories(repo.resolve("tools/bin"));
    Path launcher = bin.resolve("apiserver-policy");
    Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
        + "' -jar '" + Path.of("target", "apiserver-policy.jar").toAbsolutePath() + "' \"$@\"\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    return Map.of("PATH", bin + ":/usr/bin:/bin");
  }

  private void copyScripts() throws IOException {
    Files.createDirectories(repo.resolve("ci"));
    for (String name : List.of("ci-check.sh", "refresh-facts.sh")) {
      Files.copy(ProjectFiles.root().resolve("examples/gitops").resolve(name), repo.resolve("ci").resolve(name));
    }
    Path inputs = Cli.copyQuickstart(repo);
    Files.move(inputs, repo.resolve("inputs"));
  }

  @Test
  void ciCheckWorksCopiedIntoAnotherRepositoryAndTellsStaleFromBroken() throws Exception {
    copyScripts();
    Run missing = script("ci-check.sh", Map.of(), "inputs", "manifests");
    assertEquals(3, missing.exit(), missing.toString());
    assertTrue(missing.err().contains("'apiserver-policy' is not on PATH"), missing.err());

    Map<String, String> env = onPath();
    Run stale = script("ci-check.sh", env, "inputs", "manifests");
    assertEquals(1, stale.exit(), stale.toString());
    assertTrue(stale.err().contains("the committed manifests are stale"), stale.err());
    assertTrue(stale.out().contains("--- /dev/null\n+++ b/europe-west/cluster-payments/"), stale.out());

    Path launcher = repo.resolve("tools/bin/apiserver-policy");
    assertEquals(0, new ProcessBuilder(launcher.toString(), "render", "inputs", "--out", "manifests")
        .directory(repo.toFile()).start().waitFor());
    assertEquals(0, script("ci-check.sh", env, "inputs", "manifests").exit());

    Files.delete(repo.resolve("inputs/seed.yaml"));
    Run broken = script("ci-check.sh", env, "inputs", "manifests");
    assertEquals(4, broken.exit(), broken.toString());
    assertTrue(broken.err().contains("the inputs have errors"), broken.err());
  }

  @Test
  void refreshFactsNamesAMissingCliToo() throws Exception {
    copyScripts();
    Run missing = script("refresh-facts.sh", Map.of(), "inputs", "inputs/resolved-hosts.yaml", "manifests");
    assertEquals(3, missing.exit(), missing.toString());
    assertTrue(missing.err().contains("'apiserver-policy' is not on PATH"), missing.err());
  }
}
