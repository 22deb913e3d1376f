package dev.apiserverpolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code completion bash|zsh|fish}: scripts made from the commands, which a shell can use. */
class CompletionCommandTest {
  @TempDir
  Path tmp;

  /** What bash's completion offers for the words typed so far. */
  private String bashCompletes(String typed) throws IOException, InterruptedException {
    Path script = tmp.resolve("c.bash");
    Files.writeString(script, Cli.run("completion", "bash").out(), StandardCharsets.UTF_8);
    String probe = "source '" + script + "'; COMP_LINE='" + typed + "'; COMP_POINT=${#COMP_LINE}; "
        + "read -ra COMP_WORDS <<< \"$COMP_LINE\"; [[ $COMP_LINE == *' ' ]] && COMP_WORDS+=(''); "
        + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); _complete_apiserver-policy; echo \"${COMPREPLY[*]}\"";
    // compopt complains outside a real completion; what it says is not the answer.
    Process p = new ProcessBuilder("bash", "-c", probe).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
  }

  @Test
  void bashCompletesCommandsOptionsAndValues() throws Exception {
    assertEquals("lint", bashCompletes("apiserver-policy li"));
    assertTrue(List.of(bashCompletes("apiserver-policy di").split(" ")).contains("diff"));
    assertTrue(bashCompletes("apiserver-policy lint --for").contains("--format"));
    assertEquals("sarif", bashCompletes("apiserver-policy lint --format sa"));
  }

  @Test
  void zshLoadsBashsCompletionFirstAndFishHasEveryCommandAndOption() {
    assertTrue(Cli.run("completion", "zsh").out().startsWith("autoload -U +X compinit && compinit\n"
        + "autoload -U +X bashcompinit && bashcompinit\n"));
    String fish = Cli.run("completion", "fish").out();
    for (String command : List.of("render", "lint", "diff", "explain", "defaults", "cleanup", "resolve")) {
      assertTrue(fish.contains("-a " + command + " -d "), command);
    }
    assertTrue(fish.contains("-n '__fish_seen_subcommand_from lint' -s o -l output -l format -x -a "
        + "'text json sarif github'"), fish);
    for (String line : fish.split("\n")) {
      assertTrue(line.startsWith("#") || line.startsWith("complete -c apiserver-policy"), line);
      assertEquals(0, line.replace("\\\\", "").replace("\\'", "").chars().filter(c -> c == '\'').count() % 2, line);
    }
    assertEquals(2, Cli.run("completion", "tcsh").exit());
  }
}
