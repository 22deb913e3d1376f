package dev.apiserverpolicy.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the man pages ({@code apiserver-policy.1}, {@code apiserver-policy-render.1}, ...) into
 * a folder: run by the release build for the archive's {@code share/man/man1}, not by users.
 */
public final class ManPages {
  private ManPages() {}

  /**
   * {@code ManPages DIR VERSION}: writes every page into DIR, which must exist.
   *
   * @param args the folder and the version the pages name
   * @throws IOException if a page cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: ManPages DIR VERSION");
    }
    Path dir = Path.of(args[0]);
    List<CommandReference.Command> commands = CommandReference.commands();
    for (CommandReference.Command c : commands) {
      Files.writeString(dir.resolve(c.pageName() + ".1"), ManPage.write(c, args[1], commands),
          StandardCharsets.UTF_8);
    }
  }
}
