package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.model.ReadResult;
import dev.apiserverpolicy.read.ManifestReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything read from a command's PATHs. Files are named in diagnostics (and where a
 * RenderContext names another input) by their path as given, normalised: {@code ./in/x.yaml}
 * and {@code in//x.yaml} are {@code in/x.yaml}.
 */
record LoadedInput(ReadResult read, List<Path> paths, int files) {
  private static final ManifestReader READER = ManifestReader.create();

  static LoadedInput load(List<Path> paths) throws FileAccessException {
    InputFiles.Collected collected = InputFiles.collect(paths);
    List<Path> files = collected.files();
    ReadResult read = ReadResult.builder().addAllDiagnostics(collected.problems()).build();
    List<ReadResult> each = new java.util.ArrayList<>(files.size());
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        each.add(READER.read(display(file.normalize()), in));
      } catch (IOException e) {
        throw new FileAccessException(file + ": cannot be read (" + e.getMessage() + ")",
            "check that the file is readable");
      }
    }
    return new LoadedInput(read.plusAll(each), List.copyOf(paths), files.size());
  }

  /** How output written into {@code folder} names this input (see {@link InputLabel}). */
  InputLabel labelFor(Path folder) {
    return InputLabel.forOutputIn(paths, folder);
  }

  /** How output written to standard output names this input (see {@link InputLabel#forStandardOutput}). */
  String label() {
    return InputLabel.forStandardOutput(paths).label();
  }

  static String display(Path path) {
    return path.toString().replace('\\', '/');
  }
}
