package dev.apiserverpolicy.model;

import static dev.apiserverpolicy.model.Properties.qt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Issue 23, item 3: {@link Cidr} against an oracle that is not {@link Cidr}: seancfoley's ipaddress library
 * parses, contains, merges and subtracts on its own. The generators write IPv6 with {@code ::} at every
 * position and any number of groups on either side, and ranges that touch at their first or last address.
 */
class CidrOracleTest {
  private static final Cidr V4 = Cidr.parse("10.0.0.0/24");
  private static final Cidr V6 = Cidr.parse("2001:db8::/120");

  private static IPAddress oracle(Cidr c) {
    return new IPAddressString(c.toString()).getAddress();
  }

  private static IPAddress oracle(String text) {
    return new IPAddressString(text).getAddress();
  }

  @Test
  void everyIpv6SpellingParsesToTheAddressTheOracleReads() {
    Gen<String> spelled = CidrGenerators.ipv6WithZeroRuns().flatMap(CidrGenerators::spellings);
    qt(4000).forAll(spelled).checkAssert(text -> {
      Cidr ours = Cidr.parse(text);
      IPAddress theirs = oracle(text);
      assertEquals(new BigInteger(1, theirs.getBytes()), ours.firstAddress(), text);
      assertEquals(theirs.getNetworkPrefixLength().intValue(), ours.prefixLength(), text);
      assertEquals(oracle(ours.firstAddressText()).toCanonicalString(), ours.firstAddressText(), text);
    });
  }

  @Test
  void containmentIsTheOracles() {
    qt(3000).forAll(touching(V4), touching(V6)).checkAssert((v4, v6) -> {
      for (List<Cidr> ranges : List.of(v4, v6)) {
        for (Cidr a : ranges) {
          for (Cidr b : ranges) {
            assertEquals(oracle(a).contains(oracle(b)), a.contains(b), a + " contains " + b);
          }
        }
      }
    });
  }

  @Test
  void unionIsTheOraclesMergeToPrefixBlocks() {
    qt(3000).forAll(touching(V4), touching(V6)).checkAssert((v4, v6) -> {
      for (List<Cidr> ranges : List.of(v4, v6)) {
        assertEquals(oracleMerge(ranges.stream().map(CidrOracleTest::oracle).toList()), texts(Cidr.merge(ranges)),
            () -> "merge " + ranges);
      }
    });
  }

  @Test
  void subtractionIsTheOracles() {
    qt(3000).forAll(touching(V4), touching(V4), touching(V6), touching(V6)).checkAssert((from4, cut4, from6, cut6) -> {
      for (List<List<Cidr>> pair : List.of(List.of(from4, cut4), List.of(from6, cut6), List.of(from4, from4))) {
        List<Cidr> from = pair.get(0);
        List<Cidr> cut = pair.get(1);
        assertEquals(oracleSubtract(from, cut), texts(Cidr.subtract(from, cut)), () -> from + " minus " + cut);
      }
    });
  }

  /** The named boundary: a cut that ends, or starts, at a range's first or last address. */
  @Test
  void aCutAtTheFirstOrLastAddressRemovesExactlyThatAddress() {
    for (String[] c : new String[][] {{"10.0.0.0/24", "10.0.0.0/32"}, {"10.0.0.0/24", "10.0.0.255/32"},
        {"2001:db8::/120", "2001:db8::/128"}, {"2001:db8::/120", "2001:db8::ff/128"},
        {"10.0.0.0/24", "9.255.255.255/32"}, {"10.0.0.4/30", "10.0.0.0/30"}}) {
      List<Cidr> from = List.of(Cidr.parse(c[0]));
      List<Cidr> cut = List.of(Cidr.parse(c[1]));
      assertEquals(oracleSubtract(from, cut), texts(Cidr.subtract(from, cut)), c[0] + " minus " + c[1]);
    }
  }

  private static List<String> texts(List<Cidr> ranges) {
    return ranges.stream().map(Cidr::toString).toList();
  }

  private static List<String> oracleMerge(List<IPAddress> blocks) {
    if (blocks.isEmpty()) {
      return List.of();
    }
    IPAddress[] rest = blocks.subList(1, blocks.size()).toArray(IPAddress[]::new);
    return Arrays.stream(blocks.get(0).mergeToPrefixBlocks(rest)).map(IPAddress::toCanonicalString).sorted(
        (a, b) -> Cidr.parse(a).compareTo(Cidr.parse(b))).toList();
  }

  private static List<String> oracleSubtract(List<Cidr> from, List<Cidr> cut) {
    List<IPAddress> left = new ArrayList<>(from.stream().map(CidrOracleTest::oracle).toList());
    for (Cidr c : cut) {
      List<IPAddress> next = new ArrayList<>();
      for (IPAddress piece : left) {
        IPAddress[] rest = piece.subtract(oracle(c));
        if (rest != null) {
          next.addAll(Arrays.asList(rest));
        }
      }
      left = next;
    }
    List<IPAddress> blocks = new ArrayList<>();
    left.forEach(piece -> blocks.addAll(Arrays.asList(piece.spanWithPrefixBlocks())));
    return oracleMerge(blocks);
  }

  /**
   * Lists of ranges inside {@code universe} where each range is random or touches one drawn before it: its
   * first or last address, the address just before or after it, the range itself, or one of its halves.
   */
  private static Gen<List<Cidr>> touching(Cidr universe) {
    Gen<Cidr> random = CidrGenerators.cidrsWithin(universe);
    return SourceDSL.lists().of(random.zip(Generate.range(0, 6), Generate.range(0, 8), (c, kind, pick) ->
        new Object[] {c, kind, pick})).ofSizeBetween(1, 5).map(drawn -> {
          List<Cidr> out = new ArrayList<>();
          for (Object[] d : drawn) {
            Cidr base = out.isEmpty() ? (Cidr) d[0] : out.get((Integer) d[2] % out.size());
            out.add(CidrGenerators.touching(base, (Integer) d[1], universe).orElse((Cidr) d[0]));
          }
          return out;
        });
  }
}
