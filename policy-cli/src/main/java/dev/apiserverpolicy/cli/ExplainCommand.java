package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.reach.AccessExplainer;
import dev.apiserverpolicy.reach.AccessExplanation;
import dev.apiserverpolicy.reach.ExplanationFormat;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.Rendering;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code explain}: what each cluster's apiserver may reach, and who may reach it. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = {"Explain what the rendered manifests allow: where the apiserver pods may connect (destination, "
        + "connections, and the policy that allows it) and who may connect to the API server. Computed from the "
        + "rendered objects by the NetworkPolicy evaluator."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:explained", "1:findings at or above --fail-on, or no such cluster", "2:usage error",
        "3:unreadable input"})
final class ExplainCommand implements Callable<Integer>, MachineOutput {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  InputOptions input;

  @Option(names = "--cluster", paramLabel = "NAME", description = "Explain only this cluster.")
  String cluster;

  @Option(names = {"-o", "--output", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "${COMPLETION-CANDIDATES} (json: shape apiserver-policy.dev/explain/v1, docs/spec.md). "
          + "Default: ${DEFAULT-VALUE}.")
  ExplanationFormat format;

  @Override
  public java.util.Optional<String> failure(String message, String hint, int exitCode) {
    return format == ExplanationFormat.JSON ? java.util.Optional.of(MachineOutput.jsonError(message, hint, exitCode))
        : java.util.Optional.empty();
  }

  @Override
  public Integer call() throws Exception {
    LoadedInput loaded = input.load(spec.commandLine());
    RenderOptions.Builder options = input.renderOptions();
    Rendering rendering = loaded.rendered(options.build(), input.progress);
    // With --cluster, that cluster's findings and those about no cluster (a seed's, a file's), not the others'.
    List<Diagnostic> diagnostics = cluster == null ? rendering.allDiagnostics()
        : java.util.stream.Stream.concat(rendering.clusters().stream().filter(m -> m.cluster().equals(cluster))
            .flatMap(m -> m.diagnostics().stream()), rendering.diagnostics().stream()).toList();
    DiagnosticPrinter.text(spec.commandLine().getErr(), diagnostics);
    List<AccessExplanation> explanations = new ArrayList<>();
    for (ClusterManifests m : rendering.clusters()) {
      if (m.failed() || (cluster != null && !cluster.equals(m.cluster()))) {
        continue;
      }
      explanations.add(AccessExplainer.explain(m));
    }
    if (cluster != null && explanations.isEmpty()) {
      spec.commandLine().getErr().println("error: no rendered cluster named " + TerminalText.escape(cluster));
      spec.commandLine().getErr().println("  hint: check the name, and the errors above");
      return ExitCodes.FINDINGS;
    }
    spec.commandLine().getOut().print(TerminalText.escapeLines(format.write(explanations)));
    spec.commandLine().getOut().flush();
    return DiagnosticPrinter.anyAtLeast(diagnostics, input.failOn) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }
}
