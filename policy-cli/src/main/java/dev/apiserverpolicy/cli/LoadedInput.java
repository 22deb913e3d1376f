package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.model.ReadResult;
import dev.apiserverpolicy.read.ManifestReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Everything read from a command's PATHs, and how generated files name their input. */
record LoadedInput(ReadResult read, String label, int files) {
  private static final ManifestReader READER = ManifestReader.create();

  static LoadedInput load(List<Path> paths) throws FileAccessException {
    InputFiles.Collected collected = InputFiles.collect(paths);
    List<Path> files = collected.files();
    ReadResult read = ReadResult.builder().addAllDiagnostics(collected.problems()).build();
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        read = read.plus(READER.read(display(file), in));
      } catch (IOException e) {
        throw new FileAccessException(file + ": cannot be read (" + e.getMessage() + ")",
            "check that the file is readable");
      }
    }
    // The label is the PATHs as given, with '/' separators, so headers are equal on every machine.
    // Normalised, so that ./inputs and inputs/ name the same input (prune trusts the header).
    String label = paths.stream().map(p -> p.normalize().toString().isEmpty() ? "." : display(p.normalize()))
        .collect(Collectors.joining(", "));
    return new LoadedInput(read, label, files.size());
  }

  static String display(Path path) {
    return path.toString().replace('\\', '/');
  }
}
