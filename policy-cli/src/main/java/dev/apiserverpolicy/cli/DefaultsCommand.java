package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.Severity;
import dev.apiserverpolicy.render.BoundInputs;
import dev.apiserverpolicy.render.ClusterDefaulting;
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.InputBinding;
import dev.apiserverpolicy.render.ManifestRenderer;
import dev.apiserverpolicy.render.YamlManifestWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    // The findings are those of render --new, so that every command agrees on what is wrong.
    List<Diagnostic> diagnostics = ManifestRenderer.renderAll(loaded.read(),
        input.renderOptions().newClusters(true).build()).allDiagnostics();
    Set<String> withErrors = new HashSet<>();
    diagnostics.stream().filter(d -> d.severity() == Severity.ERROR)
        .forEach(d -> d.object().ifPresent(withErrors::add));
    BoundInputs bound = InputBinding.bind(loaded.read());
    List<Cluster> defaulted = new ArrayList<>();
    for (ClusterInputs c : bound.clusters()) {
      // An object with an error is never printed as if it were fine; the error says why.
      if (withErrors.contains(c.cluster().ref()) || withErrors.contains(c.seed().ref())) {
        continue;
      }
      ClusterDefaulting.Defaulted d = ClusterDefaulting.forCreation(c.cluster(), c.seed(), loaded.read().templates());
      if (d.diagnostics().stream().noneMatch(x -> x.severity() == Severity.ERROR)) {
        defaulted.add(d.cluster());
      }
    }
    DiagnosticPrinter.text(spec.commandLine().getErr(), diagnostics);
    spec.commandLine().getOut().print(YamlManifestWriter.writeClusters(defaulted, loaded.label()));
    spec.commandLine().getOut().flush();
    return DiagnosticPrinter.anyAtLeast(diagnostics, input.failOn) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }
}
