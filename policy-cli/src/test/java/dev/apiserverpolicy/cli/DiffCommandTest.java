package dev.apiserverpolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diff BASE HEAD}: two trees on disk, the exit codes, and files named alike in both. */
class DiffCommandTest {
  @TempDir
  Path tmp;

  private Path tree(String name) throws IOException {
    Path copy = Cli.copyQuickstart(tmp.resolve(name));
    return copy;
  }

  private static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(text.contains(from), file + " holds " + from);
    Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
  }

  @Test
  void noChangeIsExitZero() throws IOException {
    Cli.Result r = Cli.run("diff", tree("base").toString(), tree("head").toString());
    assertEquals(0, r.exit(), r::toString);
    assertEquals("apiserver-policy diff: no change in who may reach what\n", r.out());
  }

  @Test
  void aChangeIsExitOneAndNamesTheClusterTheRangeAndTheFileOfItsFinding() throws IOException {
    Path head = tree("head");
    edit(head.resolve("clusters/loadbalancer-restricted.yaml"), "    - 192.0.2.0/24", "    - 192.0.2.0/24\n"
        + "    - 198.18.0.0/15");
    edit(head.resolve("clusters/nodeport.yaml"), "exposeStrategy: NodePort", "exposeStrategy: LoadBalancer");
    Cli.Result r = Cli.run("diff", tree("base").toString(), head.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.out().contains("Cluster payments (seed europe-west): changed\n  who may reach the API server:\n"
        + "    + Service front-loadbalancer admits 198.18.0.0/15\n"), r.out());
    // Files are named relative to each tree, so a finding is the same finding on both sides.
    assertTrue(r.out().contains("(clusters/nodeport.yaml:"), r.out());
    Cli.Result json = Cli.run("diff", tree("base2").toString(), head.toString(), "--format", "json");
    assertEquals(1, json.exit());
    assertTrue(json.out().startsWith("{\n  \"apiVersion\": \"apiserver-policy.dev/diff/v1\",\n  \"changed\": true,"));
    Cli.Result md = Cli.run("diff", tree("base3").toString(), head.toString(), "--format", "markdown");
    assertTrue(md.out().startsWith("## apiserver-policy diff\n"), md.out());
  }

  @Test
  void errorsInEitherTreeAreExitThreeAfterTheDiff() throws IOException {
    Path head = tree("head");
    Files.delete(head.resolve("seed.yaml"));
    Cli.Result r = Cli.run("diff", tree("base").toString(), head.toString());
    assertEquals(3, r.exit(), r::toString);
    assertTrue(r.err().contains("error: HEAD ("), r.err());
    assertTrue(r.out().contains("rendering: rendered -> failed"), r.out());
  }

  @Test
  void usageAndUnreadableTrees() throws IOException {
    assertEquals(2, Cli.run("diff", tree("base").toString()).exit());
    assertEquals(2, Cli.run("diff", "a", "b", "--format", "yaml").exit());
    Cli.Result missing = Cli.run("diff", tree("base2").toString(), tmp.resolve("nothing").toString());
    assertEquals(3, missing.exit(), missing::toString);
  }
}
