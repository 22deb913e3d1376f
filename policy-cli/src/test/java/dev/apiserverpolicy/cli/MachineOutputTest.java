package dev.apiserverpolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code -o/--output} beside {@code --format}, and machine formats that stay machine formats on failure. */
class MachineOutputTest {
  @ParameterizedTest
  @ValueSource(strings = {"lint", "explain"})
  void dashOAndOutputAreFormat(String command) {
    String format = command.equals("lint") ? "json" : "dot";
    String byFormat = Cli.run(command, Cli.quickstart().toString(), "--format", format).out();
    assertEquals(byFormat, Cli.run(command, Cli.quickstart().toString(), "-o", format).out());
    assertEquals(byFormat, Cli.run(command, Cli.quickstart().toString(), "--output", format).out());
  }

  @Test
  void anUnreadableInputIsStillJsonOnStandardOutput() {
    for (List<String> args : List.of(List.of("lint", "/nonexistent/in", "-o", "json"),
        List.of("diff", "/nonexistent/a", "/nonexistent/b", "-o", "json"))) {
      Cli.Result r = Cli.run(args.toArray(String[]::new));
      assertEquals(3, r.exit(), r::toString);
      assertEquals("{\"error\": {\"message\": \"/nonexistent/" + (args.get(0).equals("lint") ? "in" : "a")
          + ": no such file or directory\", \"hint\": \"check the path\", \"exitCode\": 3}}\n", r.out());
      assertTrue(r.err().startsWith("error: /nonexistent/"), r.err());
    }
  }

  @Test
  void anUnreadableInputIsStillValidSarif() throws IOException {
    Cli.Result r = Cli.run("lint", "/nonexistent/in", "-o", "sarif");
    assertEquals(3, r.exit());
    assertEquals(List.of(), SarifReportTest.errors(r.out()), r.out());
    assertTrue(r.out().contains("\"executionSuccessful\": false, \"exitCode\": 3"), r.out());
  }

  @Test
  void textFormatsPrintNothingOnStandardOutputOnFailure() {
    assertEquals("", Cli.run("lint", "/nonexistent/in").out());
  }
}
