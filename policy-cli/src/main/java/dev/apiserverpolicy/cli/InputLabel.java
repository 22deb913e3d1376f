package dev.apiserverpolicy.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the header of a generated file names its input, which is also how a later run knows the
 * file is its own. The name must not depend on how the PATHs were spelled or where the run
 * started ({@code inputs}, {@code ./inputs/}, {@code $PWD/inputs}, {@code cd inputs && render
 * .}): each PATH is named by its real path relative to an anchor found from where the output
 * goes, the top of the git work tree that holds it (the GitOps repository), or, outside one,
 * the folder the output goes in. A PATH that is neither a file nor a folder (a pipe) is named
 * as written.
 */
final class InputLabel {
  private final List<Path> real;
  private final Path anchor;
  private final String label;
  private final Map<String, Boolean> former = new ConcurrentHashMap<>();

  private InputLabel(List<Path> paths, Path anchor) {
    this.anchor = anchor;
    this.real = paths.stream().map(InputLabel::realOrNull).toList();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      Path at = real.get(i);
      boolean named = at != null && (Files.isDirectory(at) || Files.isRegularFile(at));
      names.add(named ? spelled(anchor.relativize(at)) : spelled(paths.get(i).normalize()));
    }
    this.label = String.join(", ", names);
  }

  /** The label for output written into {@code folder} (which need not exist yet). */
  static InputLabel forOutputIn(List<Path> paths, Path folder) {
    return new InputLabel(paths, anchor(folder));
  }

  /**
   * The label for standard output: anchored at the git work tree holding the first PATH (so the
   * bytes do not depend on the working directory), or outside one at the working directory.
   */
  static InputLabel forStandardOutput(List<Path> paths) {
    Path first = paths.isEmpty() ? null : realOrNull(paths.get(0));
    Path top = first == null ? null : gitTop(first);
    return new InputLabel(paths, top != null ? top : anchor(Path.of("")));
  }

  String label() {
    return label;
  }

  /**
   * Whether a label an earlier version wrote (the PATHs as spelled then, relative to where that
   * run started) names these same inputs: each part, taken as written, from the working
   * directory or from the anchor, is the same file or folder. Asked once per label.
   */
  boolean isFormerLabel(String old) {
    return former.computeIfAbsent(old, this::namesTheseInputs);
  }

  private boolean namesTheseInputs(String old) {
    String[] parts = old.split(", ", -1);
    if (parts.length != real.size()) {
      return false;
    }
    Path cwd = Path.of("").toAbsolutePath();
    for (int i = 0; i < parts.length; i++) {
      Path expected = real.get(i);
      Path written;
      try {
        written = Path.of(parts[i]);
      } catch (java.nio.file.InvalidPathException e) {
        return false;
      }
      boolean same = expected != null && (expected.equals(realOrNull(cwd.resolve(written)))
          || expected.equals(realOrNull(anchor.resolve(written))));
      if (!same) {
        return false;
      }
    }
    return true;
  }

  /** The top of the git work tree holding {@code folder}, else {@code folder}; as a real path. */
  private static Path anchor(Path folder) {
    Path absolute = folder.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing.getParent() != null && !Files.isDirectory(existing)) {
      existing = existing.getParent();
    }
    Path start = realOrNull(existing);
    if (start == null) {
      return absolute;
    }
    Path top = gitTop(start);
    return top != null ? top : start.resolve(existing.relativize(absolute)).normalize();
  }

  /** The nearest of {@code start} and the folders above it that holds {@code .git}, or null. */
  private static Path gitTop(Path start) {
    for (Path at = start; at != null; at = at.getParent()) {
      if (Files.exists(at.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        return at;
      }
    }
    return null;
  }

  private static String spelled(Path path) {
    String text = LoadedInput.display(path);
    return text.isEmpty() ? "." : text;
  }

  private static Path realOrNull(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException | SecurityException e) {
      return null;
    }
  }
}
