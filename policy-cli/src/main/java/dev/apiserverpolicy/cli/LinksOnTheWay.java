package dev.apiserverpolicy.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a command writes must be reached without a link: a committed {@code manifests ->
 * ../elsewhere} would make every file land outside the repository. The way is checked from the
 * folder the run starts in: the part of the path that leads to that folder (an absolute path
 * through {@code /var} on macOS, a logical {@code $PWD}) is where the run already is; every
 * part after it, the target included, must not be a link.
 */
final class LinksOnTheWay {
  private LinksOnTheWay() {}

  /** Refuses {@code target} (for {@code option}) when a link stands on the way to it. */
  static void refuse(Path target, String option) throws FileAccessException {
    Optional<Path> link = firstLink(target, Path.of("").toAbsolutePath());
    if (link.isPresent()) {
      String shown = TerminalText.escape(LoadedInput.display(link.get()));
      throw new FileAccessException(option + " " + TerminalText.escape(LoadedInput.display(target)) + ": " + shown
          + " is a link; apiserver-policy does not write through links",
          "give " + option + " the real path (without the link), or replace the link with a folder");
    }
  }

  /** The first link on the way from {@code workingDirectory} to {@code target}, itself included. */
  static Optional<Path> firstLink(Path target, Path workingDirectory) {
    Path real = realOrNull(workingDirectory);
    Path absolute = workingDirectory.resolve(target);
    Path prefix = absolute.getRoot();
    boolean leading = real != null;
    for (Path name : absolute) {
      prefix = prefix == null ? name : prefix.resolve(name);
      if (leading) {
        Path at = realOrNull(prefix);
        leading = at != null && real.startsWith(at) && !at.equals(real);
        if (at != null && real.startsWith(at)) {
          continue;
        }
      }
      if (Files.isSymbolicLink(prefix)) {
        return Optional.of(prefix);
      }
    }
    return Optional.empty();
  }

  private static Path realOrNull(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }
}
