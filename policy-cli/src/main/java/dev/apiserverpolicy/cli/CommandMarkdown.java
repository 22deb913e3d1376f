package dev.apiserverpolicy.cli;

import java.util.List;
import java.util.Map;

/**
 * The command reference as Markdown, for docs/spec.md between {@link #BEGIN} and {@link #END}:
 * a heading, the description, the synopsis, and a table of arguments, options and exit codes
 * per command. {@code CommandReferenceTest} checks that the spec holds exactly this.
 */
final class CommandMarkdown {
  static final String BEGIN = "<!-- command reference: begin (generated from the commands; "
      + "mvn test -Dgolden.update=true rewrites it) -->";
  static final String END = "<!-- command reference: end -->";

  private CommandMarkdown() {}

  static String write(List<CommandReference.Command> commands) {
    StringBuilder md = new StringBuilder(BEGIN).append("\n");
    for (CommandReference.Command c : commands) {
      md.append("\n#### `").append(c.name()).append("`\n\n");
      c.description().forEach(line -> md.append(text(line)).append("\n"));
      md.append("\n```\n").append(c.synopsis()).append("\n```\n\n");
      md.append("| command, argument or option | what it does |\n| --- | --- |\n");
      for (CommandReference.Argument a : c.subcommands()) {
        md.append("| `").append(a.usage()).append("` | ").append(cell(a.description())).append(" |\n");
      }
      for (CommandReference.Argument a : c.arguments()) {
        md.append("| `").append(a.usage()).append("` | ").append(cell(a.description())).append(" |\n");
      }
      for (CommandReference.Argument o : c.options()) {
        md.append("| `").append(o.usage()).append("` | ").append(cell(o.description())).append(" |\n");
      }
      if (!c.exitCodes().isEmpty()) {
        md.append("\n| exit code | meaning |\n| --- | --- |\n");
        for (Map.Entry<String, String> e : c.exitCodes().entrySet()) {
          md.append("| ").append(e.getKey().strip()).append(" | ").append(cell(e.getValue())).append(" |\n");
        }
      }
    }
    return md.append("\n").append(END).toString();
  }

  /** A table cell: a '|' would end it, so it is escaped. */
  private static String cell(String text) {
    return text(text).replace("|", "\\|");
  }

  /** Text outside code: {@code <out>} would be read as an HTML tag and vanish. */
  private static String text(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
