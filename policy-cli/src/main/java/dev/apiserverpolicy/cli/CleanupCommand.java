package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.render.cleanup.CleanupCommands;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cleanup}: the kubectl commands that remove the policies of disabled clusters. */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
    description = {"For clusters whose apiserverNetworkPolicy gate is not on, print the exact kubectl command that "
        + "deletes the NetworkPolicies apiserver-policy would manage for them (and no others). For clusters not "
        + "managed by GitOps: with GitOps, render prunes those files instead. A cluster with errors (its own, its "
        + "seed's or its RenderContext's) gets no command; the errors are printed, as render prints them."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:printed", "1:findings at or above --fail-on", "2:usage error", "3:unreadable input"})
final class CleanupCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  InputOptions input;

  @Override
  public Integer call() throws Exception {
    LoadedInput loaded = input.load(spec.commandLine());
    CleanupCommands.Plan plan = CleanupCommands.plan(loaded.read(), input.renderOptions().build());
    DiagnosticPrinter.text(spec.commandLine().getErr(), plan.diagnostics());
    PrintWriter out = spec.commandLine().getOut();
    for (CleanupCommands.Command command : plan.commands()) {
      out.println(command.comment());
      out.println(command.shellLine());
      command.ciliumShellLine().ifPresent(out::println);
    }
    out.flush();
    if (input.detail.quiet) {
      return DiagnosticPrinter.anyAtLeast(plan.diagnostics(), input.failOn) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
    spec.commandLine().getErr().println("apiserver-policy: " + plan.commands().size() + " of " + plan.clusters()
        + " clusters have the gate off" + (plan.withErrors() == 0 ? ""
            : "; " + plan.withErrors() + (plan.withErrors() == 1 ? " cluster has" : " clusters have")
                + " errors (above) and no command"));
    return DiagnosticPrinter.anyAtLeast(plan.diagnostics(), input.failOn) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }
}
