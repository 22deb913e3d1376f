import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The start-up floor of a JVM command-line tool: picocli with five subcommands, one of which reads
 * its argument's name and prints a line. bench/compare.sh runs it on the release archive's runtime,
 * with a class-data-sharing archive and the launcher's flags, beside a one-cluster render: what is
 * left between the two is ours.
 */
@Command(name = "floor", mixinStandardHelpOptions = true, version = "floor 1",
    subcommands = FloorApp.Render.class)
public final class FloorApp {
  /** The subcommand compare.sh times: prints the file name it was given. */
  @Command(name = "render", description = "Prints the name it is given.")
  static final class Render implements Callable<Integer> {
    @Parameters(paramLabel = "FILE")
    String file;

    @Override
    public Integer call() {
      System.out.println("rendered " + file);
      return 0;
    }
  }

  /** lint, explain, diff, defaults: commands that do nothing, so that picocli has five to build. */
  @Command(description = "Does nothing.")
  static final class Idle implements Callable<Integer> {
    @Override
    public Integer call() {
      return 0;
    }
  }

  public static void main(String[] args) {
    CommandLine commandLine = new CommandLine(new FloorApp());
    for (String name : new String[] {"lint", "explain", "diff", "defaults"}) {
      commandLine.addSubcommand(name, new Idle());
    }
    System.exit(commandLine.execute(args));
  }
}
