package dev.apiserverpolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input folders as GitOps repositories hold them (links) and as an attacker might (pipes, links out). */
class HostileInputTest {
  @TempDir
  Path tmp;

  private Path out() {
    return tmp.resolve("manifests");
  }

  static void mkfifo(Path path) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
    assertEquals(0, p.waitFor(), () -> "mkfifo failed: " + path);
  }

  @Test
  void aLinkedInputFileInsideTheFolderIsRead() throws IOException {
    Path input = Cli.copyQuickstart(tmp);
    Path shared = Files.createDirectories(input.resolve(".shared"));
    Files.move(input.resolve("clusters/nodeport.yaml"), shared.resolve("nodeport.yaml"));
    Files.createSymbolicLink(input.resolve("clusters/nodeport.yaml"), Path.of("../.shared/nodeport.yaml"));
    // And one file reached twice (through a link and where it lies) is read once.
    Files.createSymbolicLink(input.resolve("clusters/again.yaml"), Path.of("gate-off.yaml"));
    Cli.Result r = Cli.run("render", input.toString(), "--stdout");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("namespace: cluster-dev-tools"), "the linked cluster is rendered");
    assertTrue(r.err().contains("rendered 5 of 5 clusters"), r::toString);
  }

  @Test
  void aLinkOutOfTheFolderIsAnErrorAndDeletesNothing() throws IOException {
    Path input = Cli.copyQuickstart(tmp);
    assertEquals(0, Cli.run("render", input.toString(), "--out", out().toString()).exit());
    java.util.Map<String, String> before = Cli.files(out());
    Path secret = Files.writeString(tmp.resolve("secret.yaml"), "password: hunter2\n");
    Files.move(input.resolve("clusters/nodeport.yaml"), tmp.resolve("nodeport-elsewhere.yaml"));
    Files.createSymbolicLink(input.resolve("clusters/nodeport.yaml"), tmp.resolve("nodeport-elsewhere.yaml"));
    Files.createSymbolicLink(input.resolve("clusters/secret.yaml"), secret);
    Files.createSymbolicLink(input.resolve("clusters/dangling.yaml"), tmp.resolve("nothing-here.yaml"));
    Files.createSymbolicLink(input.resolve("outside"), tmp.resolve("other"));
    Files.createDirectories(tmp.resolve("other"));

    Cli.Result r = Cli.run("render", input.toString(), "--out", out().toString());
    assertEquals(4, r.exit(), r::toString);
    assertTrue(r.err().contains("error[input-unreadable] nodeport.yaml is a link to a file outside"), r::toString);
    assertTrue(r.err().contains("error[input-unreadable] secret.yaml is a link to a file outside"), r::toString);
    assertTrue(r.err().contains("error[input-unreadable] dangling.yaml is a link to nothing"), r::toString);
    assertTrue(r.err().contains("error[input-unreadable] outside is a link to a folder outside"), r::toString);
    assertTrue(!r.err().contains("hunter2"), "nothing of a file outside the input is read");
    assertTrue(r.err().contains("rendered 4 of 4 clusters"), r::toString);
    assertEquals(before, Cli.files(out()), "dev-tools could not be read, so its files stay");
  }

  @Test
  void aPipeGivenAsAPathIsRead() throws Exception {
    Path input = Cli.copyQuickstart(tmp);
    Path pipe = tmp.resolve("clusters.pipe");
    mkfifo(pipe);
    String cluster = Files.readString(input.resolve("clusters/nodeport.yaml"));
    Files.delete(input.resolve("clusters/nodeport.yaml"));
    Thread writer = new Thread(() -> {
      try {
        Files.writeString(pipe, cluster);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.setDaemon(true);
    writer.start();
    Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> Cli.run("render", input.toString(), pipe.toString(), "--stdout"));
    writer.join(5_000);
    if (writer.isAlive()) {
      try (java.io.InputStream drain = Files.newInputStream(pipe)) {
        drain.readAllBytes(); // lets the writer go
      }
      org.junit.jupiter.api.Assertions.fail("the pipe given as a PATH was never read: " + r);
    }
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("namespace: cluster-dev-tools"), r::toString);
  }

  @Test
  void aPipeInsideAFolderIsNotOpenedAndTheRunGoesOn() throws Exception {
    Path input = Cli.copyQuickstart(tmp);
    mkfifo(input.resolve("clusters/blocking.yaml"));
    Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> Cli.run("render", input.toString(), "--stdout"));
    assertEquals(4, r.exit(), r::toString);
    assertTrue(r.err().contains("error[input-unreadable] blocking.yaml is not a regular file"), r::toString);
    assertTrue(r.err().contains("rendered 5 of 5 clusters"), r::toString);
  }
}
