package dev.apiserverpolicy.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What the commands are, read from the commands themselves: name, description, synopsis,
 * arguments, options and exit codes, for the reference in docs/spec.md (section 8.2) and the man
 * pages. One source, so that neither can drift from what the parser accepts.
 */
final class CommandReference {
  /** One argument or option: how it is written, and what it does. */
  record Argument(String usage, String description) {}

  /** One command: {@code apiserver-policy render}, and what the parser knows of it. */
  record Command(String name, List<String> description, String synopsis, List<Argument> subcommands,
      List<Argument> arguments, List<Argument> options, Map<String, String> exitCodes) {

    /** {@code apiserver-policy-render}, as the man page and its file are named. */
    String pageName() {
      return name.replace(' ', '-');
    }
  }

  private CommandReference() {}

  /** The top command, then each subcommand in the order help lists them. */
  static List<Command> commands() {
    CommandLine all = ApiserverPolicyCommand.commandLine(new PrintWriter(java.io.Writer.nullWriter()),
        new PrintWriter(java.io.Writer.nullWriter()));
    List<Command> commands = new ArrayList<>();
    commands.add(command(all.getCommandSpec()));
    for (CommandLine sub : all.getSubcommands().values()) {
      commands.add(command(sub.getCommandSpec()));
    }
    return commands;
  }

  private static Command command(CommandSpec spec) {
    CommandLine.Help help = new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    String synopsis = help.synopsis(0).stripTrailing();
    List<Argument> subcommands = new ArrayList<>();
    spec.subcommands().forEach((name, sub) -> subcommands.add(new Argument(name,
        plain(String.join(" ", sub.getCommandSpec().usageMessage().description())))));
    List<Argument> arguments = new ArrayList<>();
    for (PositionalParamSpec p : spec.positionalParameters()) {
      if (!p.hidden()) {
        arguments.add(new Argument(p.paramLabel() + (p.arity().max() > 1 ? "..." : ""), description(p)));
      }
    }
    List<Argument> options = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      if (!o.hidden()) {
        String label = o.typeInfo().isBoolean() ? "" : "=" + o.paramLabel();
        options.add(new Argument(String.join(", ", o.names()) + label, description(o)));
      }
    }
    return new Command(spec.qualifiedName(), java.util.Arrays.stream(spec.usageMessage().description())
        .map(CommandReference::plain).toList(), synopsis,
        List.copyOf(subcommands), List.copyOf(arguments), List.copyOf(options),
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(spec.usageMessage().exitCodeList())));
  }

  /** Help text without picocli's format specifiers for line breaks (its own help command has them). */
  private static String plain(String text) {
    return text.replace("%n", " ").strip().replaceAll(" {2,}", " ");
  }

  /** The description as help shows it: the variables picocli fills in, filled in. */
  private static String description(ArgSpec arg) {
    String text = plain(String.join(" ", arg.description()));
    List<String> candidates = new ArrayList<>();
    if (arg.completionCandidates() != null) {
      arg.completionCandidates().forEach(candidates::add);
    }
    return text.replace("${COMPLETION-CANDIDATES}", String.join(", ", candidates))
        .replace("${DEFAULT-VALUE}", String.valueOf(arg.defaultValue()));
  }
}
