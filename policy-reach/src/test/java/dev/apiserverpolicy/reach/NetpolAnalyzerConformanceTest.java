package dev.apiserverpolicy.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apiserverpolicy.render.TestInputs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The evaluator against np-guard/netpol-analyzer's answers: every case of
 * {@code testdata/netpol-analyzer} (see its README) is read, its connectivity list printed in
 * the analyzer's format and compared line by line. No case is skipped; a case that cannot
 * agree must be listed in {@link #KNOWN_DIFFERENCES} with the reason.
 */
class NetpolAnalyzerConformanceTest {
  /** Case name to the reason it differs; empty when every case agrees. */
  private static final Map<String, String> KNOWN_DIFFERENCES = Map.of();

  private static Path corpus() {
    return TestInputs.testdata("netpol-analyzer");
  }

  @Test
  void everyCaseAgreesWithTheAnalyzer() throws IOException {
    List<Path> cases;
    try (Stream<Path> s = Files.list(corpus().resolve("tests"))) {
      cases = s.filter(Files::isDirectory).sorted().toList();
    }
    Map<String, String> disagreements = new TreeMap<>();
    int agree = 0;
    for (Path dir : cases) {
      String name = dir.getFileName().toString();
      Path expectedFile = corpus().resolve("expected").resolve(name + "_connlist_output.txt");
      List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8).stream()
          .map(String::strip).filter(l -> !l.isEmpty()).sorted().toList();
      List<String> actual = ConnectivityList.of(CorpusCase.read(dir));
      if (expected.stream().noneMatch(l -> l.contains("[External]"))) {
        actual = actual.stream().map(l -> l.replace("[External]", "")).sorted().toList();
      }
      if (expected.equals(actual)) {
        agree++;
      } else {
        disagreements.put(name, diff(expected, actual));
      }
    }
    System.out.println("netpol-analyzer conformance: " + agree + " of " + cases.size() + " cases agree"
        + (KNOWN_DIFFERENCES.isEmpty() ? "" : "; known differences: " + KNOWN_DIFFERENCES.keySet()));
    assertEquals(41, cases.size(), "the corpus has 41 cases");
    Map<String, String> unexpected = new TreeMap<>(disagreements);
    unexpected.keySet().removeAll(KNOWN_DIFFERENCES.keySet());
    assertEquals(Map.of(), unexpected, "cases that disagree");
    assertEquals(KNOWN_DIFFERENCES.keySet(), disagreements.keySet(), "known differences that now agree");
  }

  private static String diff(List<String> expected, List<String> actual) {
    List<String> out = new ArrayList<>();
    expected.stream().filter(l -> !actual.contains(l)).limit(6).forEach(l -> out.add("- " + l));
    actual.stream().filter(l -> !expected.contains(l)).limit(6).forEach(l -> out.add("+ " + l));
    return "\n" + String.join("\n", out) + "\n";
  }
}
