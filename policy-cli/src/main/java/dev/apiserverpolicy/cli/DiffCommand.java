package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.reach.AccessDiff;
import dev.apiserverpolicy.reach.AccessDiffer;
import dev.apiserverpolicy.reach.DiffFormat;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.Rendering;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code diff}: what a change of the inputs does to who may reach what. */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = {"Compare two input trees (e.g. two worktrees of the repository) by what their manifests allow: "
        + "per cluster, who may reach the API server (source ranges per path, exposure, the NodePort bypass), where "
        + "its pods may connect (each destination with the policy that allows it), the gate, and the findings that "
        + "appear or go away. Both trees are rendered with the same options and compared by the NetworkPolicy "
        + "evaluator: a reordering or reformatting is no change."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no change", "1:changes", "2:usage error",
        "3:errors in either tree (printed on stderr), or an unreadable input"})
final class DiffCommand implements Callable<Integer>, MachineOutput {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BASE", description = "The inputs before the change (a folder or file).")
  Path base;

  @Parameters(index = "1", paramLabel = "HEAD", description = "The inputs after the change (a folder or file).")
  Path head;

  @Option(names = "--profile", paramLabel = "PROFILE",
      description = "Override both trees' RenderContext profile: ${COMPLETION-CANDIDATES}.")
  Profile profile;

  @Option(names = "--new", description = "Treat the clusters as being created (as render --new does), on both sides.")
  boolean newClusters;

  @Option(names = {"-o", "--output", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "${COMPLETION-CANDIDATES} (markdown: for a pull-request comment, at most 60,000 characters; "
          + "json: shape " + AccessDiff.JSON_VERSION + ", docs/spec.md). Default: ${DEFAULT-VALUE}.")
  DiffFormat format;

  @Override
  public java.util.Optional<String> failure(String message, String hint, int exitCode) {
    return format == DiffFormat.JSON ? java.util.Optional.of(MachineOutput.jsonError(message, hint, exitCode))
        : java.util.Optional.empty();
  }

  @Override
  public Integer call() throws Exception {
    RenderOptions.Builder options = RenderOptions.builder().newClusters(newClusters);
    if (profile != null) {
      options.profile(profile);
    }
    RenderOptions built = options.build();
    Rendering before = LoadedInput.loadTree(base).rendered(built);
    Rendering after = LoadedInput.loadTree(head).rendered(built);
    AccessDiff diff = AccessDiffer.compare(before, after);
    PrintWriter out = spec.commandLine().getOut();
    out.print(TerminalText.escapeLines(format.write(diff)));
    out.flush();
    boolean errors = reportErrors("BASE", base, before) | reportErrors("HEAD", head, after);
    return errors ? ExitCodes.FILE_ACCESS : diff.changed() ? ExitCodes.DIFFERS : ExitCodes.OK;
  }

  private boolean reportErrors(String which, Path tree, Rendering rendering) {
    long errors = rendering.allDiagnostics().stream()
        .filter(d -> d.severity() == dev.apiserverpolicy.model.Severity.ERROR).count();
    if (errors == 0) {
      return false;
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println("error: " + which + " (" + TerminalText.escape(LoadedInput.display(tree)) + ") has " + errors
        + (errors == 1 ? " error" : " errors") + "; clusters with errors are compared by their findings only");
    err.println("  hint: run 'apiserver-policy lint " + TerminalText.escape(LoadedInput.display(tree))
        + "' to see them");
    err.flush();
    return true;
  }
}
