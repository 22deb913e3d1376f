package dev.apiserverpolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line, in-process through picocli. */
class ApiserverPolicyCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return ApiserverPolicyCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
  }

  @Test
  void helpListsExitCodes() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString().contains("Usage: apiserver-policy"), out::toString);
    assertTrue(out.toString().contains("3   unreadable input"), out::toString);
  }

  @Test
  void versionIsPrinted() {
    assertEquals(0, run("--version"));
    assertTrue(out.toString().startsWith("apiserver-policy "), out::toString);
  }

  @Test
  void noCommandIsAUsageError() {
    assertEquals(2, run());
    assertTrue(err.toString().contains("Missing a command"), err::toString);
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertEquals(2, run("--frobnicate"));
    assertTrue(err.toString().contains("Unknown option"), err::toString);
  }

  @Test
  void buildingOnlyTheSubcommandInUseChangesNothingItPrints() {
    for (String name : List.of("render", "lint", "explain", "defaults", "cleanup")) {
      for (List<String> args : List.of(List.of(name, "--help"), List.of(name, "--frobnicate"), List.of(name))) {
        assertEquals(printed(null, args), printed(name, args), () -> String.join(" ", args));
      }
    }
    // The full command line lists every subcommand, and is what a mistyped one gets.
    assertTrue(printed("rendr", List.of("rendr")).contains("Did you mean"), () -> printed("rendr", List.of("rendr")));
    assertTrue(printed("help", List.of("help")).contains("cleanup"));
  }

  private static String printed(String only, List<String> args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int exit = ApiserverPolicyCommand.commandLine(new PrintWriter(o, true), new PrintWriter(e, true), only)
        .execute(args.toArray(String[]::new));
    return "exit " + exit + "\n" + o + "\n" + e;
  }

  /** An @file argument is an argument, not a command line read from the repository. */
  @Test
  void anAtFileIsNeverExpanded(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    java.nio.file.Path argfile = tmp.resolve("argfile");
    java.nio.file.Files.writeString(argfile, "render\n" + Cli.quickstart() + "\n--stdout\nsecret-in-the-file\n");
    Cli.Result whole = Cli.run("@" + argfile);
    assertEquals(2, whole.exit(), whole::toString);
    assertTrue(whole.out().isEmpty(), whole::toString);
    Cli.Result inside = Cli.run("lint", "@" + argfile);
    assertTrue(!inside.err().contains("secret-in-the-file") && !inside.out().contains("secret-in-the-file"),
        inside::toString);
  }
}
