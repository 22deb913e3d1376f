package dev.apiserverpolicy.cli;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * The input files of a command: each PATH as given if it is a file, else every
 * {@code .yaml}, {@code .yml} and {@code .json} file below it, in sorted order. Hidden
 * folders ({@code .git}) are skipped; links are not followed, so a tree cannot loop.
 */
final class InputFiles {
  private InputFiles() {}

  static List<Path> collect(List<Path> paths) throws UnreadableInputException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw new UnreadableInputException(path + ": no such file or directory", "check the path");
      }
      if (!Files.isReadable(path)) {
        throw new UnreadableInputException(path + ": permission denied", "make it readable");
      }
      if (Files.isRegularFile(path)) {
        files.add(path);
        continue;
      }
      List<Path> found = new ArrayList<>();
      try {
        Files.walkFileTree(path, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE,
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean hidden = !dir.equals(path) && dir.getFileName().toString().startsWith(".");
                return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && isInput(file)) {
                  found.add(file);
                }
                return FileVisitResult.CONTINUE;
              }
            });
      } catch (IOException e) {
        throw new UnreadableInputException(path + ": cannot be listed (" + e.getMessage() + ")",
            "check the folder's permissions");
      }
      found.sort(null);
      files.addAll(found);
    }
    return files;
  }

  private static boolean isInput(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))
        && !Files.isSymbolicLink(file) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
  }
}
