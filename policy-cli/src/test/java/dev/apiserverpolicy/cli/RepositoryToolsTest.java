package dev.apiserverpolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.testing.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The pre-commit hooks and the GitHub workflow run commands that exist, with options that exist. */
class RepositoryToolsTest {
  @TempDir
  Path tmp;

  @Test
  @SuppressWarnings("unchecked")
  void eachPreCommitHookPassesOnAnUpToDateQuickstart() throws IOException {
    Path inputs = Cli.copyQuickstart(tmp);
    Path manifests = tmp.resolve("manifests");
    assertEquals(0, Cli.run("render", inputs.toString(), "--out", manifests.toString()).exit());
    List<Map<String, Object>> hooks = (List<Map<String, Object>>) new Load(LoadSettings.builder().build())
        .loadFromString(Files.readString(ProjectFiles.root().resolve(".pre-commit-hooks.yaml")));
    assertEquals(List.of("apiserver-policy-lint", "apiserver-policy-check"), hooks.stream().map(h -> h.get("id"))
        .toList());
    for (Map<String, Object> hook : hooks) {
      List<String> args = new ArrayList<>(List.of(((String) hook.get("entry")).split(" ")));
      assertEquals("apiserver-policy", args.remove(0));
      for (Object arg : (List<Object>) hook.get("args")) {
        args.add(arg.equals("inputs") ? inputs.toString() : arg.equals("manifests") ? manifests.toString()
            : (String) arg);
      }
      assertEquals(false, hook.get("pass_filenames"), "the tool reads the whole tree");
      Cli.Result r = Cli.run(args.toArray(String[]::new));
      assertEquals(0, r.exit(), hook.get("id") + ": " + r);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theWorkflowIsYamlThatDiffsPostsUploadsAndChecks() throws IOException {
    Map<String, Object> workflow = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(
        Files.readString(ProjectFiles.root().resolve("examples/gitops/github/apiserver-policy.yaml")));
    Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get("review");
    String steps = job.get("steps").toString();
    for (String part : List.of("git worktree add", "diff \"$RUNNER_TEMP/base/inputs\" inputs --format markdown",
        "gh pr comment", "--format sarif", "github/codeql-action/upload-sarif", "ci/ci-check.sh inputs manifests")) {
      assertTrue(steps.contains(part), "the workflow " + part);
    }
  }

  private static final Pattern COMMAND = Pattern.compile("apiserver-policy ((?:render|lint|diff|explain|defaults"
      + "|cleanup|resolve) [^\\n|>]*)");

  /** The code of a file: a Markdown file's fenced blocks; a YAML file without its comment lines. */
  private static String code(String text, boolean markdown) {
    StringBuilder out = new StringBuilder();
    boolean inBlock = !markdown;
    for (String line : text.split("\n")) {
      if (markdown && line.startsWith("```")) {
        inBlock = !inBlock;
      } else if (inBlock && !line.strip().startsWith("#")) {
        out.append(line).append('\n');
      }
    }
    // A shell line continued with a backslash is one command.
    return out.toString().replaceAll("\\\\\n\\s*", " ");
  }

  /** Every apiserver-policy command line of the workflow and the READMEs parses (nothing is run). */
  @Test
  void everyCommandLineOfTheExamplesParses() throws IOException {
    int seen = 0;
    for (String file : List.of("examples/gitops/github/apiserver-policy.yaml", "examples/gitops/README.md",
        "README.md")) {
      Matcher m = COMMAND.matcher(code(Files.readString(ProjectFiles.root().resolve(file), StandardCharsets.UTF_8),
          file.endsWith(".md")));
      while (m.find()) {
        String line = m.group(1).replaceAll("\\s+#.*$", "").replaceAll("[`\"]", " ").replace("\\", " ").strip();
        List<String> args = new ArrayList<>(List.of(line.split("\\s+")));
        var cl = ApiserverPolicyCommand.commandLine(new java.io.PrintWriter(java.io.Writer.nullWriter()),
            new java.io.PrintWriter(java.io.Writer.nullWriter()));
        try {
          cl.parseArgs(args.toArray(String[]::new));
        } catch (picocli.CommandLine.ParameterException e) {
          throw new AssertionError(file + ": 'apiserver-policy " + line + "' does not parse: " + e.getMessage(), e);
        }
        seen++;
      }
    }
    assertTrue(seen >= 5, "found the command lines: " + seen);
  }
}
