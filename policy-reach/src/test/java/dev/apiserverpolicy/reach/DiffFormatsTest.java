package dev.apiserverpolicy.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Protocol;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The diff's writers: the comment limit, the Mermaid they draw, and input text made inert. */
class DiffFormatsTest {
  private static AccessDiff manyClusters(int n) {
    List<ClusterDiff> clusters = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      clusters.add(new ClusterDiff("seed-a", String.format("cluster-%05d", i), ClusterDiff.Status.CHANGED, List.of(
          new AccessChange(AccessChange.Kind.SOURCE_RANGES, "Service front-loadbalancer", "192.0.2.0/24",
              "192.0.2.0/24, 198.18.0.0/15", List.of("198.18.0.0/15"), List.of(), List.of(), List.of()),
          new AccessChange(AccessChange.Kind.EGRESS, "203.0.113.64/26", "No Connections", "TCP 9090",
              List.of("TCP 9090"), List.of(), List.of("metrics-sink-allow"), List.of()))));
    }
    return new AccessDiff(clusters, List.of());
  }

  @Test
  void markdownStaysUnderTheLimitBySummarising() {
    String small = DiffFormat.MARKDOWN.write(manyClusters(3));
    assertTrue(small.contains("```mermaid"), small);
    String medium = DiffFormat.MARKDOWN.write(manyClusters(150));
    assertTrue(medium.length() <= DiffMarkdown.LIMIT, "150 clusters: " + medium.length());
    assertFalse(medium.contains("```mermaid"), "pictures go first");
    assertTrue(medium.contains("### cluster-00149"), "every cluster still listed");
    String large = DiffFormat.MARKDOWN.write(manyClusters(3_000));
    assertTrue(large.length() <= DiffMarkdown.LIMIT, "3,000 clusters: " + large.length());
    assertTrue(large.contains("and 2900 more clusters"), "the table says how many it leaves out");
    Matcher notShown = Pattern.compile("(\\d+) of 3000 clusters are not shown here").matcher(large);
    assertTrue(notShown.find(), large.substring(large.length() - 300));
    long sections = large.lines().filter(l -> l.startsWith("### cluster-")).count();
    assertEquals(3000, sections + Long.parseLong(notShown.group(1)), "shown and not shown add up");
    assertTrue(DiffMarkdown.write(manyClusters(3), 1500).length() <= 1500);
  }

  private static final Pattern MERMAID_LINE = Pattern.compile("flowchart LR"
      + "|  [a-z][a-z0-9]*(\\[\"[^\"]*\"\\]|\\(\\[\"[^\"]*\"\\]\\))"
      + "|  [a-z][a-z0-9]* (-->|-\\.->)\\|\"[+-] [^\"]*\"\\| [a-z][a-z0-9]*");

  /** Every line is one of the statements the writer means to write, so quoting cannot break out. */
  @Test
  void mermaidIsFlowchartStatementsOnlyWhateverTheNames() {
    ClusterDiff hostile = new ClusterDiff("s", "c\"]\n  x[\"<b>", ClusterDiff.Status.CHANGED, List.of(
        new AccessChange(AccessChange.Kind.EGRESS, "pods app=\"x\"|y`#z&<i>", "No Connections", "TCP 1",
            List.of("TCP 1\"|\n"), List.of("UDP 2"), List.of(), List.of())));
    String picture = DiffMermaid.picture(hostile);
    for (String line : picture.split("\n")) {
      assertTrue(MERMAID_LINE.matcher(line).matches(), "not a flowchart statement: " + line);
    }
    assertTrue(picture.contains("-.->|\"- UDP 2\"|"), picture);
    String quickstart = DiffFormat.MARKDOWN.write(AccessDifferTest.diff(QuickstartChanges.base(),
        QuickstartChanges.fourChanges()));
    Matcher blocks = Pattern.compile("```mermaid\n(.*?)```", Pattern.DOTALL).matcher(quickstart);
    int n = 0;
    while (blocks.find()) {
      n++;
      blocks.group(1).lines().forEach(l -> assertTrue(MERMAID_LINE.matcher(l).matches(), l));
    }
    assertEquals(4, n, "one picture per cluster with changed edges");
  }

  @Test
  void markdownMakesInputTextInert() {
    assertEquals("a\\|b \\*c\\* &lt;script&gt; \\[x\\](y) \\`z\\` d &amp;amp;",
        MarkdownText.escape("a|b *c* <script> [x](y) `z`\nd &amp;"));
  }

  @Test
  void connectionsMinusIsWhatIsLeft() {
    ConnectionSet tcp = ConnectionSet.of(Protocol.TCP, 1, 100).union(ConnectionSet.of(Protocol.UDP, 53, 53));
    assertEquals("TCP 1-9,21-100,UDP 53", tcp.minus(ConnectionSet.of(Protocol.TCP, 10, 20)).toString());
    assertEquals("TCP 1-100", tcp.minus(ConnectionSet.allPorts(Protocol.UDP)).toString());
    assertTrue(tcp.minus(ConnectionSet.all()).isEmpty());
    assertEquals(tcp, tcp.minus(ConnectionSet.none()));
    assertEquals("TCP 2-99", ConnectionSet.of(Protocol.TCP, 1, 100).minus(ConnectionSet.of(Protocol.TCP, 1, 1))
        .minus(ConnectionSet.of(Protocol.TCP, 100, 100)).toString());
    assertEquals("TCP 1-4,9-10", ConnectionSet.of(Protocol.TCP, 1, 10).minus(ConnectionSet.of(Protocol.TCP, 5, 6)
        .union(ConnectionSet.of(Protocol.TCP, 7, 8))).toString());
  }

  @Test
  void addressesAreWrittenExactlyAndShort() {
    assertEquals(List.of("10.0.0.0/8"), AddressText.of(List.of(Cidr.parse("10.0.0.0/9"), Cidr.parse("10.128.0.0/9"))));
    assertEquals(List.of("10.0.0.0/16 except [10.0.0.0/24]"), AddressText.of(Cidr.subtract(
        List.of(Cidr.parse("10.0.0.0/16")), List.of(Cidr.parse("10.0.0.0/24")))));
    List<Cidr> scattered = List.of(Cidr.parse("10.0.0.1/32"), Cidr.parse("10.0.0.3/32"), Cidr.parse("10.0.0.5/32"),
        Cidr.parse("10.0.0.7/32"), Cidr.parse("10.0.0.9/32"));
    assertEquals(List.of("10.0.0.1/32", "10.0.0.3/32", "10.0.0.5/32", "10.0.0.7/32", "10.0.0.9/32"),
        AddressText.of(scattered), "holes as many as ranges: the ranges");
    assertEquals(List.of("10.0.0.1/32", "10.0.0.2/31", "10.0.0.4/31", "10.0.0.6/32"), Cidr.covering(
        Cidr.Family.IPV4, BigInteger.valueOf(0x0A000001L), BigInteger.valueOf(0x0A000006L)).stream()
        .map(Cidr::toString).toList());
    assertEquals(List.of("::/0"), Cidr.covering(Cidr.Family.IPV6, BigInteger.ZERO, BigInteger.ONE.shiftLeft(128)
        .subtract(BigInteger.ONE)).stream().map(Cidr::toString).toList());
    assertThrows(IllegalArgumentException.class, () -> Cidr.covering(Cidr.Family.IPV4, BigInteger.TWO,
        BigInteger.ONE));
    assertThrows(IllegalArgumentException.class, () -> Cidr.covering(Cidr.Family.IPV4, BigInteger.ZERO,
        BigInteger.ONE.shiftLeft(32)));
  }
}
