package dev.apiserverpolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
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
}
