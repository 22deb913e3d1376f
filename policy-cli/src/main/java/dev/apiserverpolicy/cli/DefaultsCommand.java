package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.render.BoundInputs;
import dev.apiserverpolicy.render.ClusterDefaulting;
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.InputBinding;
import dev.apiserverpolicy.render.YamlManifestWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code defaults}: the clusters as they would be defaulted on creation. */
@Command(name = "defaults", mixinStandardHelpOptions = true,
    description = {"Print each cluster as it would be defaulted when created: fields it leaves out come from "
        + "its seed's default ClusterTemplate, an absent apiserverNetworkPolicy gate becomes true, and a missing "
        + "expose strategy comes from the seed (else NodePort). Only the fields apiserver-policy reads are printed."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:printed", "1:findings at or above --fail-on", "2:usage error", "3:unreadable input"})
final class DefaultsCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  InputOptions input;

  @Override
  public Integer call() throws Exception {
    LoadedInput loaded = LoadedInput.load(input.paths);
    BoundInputs bound = InputBinding.bind(loaded.read());
    List<Diagnostic> diagnostics = new ArrayList<>(loaded.read().diagnostics());
    diagnostics.addAll(bound.diagnostics());
    List<Cluster> defaulted = new ArrayList<>();
    for (ClusterInputs c : bound.clusters()) {
      ClusterDefaulting.Defaulted d = ClusterDefaulting.forCreation(c.cluster(), c.seed(), loaded.read().templates());
      d.diagnostics().stream().filter(x -> !diagnostics.contains(x)).forEach(diagnostics::add);
      defaulted.add(d.cluster());
    }
    DiagnosticPrinter.text(spec.commandLine().getErr(), diagnostics);
    spec.commandLine().getOut().print(YamlManifestWriter.writeClusters(defaulted, loaded.label()));
    spec.commandLine().getOut().flush();
    return DiagnosticPrinter.anyAtLeast(diagnostics, input.failOn) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }
}
