package dev.apiserverpolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.testing.ProjectFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code resolve}: what it writes, what --check reports, and that a failed lookup changes nothing. */
class ResolveCommandTest {
  @TempDir
  Path tmp;

  /** A resolver that answers from a map and records what it was asked. */
  private static final class MapLookup implements HostLookup {
    final Map<String, List<String>> answers = new ConcurrentHashMap<>();
    final List<String> asked = new ArrayList<>();

    MapLookup answer(String host, String... addresses) {
      answers.put(host, List.of(addresses));
      return this;
    }

    @Override
    public synchronized List<InetAddress> addresses(String host) throws UnknownHostException {
      asked.add(host);
      List<String> a = answers.get(host);
      if (a == null) {
        throw new UnknownHostException(host);
      }
      List<InetAddress> out = new ArrayList<>();
      for (String text : a) {
        out.add(InetAddress.getByName(text)); // a literal: no lookup
      }
      return out;
    }
  }

  private static MapLookup quickstartAnswers() {
    return new MapLookup().answer("dex.example.com", "203.0.113.20").answer("authz.example.com", "203.0.113.30");
  }

  private Path inputs() throws IOException {
    Path q = Cli.copyQuickstart(tmp);
    Files.writeString(q.resolve("render-context.yaml"), Files.readString(ProjectFiles.root()
        .resolve("examples/gitops/fresh-facts/render-context.yaml")));
    Files.copy(ProjectFiles.root().resolve("examples/gitops/fresh-facts/seed-endpoints.yaml"),
        q.resolve("seed-endpoints.yaml"));
    return q;
  }

  @Test
  void writesEveryNeededHostSortedAndTheSameBytesTwice() throws IOException {
    Path q = inputs();
    assertEquals(Files.readString(ProjectFiles.root().resolve("examples/gitops/fresh-facts/resolved-hosts.yaml"))
        .lines().skip(1).toList(), quickstartResolve(q).lines().skip(1).toList(),
        "the committed example is what resolve writes");
    Path file = q.resolve("resolved-hosts.yaml");
    MapLookup lookup = quickstartAnswers().answer("dex.example.com", "2001:db8::20", "203.0.113.20", "203.0.113.20");
    Cli.Result r = Cli.run(lookup, "resolve", q.toString(), "--out", file.toString());
    assertEquals(0, r.exit(), r::toString);
    assertEquals(List.of("authz.example.com", "dex.example.com"), lookup.asked);
    String written = Files.readString(file);
    assertTrue(written.startsWith("# Written by apiserver-policy resolve from "), written);
    assertTrue(written.contains("""
          - addresses:
            - "203.0.113.20"
            - "2001:db8::20"
            name: dex.example.com
        """), written);
    Cli.Result again = Cli.run(lookup, "resolve", q.toString(), "--out", file.toString());
    assertEquals(0, again.exit());
    assertEquals(written, Files.readString(file));
    Cli.Result render = Cli.run("render", q.toString(), "--stdout");
    assertEquals(0, render.exit(), render::toString);
  }

  private String quickstartResolve(Path q) throws IOException {
    Path other = tmp.resolve("other.yaml");
    assertEquals(0, Cli.run(quickstartAnswers(), "resolve", q.toString(), "--out", other.toString()).exit());
    return Files.readString(other);
  }

  @Test
  void checkExitsZeroWhenCurrentAndOneNamingTheHostWhenAnAddressMoved() throws IOException {
    Path q = inputs();
    Path file = q.resolve("resolved-hosts.yaml");
    assertEquals(0, Cli.run(quickstartAnswers(), "resolve", q.toString(), "--out", file.toString()).exit());
    String before = Files.readString(file);
    Cli.Result same = Cli.run(quickstartAnswers(), "resolve", q.toString(), "--out", file.toString(), "--check");
    assertEquals(0, same.exit(), same::toString);
    assertTrue(same.err().contains("is up to date (2 hosts)"), same.err());
    Cli.Result moved = Cli.run(quickstartAnswers().answer("dex.example.com", "203.0.113.21", "2001:db8::21"),
        "resolve", q.toString(), "--out", file.toString(), "--check");
    assertEquals(1, moved.exit(), moved::toString);
    assertEquals("dex.example.com: added 203.0.113.21, 2001:db8::21; removed 203.0.113.20\n", moved.out());
    assertEquals(before, Files.readString(file), "--check writes nothing");
  }

