package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.Rendering;
import dev.apiserverpolicy.render.yaml.YamlManifestWriter;
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
    LoadedInput loaded = input.load(spec.commandLine());
    // The same run as render --new: the findings are its findings, the clusters the ones it defaulted.
    Rendering rendering = loaded.rendered(input.renderOptions().newClusters(true).build(),
        input.progress);
    List<Cluster> defaulted = new ArrayList<>();
    for (ClusterManifests m : rendering.clusters()) {
      // A cluster with an error is never printed as if it were fine; the error says why.
      if (!m.failed()) {
        m.inputs().ifPresent(inputs -> defaulted.add(inputs.cluster()));
      }
    }
    List<Diagnostic> diagnostics = rendering.allDiagnostics();
    DiagnosticPrinter.text(spec.commandLine().getErr(), diagnostics);
    spec.commandLine().getOut().print(YamlManifestWriter.writeClusters(defaulted, loaded.label()));
    spec.commandLine().getOut().flush();
    return DiagnosticPrinter.anyAtLeast(diagnostics, input.failOn) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }
}
