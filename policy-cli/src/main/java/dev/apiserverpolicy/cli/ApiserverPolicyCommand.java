package dev.apiserverpolicy.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code apiserver-policy}: the command-line entry point, with the subcommands
 * {@code render}, {@code lint}, {@code explain}, {@code defaults} and {@code cleanup}.
 */
@Command(
    name = "apiserver-policy",
    mixinStandardHelpOptions = true,
    subcommands = {RenderCommand.class, LintCommand.class, ExplainCommand.class, DefaultsCommand.class,
        CleanupCommand.class,
        CommandLine.HelpCommand.class},
    versionProvider = VersionProvider.class,
    description = "Renders and checks the NetworkPolicies and Services that guard a KKP user cluster's API server.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:findings at or above --fail-on, or drift under --check",
        "2:usage error",
        "3:unreadable input"})
public final class ApiserverPolicyCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    // No subcommand given: show what there is, as a usage error.
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command");
  }

  /** Builds the command line with our exit codes and output streams. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new ApiserverPolicyCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(e -> e instanceof UnreadableInputException ? ExitCodes.UNREADABLE
        : e instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.FINDINGS);
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter errors = commandLine.getErr();
      if (e instanceof UnreadableInputException u) {
        errors.println("error: " + u.getMessage());
        errors.println("  hint: " + u.hint());
      } else {
        // Not a bad input: a defect. Say so plainly rather than dump a stack trace on the user.
        errors.println("error: internal error: " + e);
        errors.println("  hint: please report this with the command and input that caused it");
      }
      errors.flush();
      return commandLine.getExitCodeExceptionMapper().getExitCode(e);
    });
    return cl;
  }

  /** Runs the CLI and exits with its code. */
  public static void main(String[] args) {
    // Buffered, flushed by the commands: manifests can be tens of megabytes.
    PrintWriter out = new Utf8Output(new java.io.FileOutputStream(java.io.FileDescriptor.out));
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8),
        true);
    int exit = commandLine(out, err).execute(args);
    out.flush();
    err.flush();
    System.exit(exit);
  }
}
