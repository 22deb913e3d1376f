package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.render.RenderOptions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lint}: every diagnostic about the input, as text or JSON. */
@Command(name = "lint", mixinStandardHelpOptions = true,
    description = "Check the input and print every finding (errors, warnings, infos); writes nothing.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no finding at or above --fail-on", "1:findings at or above --fail-on", "2:usage error",
        "3:unreadable input"})
final class LintCommand implements Callable<Integer>, MachineOutput {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  InputOptions input;

  /** How lint prints its findings. */
  enum Format {
    TEXT,
    JSON,
    SARIF,
    GITHUB;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Option(names = {"-o", "--output", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "${COMPLETION-CANDIDATES} (json: an array of objects with code, severity, file, line, column, "
          + "path, message, hint, and cluster when there is one; sarif: SARIF 2.1.0 for code scanning; github: "
          + "GitHub Actions annotations). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Override
  public Optional<String> failure(String message, String hint, int exitCode) {
    return format == Format.JSON ? Optional.of(MachineOutput.jsonError(message, hint, exitCode))
        : format == Format.SARIF ? Optional.of(SarifReport.failure(message + "\nhint: " + hint, exitCode, version()))
        : Optional.empty();
  }

  private static String version() {
    return new VersionProvider().getVersion()[0].substring("apiserver-policy ".length());
  }

  @Override
  public Integer call() throws Exception {
    LoadedInput loaded = input.load(spec.commandLine());
    RenderOptions.Builder options = input.renderOptions();
    SilencedFindings silencer = new SilencedFindings(loaded.read().suppressions());
    List<Diagnostic> diagnostics = LoadedInput.rendered(loaded.read(), options.build(), silencer,
        input.progress).allDiagnostics();
    if (format == Format.JSON) {
      DiagnosticPrinter.json(spec.commandLine().getOut(), diagnostics);
    } else if (format == Format.SARIF || format == Format.GITHUB) {
      String version = version();
      spec.commandLine().getOut().print(format == Format.SARIF
          ? SarifReport.write(diagnostics, silencer.silenced(), version) : GithubAnnotations.write(diagnostics));
      spec.commandLine().getOut().flush();
    } else {
      DiagnosticPrinter.text(spec.commandLine().getOut(), diagnostics);
      spec.commandLine().getOut().flush();
      if (!input.detail.quiet) {
        printSummary(loaded, diagnostics, silencer);
      }
    }
    return DiagnosticPrinter.anyAtLeast(diagnostics, input.failOn) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  /** How many findings in how many files, per code and severity; what was silenced. */
  private void printSummary(LoadedInput loaded, List<Diagnostic> diagnostics, SilencedFindings silencer) {
    java.io.PrintWriter err = spec.commandLine().getErr();
    err.println("apiserver-policy: " + diagnostics.size() + (diagnostics.size() == 1 ? " finding" : " findings")
        + " in " + loaded.files() + (loaded.files() == 1 ? " file" : " files"));
    FindingCounts counts = new FindingCounts();
    counts.addAll(diagnostics);
    counts.print(err, "  ");
    silencer.printSummary(err);
    err.flush();
  }
}
