package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.ApiserverPolicy;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.RenderOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code render}: read, render every cluster, and write (and prune) the output folder. */
@Command(name = "render", mixinStandardHelpOptions = true,
    description = {"Render the NetworkPolicies and Services of every cluster under PATH.",
        "Writes <out>/<seed>/cluster-<name>/<kind>-<name>.yaml, a kustomization.yaml per cluster, per seed "
            + "and at the top (kubectl kustomize builds any level), deletes files it generated before that are no "
            + "longer generated, and never touches other files."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:rendered (or, under --check, up to date); nothing at or above --fail-on",
        "1:drift under --check: files would be created, changed or deleted", "2:usage error",
        "3:unreadable input or unwritable output",
        "4:findings at or above --fail-on (by default: an input error), or a file in the way of one to write"})
final class RenderCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  InputOptions input;

  /** Where the manifests go: a folder (which --check only compares) or standard output. */
  @ArgGroup(exclusive = true, multiplicity = "1")
  Destination destination;

  static final class Destination {
    @ArgGroup(exclusive = false, multiplicity = "1")
    Folder folder;

    @Option(names = "--stdout", required = true,
        description = "Print the manifests as one YAML stream instead of writing files.")
    boolean stdout;
  }

  static final class Folder {
    @Option(names = "--out", paramLabel = "DIR", required = true,
        description = "Output folder (the GitOps repository's manifests folder).")
    Path out;

    @Option(names = "--check", description = "Write nothing; list the files that would be created, changed or "
        + "deleted with a unified diff of each (bounded), and exit 1 if there are any (for CI).")
    boolean check;
  }

  @Option(names = "--layout", paramLabel = "LAYOUT", defaultValue = "gitops",
      description = "${COMPLETION-CANDIDATES}: gitops writes one file per object and a kustomization per cluster, "
          + "single-file one file per cluster; both a kustomization per seed and one at the top. "
          + "Default: ${DEFAULT-VALUE}.")
  OutputLayout layout;

  @Option(names = "--new", description = "Treat the clusters as being created: default them from their seed's "
      + "default ClusterTemplate first (an absent apiserverNetworkPolicy gate becomes true).")
  boolean newClusters;

  @Option(names = "--allow-empty-input", description = "Let an input with no clusters delete the files it "
      + "generated before. Without it, such an input deletes nothing (an empty or unreadable input is more often a "
      + "mistake than a wish to remove every policy).")
  boolean allowEmptyInput;

  /** Replaced by tests to inject failures while writing. */
  ManifestFileWriter writer = ManifestFileWriter.ATOMIC;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    LoadedInput loaded = input.load(spec.commandLine());
    progress = input.progress;
    RenderOptions.Builder options = input.renderOptions().newClusters(newClusters);
    PrintWriter outWriter = spec.commandLine().getOut();
    if (destination.stdout) {
      return renderToStdout(loaded, options, err, outWriter);
    }
    out = destination.folder.out;
    check = destination.folder.check;
    diffs = check && !input.detail.quiet ? new CheckDiffs() : null;
    return renderToFolder(loaded, options, err, outWriter);
  }

  // The output folder, --check and what it shows, once the destination is known.
  private Path out;
  private boolean check;
  private CheckDiffs diffs;
  private Progress progress = Progress.NONE;

  /** Streamed: each cluster is printed as soon as it is rendered and then forgotten. */
  private int renderToStdout(LoadedInput loaded, RenderOptions.Builder options, PrintWriter err,
      PrintWriter outWriter) {
    ApiserverPolicy policy = ApiserverPolicy.create(options.build());
    outWriter.print(ApiserverPolicy.yamlHeader(loaded.label()));
    RunSummary summary = new RunSummary();
    // The YAML is written and encoded on the rendering threads; only printing is in order, here.
    SilencedFindings silencer = new SilencedFindings(loaded.read().suppressions());
    List<Diagnostic> general = silencer.keep(policy.renderEach(loaded.read(), rendered -> {
      ClusterManifests c = silencer.keep(rendered);
      return new RenderedYaml(c, ApiserverPolicy.yamlDocuments(c).getBytes(StandardCharsets.UTF_8),
          DiagnosticPrinter.text(c.diagnostics()));
    },
        rendered -> {
          summary.add(rendered.cluster());
          progress.step("rendered clusters:", summary.clusters(), loaded.read().clusters().size());
          printFindings(err, rendered.findings());
          if (outWriter instanceof Utf8Output utf8) {
            utf8.writeUtf8(rendered.yaml());
          } else {
            outWriter.write(new String(rendered.yaml(), StandardCharsets.UTF_8));
          }
        }), java.util.Optional.empty());
    outWriter.flush();
    progress.finish();
    DiagnosticPrinter.text(err, general);
    summary.addGeneral(general);
    printSummary(summary, silencer, loaded, null, err);
    boolean findings = summary.anyAtLeast(input.failOn) || DiagnosticPrinter.anyAtLeast(general, input.failOn);
    return findings ? ExitCodes.INPUT_FINDINGS : ExitCodes.OK;
  }

  /** Into --out: under a lock, compared with what is there, pruned only after a run without errors. */
  private int renderToFolder(LoadedInput loaded, RenderOptions.Builder options, PrintWriter err,
      PrintWriter outWriter) throws FileAccessException, IOException {
    Path root = out;
    LinksOnTheWay.refuse(root, "--out");
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new FileAccessException(out + ": exists and is not a folder", "choose a folder for --out");
    }
    refuseSystemFolders(root);
    try {
      if (!check) {
        Files.createDirectories(root);
      }
    } catch (IOException e) {
      throw cannotWrite(e);
    }
    Path real;
    try {
      real = Files.exists(root) ? root.toRealPath() : root;
    } catch (IOException e) {
      throw cannotWrite(e);
    }
    try (OutputLock lock = check ? OutputLock.forChecking(real, lockWait) : OutputLock.forWriting(real, lockWait)) {
      return renderInto(real, loaded, options, err, outWriter);
    }
  }

  /** A path under --out as printed: with '/' separators, and nothing a terminal would act on. */
  private String shown(String relative) {
    return TerminalText.escape(LoadedInput.display(out.resolve(relative)));
  }

  /** How long to wait for another run to leave the output folder; tests shorten it. */
  java.time.Duration lockWait = OutputLock.DEFAULT_WAIT;

  /** A file system's root or a home folder is never an output folder: pruning walks all of it. */
  private void refuseSystemFolders(Path root) throws FileAccessException {
    Path absolute;
    try {
      absolute = Files.exists(root) ? root.toRealPath() : root.toAbsolutePath().normalize();
    } catch (IOException e) {
      throw cannotWrite(e);
    }
    String home = System.getProperty("user.home", "");
    boolean isHome = false;
    try {
      isHome = !home.isEmpty() && Files.exists(absolute) && Files.isSameFile(absolute, Path.of(home));
    } catch (IOException e) {
      isHome = false;
    }
    if (absolute.getParent() == null || isHome) {
      throw new FileAccessException(LoadedInput.display(out) + ": is " + (isHome ? "your home folder" : "the root "
          + "of a file system") + "; refusing to use it as the output folder",
          "give --out a folder of its own, e.g. manifests/ in your GitOps repository");
    }
  }

  private int renderInto(Path root, LoadedInput loaded, RenderOptions.Builder options, PrintWriter err,
      PrintWriter outWriter) throws FileAccessException {
    OutputDirectory.Sync sync;
    // Named from where the output goes, so that neither the working directory nor the spelling counts.
    InputLabel label = loaded.labelFor(out.toAbsolutePath().getParent());
    try {
      OutputDirectory directory = new OutputDirectory(root, label);
      sync = directory.sync(!check, progress(), diffs);
    } catch (IOException e) {
      throw cannotWrite(e);
    }
    // Streamed like --stdout: each cluster's files are written out (as text) on the rendering
    // threads, then compared and written as soon as the cluster's turn comes, and forgotten.
    RunSummary summary = new RunSummary();
    SilencedFindings silencer = new SilencedFindings(loaded.read().suppressions());
    List<Diagnostic> general;
    OutputDirectory.Changes changes;
    try {
      general = silencer.keep(ApiserverPolicy.create(options.build()).renderEach(loaded.read(), rendered -> {
        ClusterManifests c = silencer.keep(rendered);
        return new PlannedFiles(c, layout.files(List.of(c), label.label()), DiagnosticPrinter.text(c.diagnostics()));
      },
          files -> {
            summary.add(files.cluster());
            progress.step("rendered clusters:", summary.clusters(), loaded.read().clusters().size());
            printFindings(err, files.findings());
            for (Map.Entry<String, String> f : files.files().entrySet()) {
              try {
                sync.add(f.getKey(), f.getValue());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }
          }), java.util.Optional.empty());
      changes = sync.finish(prune(summary, general), layout.levels(label.label()));
    } catch (UncheckedIOException e) {
      sync.abandon();
      throw cannotWrite(e.getCause());
    } catch (IOException e) {
      throw cannotWrite(e);
    } catch (RuntimeException | Error e) {
      sync.abandon();
      throw e;
    }
    progress.finish();
    summary.addGeneral(general);
    return report(loaded, summary, silencer, general, changes, err, outWriter);
  }

  /** The findings, what was (or would be) written, the summary; the exit code they make. */
  private int report(LoadedInput loaded, RunSummary summary, SilencedFindings silencer, List<Diagnostic> general,
      OutputDirectory.Changes changes, PrintWriter err, PrintWriter outWriter) {
    DiagnosticPrinter.text(err, general);
    List<Diagnostic> gatesOff = summary.gatesTurnedOff(changes, check);
    DiagnosticPrinter.text(err, gatesOff);
    summary.addGeneral(gatesOff);
    boolean findings = summary.anyAtLeast(input.failOn) || DiagnosticPrinter.anyAtLeast(general, input.failOn)
        || DiagnosticPrinter.anyAtLeast(gatesOff, input.failOn);
    for (String foreign : changes.foreign()) {
      err.println("warning: " + shown(foreign) + " was not generated by apiserver-policy; left alone");
    }
    for (String level : changes.levelsLeftAlone()) {
      err.println("warning: " + TerminalText.escape(LoadedInput.display(out) + "/" + level) + "; not written, so "
          + "kubectl kustomize of that folder does not build this input's clusters");
      err.println("  hint: list the folders below it in that file yourself, or remove it and render again");
    }
    for (String conflict : changes.conflicts()) {
      err.println("error: " + TerminalText.escape(LoadedInput.display(out) + "/" + conflict) + "; not written");
      err.println("  hint: move the file away; apiserver-policy only overwrites files it generated from this input");
    }
    if (check) {
      changes.create().forEach(f -> outWriter.println("would create: " + shown(f)));
      changes.update().forEach(f -> outWriter.println("would change: " + shown(f)));
      changes.delete().forEach(f -> outWriter.println("would delete: " + shown(f)));
      if (diffs != null) {
          diffs.print(outWriter, TerminalText::escape);
      }
      outWriter.flush();
      printSummary(summary, silencer, loaded, changes, err);
      return findings || !changes.conflicts().isEmpty() ? ExitCodes.INPUT_FINDINGS
          : changes.drift() ? ExitCodes.DIFFERS : ExitCodes.OK;
    }
    printSummary(summary, silencer, loaded, changes, err);
    return findings || !changes.conflicts().isEmpty() ? ExitCodes.INPUT_FINDINGS : ExitCodes.OK;
  }

  /** A cluster's findings, on a line of their own after any progress. */
  private void printFindings(PrintWriter err, String findings) {
    if (!findings.isEmpty()) {
      progress.finish();
      err.print(findings);
    }
  }

  /** The summary and what was silenced, unless --quiet. */
  private void printSummary(RunSummary summary, SilencedFindings silencer, LoadedInput loaded,
      OutputDirectory.Changes changes, PrintWriter err) {
    if (!input.detail.quiet) {
      summary.print(err, loaded, changes, check, input.detail.verbose);
      silencer.printSummary(err);
    }
    err.flush();
  }

  /**
   * Deleting what this input no longer generates is safe only when the input was read and
   * rendered whole: after any error a cluster may be missing for no reason but the error (a
   * YAML syntax error hides every document after it), and deleting its files would remove its
   * policies. An input with no clusters at all deletes nothing unless asked to.
   */
  private OutputDirectory.Prune prune(RunSummary summary, List<Diagnostic> general) {
    if (summary.anyAtLeast(dev.apiserverpolicy.model.Severity.ERROR)
        || DiagnosticPrinter.anyAtLeast(general, dev.apiserverpolicy.model.Severity.ERROR)) {
      return OutputDirectory.Prune.AFTER_ERRORS;
    }
    if (summary.clusters() == 0 && !allowEmptyInput) {
      return new OutputDirectory.Prune(false, "the input has no clusters; add --allow-empty-input if that is meant");
    }
    return OutputDirectory.Prune.ALLOWED;
  }

  private FileAccessException cannotWrite(IOException e) {
    return new FileAccessException("cannot write " + out + ": " + e.getMessage(),
        "check that the folder is writable; every file is either its old or its new version, so rerun");
  }

  // Files written, counted from several writer threads at once (the total is not known until the end).
  private ManifestFileWriter progress() {
    if (progress == Progress.NONE) {
      return writer;
    }
    java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
    return (target, content) -> {
      writer.write(target, content);
      progress.stepOfMany("written files:", done.incrementAndGet());
    };
  }

  /** One cluster, its files under --out (relative path to content), and its findings as text. */
  private record PlannedFiles(ClusterManifests cluster, Map<String, String> files, String findings) {}

  /** One cluster, its YAML documents in UTF-8, and its findings as text. */
  private record RenderedYaml(ClusterManifests cluster, byte[] yaml, String findings) {}
}
