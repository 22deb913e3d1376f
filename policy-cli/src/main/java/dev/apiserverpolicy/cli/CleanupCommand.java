package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.render.BoundInputs;
import dev.apiserverpolicy.render.CleanupCommands;
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.InputValidator;
import dev.apiserverpolicy.render.RenderOptions;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cleanup}: the kubectl commands that remove the policies of disabled clusters. */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
    description = {"For clusters whose apiserverNetworkPolicy gate is not on, print the exact kubectl command that "
        + "deletes the NetworkPolicies apiserver-policy would manage for them (and no others). For clusters not "
        + "managed by GitOps: with GitOps, render prunes those files instead."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:printed", "1:findings at or above --fail-on", "2:usage error", "3:unreadable input"})
final class CleanupCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  InputOptions input;

  @Override
  public Integer call() throws Exception {
    LoadedInput loaded = LoadedInput.load(input.paths);
    BoundInputs bound = InputValidator.validate(loaded.read());
    RenderOptions.Builder options = input.renderOptions();
    DiagnosticPrinter.text(spec.commandLine().getErr(), loaded.read().diagnostics());
    PrintWriter out = spec.commandLine().getOut();
    List<ClusterInputs> clusters = bound.clusters().stream()
        .sorted(Comparator.comparing((ClusterInputs c) -> c.seed().name()).thenComparing(c -> c.cluster().name()))
        .toList();
    int printed = 0;
    for (ClusterInputs c : clusters) {
      Optional<String> command = CleanupCommands.forCluster(c, options.build());
      if (command.isPresent()) {
        out.println("# " + c.seed().name() + "/" + c.cluster().name() + ": apiserverNetworkPolicy is "
            + c.cluster().spec().apiserverNetworkPolicyGate().map(g -> "false").orElse("absent"));
        out.println(command.get());
        printed++;
      }
    }
    out.flush();
    spec.commandLine().getErr().println("apiserver-policy: " + printed + " of " + clusters.size()
        + " clusters have the gate off");
    return DiagnosticPrinter.anyAtLeast(loaded.read().diagnostics(), input.failOn) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }
}
