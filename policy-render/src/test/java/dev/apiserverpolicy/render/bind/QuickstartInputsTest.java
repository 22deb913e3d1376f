package dev.apiserverpolicy.render.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.Severity;
import dev.apiserverpolicy.read.ManifestReader;
import dev.apiserverpolicy.render.BoundInputs;
import dev.apiserverpolicy.render.TestInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The bundled example reads and validates without errors or warnings, all clusters bound. */
class QuickstartInputsTest {
  @Test
  void quickstartIsClean() throws IOException {
    ManifestReader reader = ManifestReader.create();
    Inputs read = Inputs.builder().build();
    for (Path file : TestInputs.quickstartFiles()) {
      read = read.plus(reader.read(file.getFileName().toString(), Files.readAllBytes(file)));
    }
    BoundInputs bound = InputValidator.validate(read);
    assertEquals(java.util.List.of(), read.diagnostics());
    assertTrue(bound.diagnostics().stream().noneMatch(d -> d.severity() != Severity.INFO),
        bound.diagnostics()::toString);
    assertEquals(5, bound.clusters().size());
    assertTrue(bound.clusters().stream().allMatch(c -> c.seed().name().equals("europe-west")
        && c.context().isPresent()));
  }
}
