package dev.apiserverpolicy.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * How much a command says on stderr besides its findings, shared by the commands that read
 * input: {@code -q} drops the summary, the progress and (under {@code render --check}) the diffs;
 * {@code -v} lists every cluster of a group the summary otherwise shortens; {@code --progress}
 * shows progress where stderr is not a terminal (a CI log). Findings are printed either way: they
 * are what a run is for.
 */
final class OutputDetail {
  @Option(names = {"-q", "--quiet"}, description = "Print findings and errors only: no summary, no progress "
      + "(and under render --check, the files without their diffs).")
  boolean quiet;

  @Option(names = {"-v", "--verbose"}, description = "In the summary, name every cluster of each outcome, not only "
      + "the first " + ClusterOutcomes.FIRST_FEW + ".")
  boolean verbose;

  @Option(names = "--progress", description = "Show progress on stderr even when it is not a terminal (it is shown "
      + "on a terminal anyway); never in the output.")
  boolean progress;

  /** Refuses the combinations that contradict each other. */
  void check(CommandLine commandLine) {
    if (quiet && (verbose || progress)) {
      throw new CommandLine.ParameterException(commandLine, "--quiet goes with neither --verbose nor --progress");
    }
  }

  /** Where progress goes, if anywhere. */
  Progress progress(java.io.PrintWriter err) {
    if (quiet) {
      return Progress.NONE;
    }
    boolean terminal = System.console() != null;
    return terminal || progress ? new Progress(err, terminal) : Progress.NONE;
  }
}
