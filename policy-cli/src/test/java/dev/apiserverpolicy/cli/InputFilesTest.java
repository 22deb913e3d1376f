package dev.apiserverpolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.Diagnostic;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that goes between the folder's listing and its reading: another run's temporary file
 * (a concurrent {@code resolve} or {@code render --out} writing beside the inputs) is no finding;
 * an input that goes is one, since what it held is missing.
 */
class InputFilesTest {
  @TempDir
  Path folder;

  private List<Diagnostic> vanished(String name) {
    List<Diagnostic> problems = new ArrayList<>();
    InputFiles.InputVisitor visitor = new InputFiles.InputVisitor(folder, folder, new ArrayList<>(), problems);
    Path file = folder.resolve(name);
    visitor.visitFileFailed(file, new NoSuchFileException(file.toString()));
    return problems;
  }

  @Test
  void anotherRunsTemporaryFileGoingIsNoFinding() {
    assertEquals(List.of(), vanished(ManifestFileWriter.TEMP_PREFIX + "0123abcd" + ManifestFileWriter.TEMP_SUFFIX));
  }

  @Test
  void anInputGoingIsAFinding() {
    List<Diagnostic> problems = vanished("clusters.yaml");
    assertEquals(1, problems.size(), problems::toString);
    assertTrue(problems.get(0).message().contains("cannot be read"), problems.get(0)::describe);
  }
}
