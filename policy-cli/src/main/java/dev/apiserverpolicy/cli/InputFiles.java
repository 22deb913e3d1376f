package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The input files of a command. A PATH that is not a folder is read as given, whatever it
 * is (a file, a link to one, a named pipe such as {@code <(kubectl get clusters -o yaml)}).
 * Below a folder, every {@code .yaml}, {@code .yml} and {@code .json} file is read, in
 * sorted order; hidden folders ({@code .git}) are skipped.
 *
 * <p>Links below a folder are followed only to what lies inside that folder (GitOps
 * repositories link files between clusters); a file reached twice is read once. A link that
 * leads outside the folder or to nothing, and an entry that is not a regular file (a pipe
 * could block the run forever), are not read, and each is an error: the input is then not
 * whole, so nothing it generated before is deleted.
 */
final class InputFiles {
  /** The files to read, and what could not be read. */
  record Collected(List<Path> files, List<Diagnostic> problems) {}

  private InputFiles() {}

  static Collected collect(List<Path> paths) throws FileAccessException {
    List<Path> files = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw new FileAccessException(path + ": no such file or directory"
            + (Files.isSymbolicLink(path) ? " (a link to nothing)" : ""), "check the path");
      }
      if (!Files.isReadable(path)) {
        throw new FileAccessException(path + ": permission denied", "make it readable");
      }
      if (!Files.isDirectory(path)) {
        files.add(path);
        continue;
      }
      walk(path, files, problems, seen);
    }
    return new Collected(files, problems);
  }

  private static void walk(Path folder, List<Path> files, List<Diagnostic> problems, Set<Path> seen)
      throws FileAccessException {
    Path inside;
    try {
      inside = folder.toRealPath();
    } catch (IOException e) {
      throw new FileAccessException(folder + ": cannot be read (" + e.getMessage() + ")",
          "check the folder's permissions");
    }
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
          new InputVisitor(folder, inside, found, problems));
    } catch (IOException e) {
      throw new FileAccessException(folder + ": cannot be listed (" + e.getMessage() + ")",
          "check the folder's permissions");
    }
    found.sort(null);
    for (Path file : found) {
      try {
        // A file reached through a link and where it lies is read once.
        if (seen.add(file.toRealPath())) {
          files.add(file);
        }
      } catch (IOException e) {
        problems.add(problem(file, "cannot be read (" + e.getMessage() + "); not read", "check its permissions"));
      }
    }
  }

  /**
   * Collects the input files below {@code folder}: hidden folders skipped; links that leave it,
   * links to nothing and files that are not regular files reported and not read.
   */
  static final class InputVisitor extends SimpleFileVisitor<Path> {
    private final Path folder;
    private final Path inside;
    private final List<Path> found;
    private final List<Diagnostic> problems;

    InputVisitor(Path folder, Path inside, List<Path> found, List<Diagnostic> problems) {
      this.folder = folder;
      this.inside = inside;
      this.found = found;
      this.problems = problems;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
      if (!dir.equals(folder) && dir.getFileName().toString().startsWith(".")) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      if (!dir.toRealPath().startsWith(inside)) {
        problems.add(problem(dir, "is a link to a folder outside " + LoadedInput.display(folder)
            + "; not read", "give that folder as a PATH of its own, or copy what it holds"));
        return FileVisitResult.SKIP_SUBTREE;
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
      if (!isInputName(file)) {
        return FileVisitResult.CONTINUE;
      }
      if (attrs.isSymbolicLink()) {
        problems.add(problem(file, "is a link to nothing; not read", "remove the link, or restore its target"));
      } else if (!file.toRealPath().startsWith(inside)) {
        problems.add(problem(file, "is a link to a file outside " + LoadedInput.display(folder) + "; not read",
            "give that file as a PATH of its own, or copy it into the folder"));
      } else if (!attrs.isRegularFile()) {
        problems.add(problem(file, "is not a regular file (a pipe, a device or a socket); not read",
            "only files are read below a folder; give a pipe as a PATH of its own"));
      } else {
        found.add(file);
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      if (e instanceof FileSystemLoopException) {
        return FileVisitResult.CONTINUE; // a link back up the tree: its files are read where they are
      }
      if (e instanceof NoSuchFileException && !isInputName(file)) {
        // Gone between listing and reading, and not an input anyway: another run's temporary file.
        return FileVisitResult.CONTINUE;
      }
      problems.add(problem(file, "cannot be read (" + e.getMessage() + "); not read",
          "check its permissions"));
      return FileVisitResult.CONTINUE;
    }
  }

  private static boolean isInputName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private static Diagnostic problem(Path file, String what, String hint) {
    return Diagnostic.builder()
        .code(DiagnosticCode.INPUT_UNREADABLE)
        .file(LoadedInput.display(file))
        .message(LoadedInput.display(file.getFileName()) + " " + what)
        .hint(hint)
        .build();
  }
}
