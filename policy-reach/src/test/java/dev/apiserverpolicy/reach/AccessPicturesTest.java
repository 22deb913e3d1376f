package dev.apiserverpolicy.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The pictures of explain: statements only, whatever the names, and one picture per cluster. */
class AccessPicturesTest {
  private static final Pattern MERMAID_LINE = Pattern.compile("flowchart LR"
      + "|  subgraph c[0-9]+ \\[\"[^\"<>`]*\"]|    direction LR|  end"
      + "|    [a-z0-9_]+(\\[\"([^\"<>`]|<br/>)*\"]|\\(\\[\"[^\"<>`]*\"]\\))"
      + "|    [a-z0-9_]+ (-->|-\\.->)\\|\"[^\"<>`]*\"\\| [a-z0-9_]+");

  private static AccessExplanation hostile() {
    return new AccessExplanation("c\"]\n  x[\"<b>", "s", "ns`#", "p", "LoadBalancer", List.of(
        new AccessExplanation.Destination("pods app=\"x\"|y`#z&<i>\nq", ConnectionSet.all(), List.of("a\"|\n"))),
        List.of(), List.of(), List.of(new AccessExplanation.Ingress("Service \"]", "<script>", true)));
  }

  @Test
  void mermaidIsFlowchartStatementsOnlyWhateverTheNames() throws IOException {
    for (String line : AccessPictures.mermaid(List.of(hostile())).split("\n")) {
      assertTrue(MERMAID_LINE.matcher(line).matches(), "not a flowchart statement: " + line);
    }
    String quickstart = Files.readString(ProjectFiles.root()
        .resolve("policy-reach/src/test/resources/golden/explain/quickstart.mermaid"));
    quickstart.lines().forEach(l -> assertTrue(MERMAID_LINE.matcher(l).matches(), "not a flowchart statement: " + l));
  }

  @Test
  void dotQuotesEveryLabel() {
    String dot = AccessPictures.dot(List.of(hostile()));
    assertTrue(dot.contains("label=\"cluster c\\\"]\\n  x[\\\"<b> (LoadBalancer, p)\""), dot);
    assertTrue(dot.contains("label=\"pods app=\\\"x\\\"|y`#z&<i>\\nq\""), dot);
  }

  /** Each cluster is a picture of its own: no edge leaves it, so no two clusters' edges cross. */
  @Test
  void noEdgeLeavesItsCluster() {
    List<AccessExplanation> two = List.of(hostile(), hostile());
    for (String line : AccessPictures.dot(two).split("\n")) {
      if (line.contains(" -> ")) {
        String[] ends = line.trim().split(" -> | \\[|;");
        assertEquals(ends[0].substring(0, 2), ends[1].substring(0, 2), line);
      }
    }
    assertEquals(2, AccessPictures.mermaid(two).split("\n  subgraph ").length - 1);
  }
}