  @Test
  void aHostThatDoesNotResolveExitsThreeNamingItAndLeavesTheFileAlone() throws IOException {
    Path q = inputs();
    Path file = q.resolve("resolved-hosts.yaml");
    assertEquals(0, Cli.run(quickstartAnswers(), "resolve", q.toString(), "--out", file.toString()).exit());
    String before = Files.readString(file);
    MapLookup partial = new MapLookup().answer("authz.example.com", "203.0.113.30");
    Cli.Result r = Cli.run(partial, "resolve", q.toString(), "--out", file.toString());
    assertEquals(3, r.exit(), r::toString);
    assertTrue(r.err().contains("error: dex.example.com does not resolve (needed by Cluster/dev-tools, "
        + "RenderContext/europe-west)"), r.err());
    assertEquals(before, Files.readString(file));
    try (var listing = Files.list(q)) {
      assertFalse(listing.anyMatch(p -> p.getFileName().toString().startsWith(".apiserver-policy-")));
    }
    Cli.Result check = Cli.run(partial, "resolve", q.toString(), "--out", file.toString(), "--check");
    assertEquals(3, check.exit(), check::toString);
  }

  /** Issue 22: answers that would become allow rules to the node, the metadata service or everything. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "0.0.0.0|0.0.0.0 is special-purpose: unspecified", "::|:: is special-purpose: unspecified",
      "127.0.0.1|127.0.0.1 is special-purpose: loopback",
      "169.254.169.254|169.254.169.254 is special-purpose: link-local (cloud metadata",
      "224.0.0.1|224.0.0.1 is special-purpose: multicast", "255.255.255.255|255.255.255.255 is special-purpose",
      "fe80::1%1|an address with a zone"})
  void aSpecialPurposeAnswerExitsThreeNamingHostAndAddressAndLeavesTheFileAlone(String answer, String said)
      throws IOException {
    Path q = inputs();
    Path file = q.resolve("resolved-hosts.yaml");
    assertEquals(0, Cli.run(quickstartAnswers(), "resolve", q.toString(), "--out", file.toString()).exit());
    String before = Files.readString(file);
    MapLookup bad = quickstartAnswers().answer("dex.example.com", "203.0.113.20", answer);
    Cli.Result r = Cli.run(bad, "resolve", q.toString(), "--out", file.toString());
    assertEquals(3, r.exit(), r::toString);
    assertTrue(r.err().contains("error[address-special-purpose]: dex.example.com resolves to "), r.err());
    assertTrue(r.err().contains(said), r.err());
    assertEquals(before, Files.readString(file));
    MapLookup privateRange = quickstartAnswers().answer("dex.example.com", "10.0.0.20", "fd00::20");
    assertEquals(0, Cli.run(privateRange, "resolve", q.toString(), "--out", file.toString()).exit(),
        "private ranges stay allowed");
  }

  @Test
  void aLinkAtTheFileIsRefusedAndAMissingFileFailsTheCheck() throws IOException {
    Path q = inputs();
    Path target = tmp.resolve("elsewhere.yaml");
    Files.writeString(target, "keep\n");
    Path link = tmp.resolve("link.yaml");
    Files.createSymbolicLink(link, target);
    Cli.Result r = Cli.run(quickstartAnswers(), "resolve", q.toString(), "--out", link.toString());
    assertEquals(3, r.exit(), r::toString);
    assertEquals("keep\n", Files.readString(target));
    Cli.Result missing = Cli.run(quickstartAnswers(), "resolve", q.toString(), "--out", tmp.resolve("none.yaml")
        .toString(), "--check");
    assertEquals(1, missing.exit(), missing::toString);
    assertTrue(missing.err().contains("does not exist"), missing.err());
  }

  @Test
  void anInputNamingThousandsOfHostsIsRefusedBeforeAnyLookup() throws IOException {
    Path q = inputs();
    StringBuilder many = new StringBuilder("  - url: https://dex.example.com/dex\n");
    for (int i = 0; i <= ResolveCommand.MAX_HOSTS; i++) {
      many.append("  - {url: 'https://h").append(i).append(".example.com'}\n");
    }
    Path context = q.resolve("render-context.yaml");
    Files.writeString(context, Files.readString(context).replace("  - url: https://dex.example.com/dex\n", many));
    MapLookup lookup = quickstartAnswers();
    Cli.Result r = Cli.run(lookup, "resolve", q.toString(), "--out", q.resolve("resolved-hosts.yaml").toString());
    assertEquals(4, r.exit(), r::toString);
    assertTrue(r.err().contains("at most " + ResolveCommand.MAX_HOSTS), r.err());
    assertEquals(List.of(), lookup.asked);
  }

  /** As an attacker would: two runs at once into one file, and a host name built to reach a shell. */
  @Test
  void twoRunsAtOnceLeaveOneWholeFileAndAShellishHostIsNeverLookedUp() throws Exception {
    Path q = inputs();
    Path context = q.resolve("render-context.yaml");
    String plain = Files.readString(context);
    Files.writeString(context, plain.replace("  - url: https://dex.example.com/dex\n",
        "  - url: https://dex.example.com/dex\n  - {url: 'https://a;$(reboot).example.com/x'}\n"
            + "  - {url: \"https://b\\e[31m.example.com/\"}\n"));
    Path file = q.resolve("resolved-hosts.yaml");
    MapLookup lookup = quickstartAnswers();
    Cli.Result hostile = Cli.run(lookup, "resolve", q.toString(), "--out", file.toString());
    assertEquals(4, hostile.exit(), hostile::toString);
    assertTrue(hostile.err().contains("error[url-invalid]"), hostile.err());
    assertFalse(hostile.err().contains("\u001b"), "escaped: " + hostile.err());
    assertEquals(List.of(), lookup.asked);
    Files.writeString(context, plain);
    java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<Cli.Result>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(two.submit(() -> Cli.run(lookup, "resolve", q.toString(), "--out", file.toString())));
      }
      for (java.util.concurrent.Future<Cli.Result> run : runs) {
        Cli.Result result = run.get();
        assertEquals(0, result.exit(), () -> "a run at the same time: " + result);
      }
    } finally {
      two.shutdownNow();
    }
    assertEquals(0, Cli.run(lookup, "resolve", q.toString(), "--out", file.toString(), "--check").exit(),
        "the file is one whole document");
    try (var listing = Files.list(q)) {
      assertFalse(listing.anyMatch(p -> p.getFileName().toString().startsWith(".apiserver-policy-")));
    }
  }

  @Test
  void inputsWithErrorsResolveNothing() throws IOException {
    Path q = inputs();
    Files.writeString(q.resolve("broken.yaml"), "apiVersion: v1\nkind: [\n");
    MapLookup lookup = quickstartAnswers();
    Cli.Result r = Cli.run(lookup, "resolve", q.toString(), "--out", q.resolve("resolved-hosts.yaml").toString());
    assertEquals(4, r.exit(), r::toString);
    assertEquals(List.of(), lookup.asked);
    assertFalse(Files.exists(q.resolve("resolved-hosts.yaml")));
  }

  /** Issue 24, item 8: gated like render. Lint's errors, except the addresses resolve finds, stop it. */
  @Test
  void lintErrorsOtherThanMissingAddressesResolveNothing() throws IOException {
    Path q = inputs();
    Path file = q.resolve("resolved-hosts.yaml");
    Cli.Result lint = Cli.run("lint", q.toString());
    assertEquals(1, lint.exit(), "without the file, lint finds the missing addresses: " + lint);
    Files.writeString(q.resolve("other.yaml"), "apiVersion: apiserver-policy.dev/v1alpha1\nkind: RenderContext\n"
        + "metadata: {name: other}\nspec:\n  oidcIssuers:\n  - {url: 'https://other.example.com'}\n");
    MapLookup lookup = quickstartAnswers().answer("other.example.com", "203.0.113.50");
    Cli.Result r = Cli.run(lookup, "resolve", q.toString(), "--out", file.toString());
    assertEquals(4, r.exit(), r::toString);
    assertTrue(r.err().contains("error[context-binding]"), r.err());
    assertTrue(r.err().contains("the inputs have errors that resolving does not fix"), r.err());
    assertFalse(r.err().contains("oidc-issuer-unresolved"), "what resolve would fix is not listed: " + r.err());
    assertEquals(List.of(), lookup.asked);
    assertFalse(Files.exists(file));
    Cli.Result check = Cli.run(lookup, "resolve", q.toString(), "--out", file.toString(), "--check");
    assertEquals(4, check.exit(), check::toString);
    assertTrue(check.err().contains(" was not checked"), check.err());
  }

  /** The answers are linted with the inputs: another ResolvedHosts input that disagrees leaves FILE alone. */
  @Test
  void answersThatLeaveTheInputsWithErrorsAreNotWritten() throws IOException {
    Path q = inputs();
    Files.writeString(q.resolve("older-hosts.yaml"), "apiVersion: apiserver-policy.dev/v1alpha1\n"
        + "kind: ResolvedHosts\nmetadata: {name: older}\nspec:\n  hosts:\n"
        + "  - {name: dex.example.com, addresses: [203.0.113.99]}\n");
    Path file = q.resolve("resolved-hosts.yaml");
    Cli.Result r = Cli.run(quickstartAnswers(), "resolve", q.toString(), "--out", file.toString());
    assertEquals(4, r.exit(), r::toString);
    assertTrue(r.err().contains("the inputs still have errors with these answers"), r.err());
    assertFalse(Files.exists(file));
  }

  /** The file resolve writes is not one of its inputs: its old answers, even unusable ones, are replaced. */
  @Test
  void theOldFileAtOutIsReplacedNotRead() throws IOException {
    Path q = inputs();
    Path file = q.resolve("resolved-hosts.yaml");
    Files.writeString(file, "apiVersion: apiserver-policy.dev/v1alpha1\nkind: ResolvedHosts\n"
        + "metadata: {name: resolved-hosts}\nspec:\n  hosts:\n  - {name: dex.example.com, addresses: [127.0.0.1]}\n");
    assertEquals(1, Cli.run("lint", q.toString()).exit());
    Cli.Result r = Cli.run(quickstartAnswers(), "resolve", q.toString(), "--out", file.toString());
    assertEquals(0, r.exit(), r::toString);
    assertFalse(Files.readString(file).contains("127.0.0.1"));
    assertEquals(0, Cli.run("lint", q.toString()).exit());
  }

  /** Issue 24, item 8: under the Cilium flavour's fqdnEgress, issuers and webhooks are rendered by name. */
  @Test
  void namesTheCiliumFlavourReachesByNameAreNotLookedUp() throws IOException {
    Path q = inputs();
    Path context = q.resolve("render-context.yaml");
    Files.writeString(context, Files.readString(context)
        .replace("  cni: cilium\n", "  cni: cilium\n  cilium: {fqdnEgress: true}\n"));
    Path file = q.resolve("resolved-hosts.yaml");
    MapLookup nothing = new MapLookup();
    Cli.Result r = Cli.run(nothing, "resolve", q.toString(), "--out", file.toString());
    assertEquals(0, r.exit(), r::toString);
    assertEquals(List.of(), nothing.asked);
    assertTrue(r.err().contains("resolved 0 hosts"), r.err());
    Cli.Result render = Cli.run("render", q.toString(), "--stdout");
    assertEquals(0, render.exit(), render::toString);
    assertTrue(render.out().contains("matchName: dex.example.com"), "reached by name");
  }
}
