package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.Severity;
import dev.apiserverpolicy.reach.DiffFormat;
import dev.apiserverpolicy.reach.ExplanationFormat;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code apiserver-policy}: the command-line entry point, with the subcommands
 * {@code render}, {@code lint}, {@code diff}, {@code explain}, {@code defaults}, {@code cleanup},
 * {@code resolve} and {@code completion}.
 */
@Command(
    name = "apiserver-policy",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Renders and checks the NetworkPolicies and Services that guard a KKP user cluster's API server.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:lint, explain, defaults, cleanup: findings at or above --fail-on; render --check, resolve --check: "
            + "drift; diff: changes",
        "2:usage error",
        "3:unreadable input or unwritable output; (resolve) a host that does not resolve; (diff) errors in a tree",
        "4:render, resolve: findings at or above --fail-on (an input error, by default)"})
public final class ApiserverPolicyCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    // No subcommand given: show what there is, as a usage error.
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command");
  }

  private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

  // The subcommands, in the order help lists them. Registered here rather than in the annotation
  // so that a run builds only the one it needs: picocli reads each command's annotations when it
  // is built, and that was a fifth of a one-cluster render. A switch rather than a map of
  // constructor references: linking those delayed the start of every run.
  private static final List<String> SUBCOMMANDS = List.of("render", "lint", "diff", "explain", "defaults", "cleanup",
      "resolve", "completion", "help");

  private static Object newSubcommand(String name, HostLookup lookup) {
    return switch (name) {
      case "render" -> new RenderCommand();
      case "lint" -> new LintCommand();
      case "diff" -> new DiffCommand();
      case "explain" -> new ExplainCommand();
      case "defaults" -> new DefaultsCommand();
      case "cleanup" -> new CleanupCommand();
      case "resolve" -> new ResolveCommand(lookup);
      case "completion" -> new CompletionCommand();
      case "help" -> new CommandLine.HelpCommand();
      default -> throw new IllegalArgumentException("no subcommand " + name);
    };
  }

  /** Builds the command line with our exit codes and output streams. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, null);
  }

  /**
   * Like {@link #commandLine(PrintWriter, PrintWriter)}; if {@code only} names a subcommand
   * other than help, only that subcommand is built (what the other commands would print is
   * never needed then).
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, String only) {
    return commandLine(out, err, only, HostLookup.SYSTEM);
  }

  /** Like {@link #commandLine(PrintWriter, PrintWriter, String)}, with {@code resolve} asking {@code lookup}. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, String only, HostLookup lookup) {
    CommandLine cl = new CommandLine(new ApiserverPolicyCommand());
    boolean one = only != null && SUBCOMMANDS.contains(only) && !only.equals("help");
    for (String name : SUBCOMMANDS) {
      if (!one || name.equals(only)) {
        cl.addSubcommand(name, newSubcommand(name, lookup));
      }
    }
    // Registered after the subcommands, so that they have them too.
    EnumOptionValue.register(cl, Profile.class, "profile");
    EnumOptionValue.register(cl, Severity.class, "severity");
    EnumOptionValue.register(cl, LintCommand.Format.class, "format");
    EnumOptionValue.register(cl, ExplanationFormat.class, "format");
    EnumOptionValue.register(cl, DiffFormat.class, "format");
    EnumOptionValue.register(cl, CompletionCommand.Shell.class, "shell");
    EnumOptionValue.register(cl, OutputLayout.class, "layout");
    // No @file expansion: a file of the repository must not become a whole command line, and an
    // error must not print the contents of a file named after the @.
    cl.setExpandAtFiles(false);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(e -> e instanceof FileAccessException ? ExitCodes.FILE_ACCESS
        : e instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.FINDINGS);
    // A usage error is a short message and where to look, not the whole usage text.
    cl.setParameterExceptionHandler((e, args) -> {
      CommandLine commandLine = e.getCommandLine();
      PrintWriter errors = commandLine.getErr();
      // Some of picocli's messages (argument groups) start with their own "Error: ".
      String message = e.getMessage().startsWith("Error: ") ? e.getMessage().substring(7) : e.getMessage();
      errors.println("error: " + TerminalText.escape(message));
      CommandLine.UnmatchedArgumentException.printSuggestions(e, errors);
      errors.println("  hint: see '" + commandLine.getCommandSpec().qualifiedName() + " --help'");
      errors.flush();
      return ExitCodes.USAGE;
    });
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter errors = commandLine.getErr();
      String message = e instanceof FileAccessException ? e.getMessage() : "internal error: " + e;
      // Not a bad input but a defect: say so plainly rather than dump a stack trace on the user.
      String hint = e instanceof FileAccessException u ? u.hint()
          : "please report this with the command and input that caused it";
      errors.println("error: " + TerminalText.escape(message));
      errors.println("  hint: " + TerminalText.escape(hint));
      errors.flush();
      int exit = commandLine.getExitCodeExceptionMapper().getExitCode(e);
      if (commandLine.getCommand() instanceof MachineOutput machine) {
        machine.failure(message, hint, exit).ifPresent(document -> {
          commandLine.getOut().print(document);
          commandLine.getOut().flush();
        });
      }
      return exit;
    });
    return cl;
  }

  /** Runs the CLI and exits with its code. */
  public static void main(String[] args) {
    StartupWarmUp.start();
    // No option takes a java.time or java.sql type; registering picocli's converters for them
    // loads some five hundred classes, a fifth of a one-cluster run.
    if (System.getProperty(CONVERTER_EXCLUDES) == null) {
      System.setProperty(CONVERTER_EXCLUDES, "java\\.time\\..*,java\\.sql\\..*");
    }
    // Buffered, flushed by the commands: manifests can be tens of megabytes.
    PrintWriter out = new Utf8Output(new java.io.FileOutputStream(java.io.FileDescriptor.out));
    // Buffered too (a large run prints tens of thousands of findings), and flushed before exiting.
    PrintWriter err = new PrintWriter(new java.io.BufferedWriter(new java.io.OutputStreamWriter(
        new java.io.FileOutputStream(java.io.FileDescriptor.err), java.nio.charset.StandardCharsets.UTF_8), 1 << 16));
    int exit;
    try {
      exit = commandLine(out, err, args.length > 0 ? args[0] : null).execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      // The limits should make this impossible; if it happens, say so without a stack trace.
      out.flush();
      err.println("error: " + (e instanceof OutOfMemoryError ? "out of memory" : "stack overflow")
          + " while running apiserver-policy; the output folder holds each file old or new");
      err.println("  hint: split the input, or give Java more memory (JAVA_TOOL_OPTIONS=-Xmx2g); please report it");
      exit = ExitCodes.FILE_ACCESS;
    }
    out.flush();
    err.flush();
    System.exit(exit);
  }
}
