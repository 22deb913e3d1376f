package dev.apiserverpolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** lint, defaults, help and the exit codes of every command, in-process through picocli. */
class CommandsTest {
  @TempDir
  Path tmp;

  private Path brokenInput() throws IOException {
    Path input = Cli.copyQuickstart(tmp);
    Files.writeString(input.resolve("clusters/broken.yaml"), "apiVersion: kubermatic.k8c.io/v1\nkind: Cluster\n"
        + "metadata: {name: broken}\nspec:\n  cloud: {dc: hetzner-fsn1}\n  exposeStrategy: NodePort\n"
        + "  apiServerAllowedIPRanges: {cidrBlocks: [10.0.0.0/8]}\n");
    return input;
  }

  @ParameterizedTest
  @ValueSource(strings = {"render", "lint", "explain", "defaults", "cleanup"})
  void everyCommandHasHelp(String command) {
    Cli.Result r = Cli.run(command, "--help");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("Usage: apiserver-policy " + command), r::toString);
    assertTrue(r.out().contains("Exit codes:"), r::toString);
  }

  @Test
  void helpSubcommandWorks() {
    Cli.Result r = Cli.run("help", "render");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("--check"));
  }

  private Path nodePortOnly() throws IOException {
    Path input = Cli.copyQuickstart(tmp);
    for (String lb : List.of("loadbalancer-restricted.yaml", "loadbalancer-open.yaml")) {
      Files.delete(input.resolve("clusters").resolve(lb));
    }
    return input;
  }

  @Test
  void lintOnACleanInputExitsZero() throws IOException {
    Cli.Result r = Cli.run("lint", nodePortOnly().toString());
    assertEquals(0, r.exit(), r::toString);
    assertEquals("", r.out());
    assertTrue(r.err().contains("0 findings in 6 files"), r::toString);
  }

  @Test
  void lintOnTheQuickstartShowsItsWarningAndInfoAndPassesUnlessAskedToFailOnThem() {
    Cli.Result r = Cli.run("lint", Cli.quickstart().toString());
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("warning[nodeport-bypass] Cluster/payments"), r::toString);
    assertTrue(r.out().contains("info[seed-defaults-not-applied] Cluster/sandbox"), r::toString);
    assertTrue(r.err().contains("3 findings in 8 files"));
    assertEquals(1, Cli.run("lint", Cli.quickstart().toString(), "--fail-on", "warning").exit());
    assertEquals(1, Cli.run("lint", Cli.quickstart().toString(), "--fail-on", "info").exit());
  }

  @Test
  void lintPrintsTextWithPositionAndHint() throws IOException {
    Cli.Result r = Cli.run("lint", brokenInput().toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.out().contains("broken.yaml:7:29: error[allowed-ranges-strategy] Cluster/broken "
        + "spec.apiServerAllowedIPRanges: Access control for API server is supported only for LoadBalancer expose "
        + "strategy (the strategy is NodePort)"), r::toString);
    assertTrue(r.out().contains("  hint: set spec.exposeStrategy: LoadBalancer"), r::toString);
  }

  @Test
  @SuppressWarnings("unchecked")
  void lintJsonIsAStableArray() throws IOException {
    Path input = brokenInput();
    Cli.Result r = Cli.run("lint", input.toString(), "--format", "json");
    assertEquals(1, r.exit(), r::toString);
    List<Map<String, Object>> parsed = (List<Map<String, Object>>) new Load(LoadSettings.builder().build())
        .loadFromString(r.out());
    Map<String, Object> d = parsed.stream().filter(x -> "error".equals(x.get("severity"))).findFirst().orElseThrow();
    assertEquals(1, parsed.stream().filter(x -> "error".equals(x.get("severity"))).count(), r::toString);
    assertEquals(List.of("code", "severity", "file", "line", "column", "path", "message", "hint", "cluster", "object"),
        List.copyOf(d.keySet()));
    assertEquals("allowed-ranges-strategy", d.get("code"));
    assertEquals("error", d.get("severity"));
    assertEquals(7, d.get("line"));
    assertEquals("broken", d.get("cluster"));
    assertEquals(Cli.run("lint", input.toString(), "--format", "json").out(), r.out(), "stable");
  }

  @Test
  void lintJsonOnACleanInputIsAnEmptyArray() throws IOException {
    Cli.Result r = Cli.run("lint", nodePortOnly().toString(), "--format", "json");
    assertEquals(0, r.exit());
    assertEquals("[]\n", r.out());
  }

  @Test
  void defaultsPrintsClustersAsCreated() throws IOException {
    Path input = Cli.copyQuickstart(tmp);
    Files.writeString(input.resolve("clusters/new.yaml"), "apiVersion: kubermatic.k8c.io/v1\nkind: Cluster\n"
        + "metadata: {name: fresh}\nspec: {cloud: {dc: hetzner-fsn1}}\n");
    Cli.Result r = Cli.run("defaults", input.toString());
    assertEquals(0, r.exit(), r::toString);
    String fresh = r.out().substring(r.out().indexOf("  name: fresh"));
    fresh = fresh.substring(0, fresh.contains("---") ? fresh.indexOf("---") : fresh.length());
    assertTrue(fresh.contains("exposeStrategy: LoadBalancer"), "from the seed's default template: " + fresh);
    assertTrue(fresh.contains("apiserverNetworkPolicy: true"), fresh);
    String legacy = r.out().substring(r.out().indexOf("  name: legacy-batch"));
    assertTrue(legacy.startsWith("  name: legacy-batch\nspec:\n  cloud:"), legacy);
    assertTrue(legacy.contains("apiserverNetworkPolicy: false"), "an explicit false stays false");
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, Cli.run().exit());
    assertEquals(2, Cli.run("render", Cli.quickstart().toString()).exit(), "needs --out or --stdout");
    assertEquals(2, Cli.run("render", Cli.quickstart().toString(), "--stdout", "--out", "x").exit());
    assertEquals(2, Cli.run("render", Cli.quickstart().toString(), "--stdout", "--check").exit());
    assertEquals(2, Cli.run("render", Cli.quickstart().toString(), "--stdout", "--profile", "kkp-v9").exit());
    assertEquals(2, Cli.run("render", Cli.quickstart().toString(), "--out", "x", "--layout", "flat").exit());
    assertEquals(2, Cli.run("lint", Cli.quickstart().toString(), "--format", "xml").exit());
    assertEquals(2, Cli.run("lint", Cli.quickstart().toString(), "--fail-on", "fatal").exit());
    assertEquals(2, Cli.run("lint").exit(), "PATH is required");
    Cli.Result r = Cli.run("render", Cli.quickstart().toString());
    assertEquals("error: Missing required argument (specify one of these): "
        + "(--stdout | (--out=DIR [--check]))\n" + "  hint: see 'apiserver-policy render --help'\n",
        r.err(), "a short message and where to look");
    Cli.Result both = Cli.run("render", Cli.quickstart().toString(), "--stdout", "--check");
    assertTrue(both.err().startsWith("error: Missing required argument(s): --out=DIR"), "--check is --out's");
    Cli.Result twice = Cli.run("render", Cli.quickstart().toString(), "--stdout", "--out", "x");
    assertTrue(twice.err().contains("mutually exclusive"), twice::toString);
    Cli.Result layout = Cli.run("render", Cli.quickstart().toString(), "--out", "x", "--layout", "flat");
    assertTrue(layout.err().contains("unknown layout 'flat' (use one of: gitops, single-file)"), layout::toString);
  }

  @Test
  void unreadableInputExitsThreeWithAHint() {
    Cli.Result r = Cli.run("lint", tmp.resolve("does-not-exist").toString());
    assertEquals(3, r.exit(), r::toString);
    assertTrue(r.err().startsWith("error: "), r::toString);
    assertTrue(r.err().contains("no such file or directory\n  hint: check the path"), r::toString);
    assertTrue(!r.err().contains("Exception"), "no stack trace");
  }

  @Test
  void anOutputThatIsAFileExitsThree() throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    Cli.Result r = Cli.run("render", Cli.quickstart().toString(), "--out", file.toString());
    assertEquals(3, r.exit(), r::toString);
    assertTrue(r.err().contains("exists and is not a folder"), r::toString);
  }

  @Test
  void binaryGarbageIsAFindingNotACrash() throws IOException {
    byte[] garbage = new byte[1000];
    new java.util.Random(3).nextBytes(garbage);
    Files.write(tmp.resolve("garbage.yaml"), garbage);
    Cli.Result r = Cli.run("lint", tmp.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.out().contains("error[input-encoding]"), r::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"render", "lint", "explain", "defaults", "cleanup"})
  void everyCommandReportsTheSameValidationErrorsAndExitsAsDocumented(String command) throws IOException {
    Path input = Cli.copyQuickstart(tmp);
    Path context = input.resolve("render-context.yaml");
    Files.writeString(context, Files.readString(context).replace("name: audit-sink-allow", "name: 'x; touch owned'"));
    List<String> args = new java.util.ArrayList<>(List.of(command, input.toString()));
    if (command.equals("render")) {
      args.add("--stdout");
    }
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    // render keeps 1 for drift: its findings are 4.
    assertEquals(command.equals("render") ? 4 : 1, r.exit(), r::toString);
    String printed = r.out() + r.err();
    assertTrue(printed.contains("error[extra-egress-name] RenderContext/europe-west spec.extraEgress[0].name"),
        r::toString);
    if (!command.equals("lint")) {
      // lint's output is the findings; the others print nothing that the bad object shaped.
      assertTrue(!r.out().contains("touch owned"), "nothing from the bad object is printed as output: " + r.out());
    }
  }

  @Test
  void controlAndBidiCharactersFromTheInputNeverReachTheTerminalRaw() throws IOException {
    Path input = Cli.copyQuickstart(tmp);
    String esc = "\u001b[2K\u001b[1A";
    Files.writeString(input.resolve("clusters/" + "evil\u001b[31m.yaml"), "apiVersion: kubermatic.k8c.io/v1\n"
        + "kind: Cluster\nmetadata: {name: \"ok" + esc + "\u202egnp.exe\"}\nspec: {cloud: {dc: hetzner-fsn1}}\n");
    for (List<String> args : List.of(List.of("lint"), List.of("lint", "--format", "json"), List.of("render",
        "--stdout"),
        List.of("render", "--out", tmp.resolve("out").toString()), List.of("cleanup"), List.of("defaults"),
        List.of("explain"))) {
      List<String> all = new java.util.ArrayList<>(args);
      all.add(1, input.toString());
      Cli.Result r = Cli.run(all.toArray(String[]::new));
      String printed = r.out() + r.err();
      assertTrue(printed.chars().noneMatch(c -> c == 0x1b || c == 0x202e || c == 0x9b), () -> all + ": " + r);
      assertTrue(printed.contains("\\u001b"), () -> all + " shows the escape as text: " + r);
    }
  }
}
