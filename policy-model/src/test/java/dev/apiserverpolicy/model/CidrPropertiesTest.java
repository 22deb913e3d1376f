package dev.apiserverpolicy.model;

import static dev.apiserverpolicy.model.Properties.qt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/** Invariants of {@link Cidr} over generated ranges of both families. */
class CidrPropertiesTest {
  private static final Cidr V4_SMALL = Cidr.parse("10.0.0.0/24");
  private static final Cidr V6_SMALL = Cidr.parse("2001:db8::/120");

  @Test
  void printThenParseIsIdentity() {
    qt(2000).forAll(CidrGenerators.cidrs()).check(c -> Cidr.parse(c.toString()).equals(c));
  }

  @Test
  void canonicalFormIsAFixedPointOfEverySpelling() {
    Gen<String[]> spelled = CidrGenerators.cidrs()
        .flatMap(c -> CidrGenerators.spellings(c).map(s -> new String[] {c.toString(), s}));
    qt(2000).forAll(spelled).checkAssert(pair -> {
      Cidr parsed = Cidr.parse(pair[1]);
      assertEquals(pair[0], parsed.toString(), pair[1]);
      assertEquals(parsed.toString(), Cidr.parse(parsed.toString()).toString());
    });
  }

  @Test
  void anIndependentParserAgreesOnAddressPrefixAndCanonicalText() {
    Gen<String> spelled = CidrGenerators.cidrs().flatMap(CidrGenerators::spellings);
    qt(2000).forAll(spelled).checkAssert(text -> {
      Cidr ours = Cidr.parse(text);
      IPAddress theirs = new IPAddressString(text).getAddress();
      assertNotNull(theirs, text);
      assertEquals(new BigInteger(1, theirs.getBytes()), ours.firstAddress(), text);
      assertEquals(theirs.getNetworkPrefixLength().intValue(), ours.prefixLength(), text);
      IPAddress single = new IPAddressString(ours.firstAddressText()).getAddress();
      assertEquals(single.toCanonicalString(), ours.firstAddressText(), text);
    });
  }

  /** Every spelling of an IPv4 range in IPv4-mapped or IPv4-compatible IPv6 form is refused, naming the IPv4 form. */
  @Test
  void ipv4RangesSpelledAsIpv6AreRefusedInEverySpelling() {
    Gen<Cidr> v4 = CidrGenerators.cidrs().assuming(c -> c.family() == Cidr.Family.IPV4);
    Gen<String[]> spelled = v4.zip(Generate.booleans(), (c, mapped) -> {
      BigInteger base = mapped ? BigInteger.valueOf(0xFFFFL).shiftLeft(32) : BigInteger.ZERO;
      return new Cidr[] {c, Cidr.of(Cidr.Family.IPV6, base.add(c.firstAddress()), c.prefixLength() + 96)};
    }).assuming(pair -> !pair[1].isHost() || pair[1].firstAddress().compareTo(BigInteger.ONE) > 0)
        .flatMap(pair -> CidrGenerators.spellings(pair[1]).map(text -> new String[] {pair[0].toString(), text}));
    qt(2000).forAll(spelled).checkAssert(pair -> {
      CidrFormatException e = assertThrows(CidrFormatException.class, () -> Cidr.parse(pair[1]), pair[1]);
      assertEquals("write the IPv4 form: " + pair[0], e.hint(), pair[1]);
    });
  }

  @Test
  void orderIsTotalAndConsistentWithEquals() {
    // A small pool so that equal and near-equal values are common.
    Gen<Cidr> pool = Generate.enumValues(Cidr.Family.class).zip(Generate.range(0, 3), Generate.range(0, 3),
        (f, a, p) -> Cidr.of(f, BigInteger.valueOf(a).shiftLeft(f.bits() - 2), f.bits()).truncate(p));
    Comparator<Cidr> reference = Comparator.comparing(Cidr::family)
        .thenComparing(Cidr::firstAddress).thenComparingInt(Cidr::prefixLength);
    qt(3000).forAll(pool, pool, pool).checkAssert((a, b, c) -> {
      assertEquals(Integer.signum(reference.compare(a, b)), Integer.signum(a.compareTo(b)), a + " vs " + b);
      assertEquals(-Integer.signum(a.compareTo(b)), Integer.signum(b.compareTo(a)));
      assertEquals(a.compareTo(b) == 0, a.equals(b));
      assertEquals(a.equals(b), a.toString().equals(b.toString()));
      if (a.equals(b)) {
        assertEquals(a.hashCode(), b.hashCode());
      }
      if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
        assertTrue(a.compareTo(c) <= 0);
      }
    });
  }

  @Test
  void hostBitsAreAlwaysRejected() {
    Gen<Cidr> hosts = Generate.enumValues(Cidr.Family.class).flatMap(CidrGenerators::hosts);
    qt(2000).forAll(hosts, Generate.range(0, 127))
        .assuming((host, p) -> !hasNoHostBits(host, p % host.family().bits()))
        .checkAssert((host, rawPrefix) -> {
          int prefix = rawPrefix % host.family().bits();
          String text = host.firstAddressText() + "/" + prefix;
          CidrFormatException e = assertThrows(CidrFormatException.class, () -> Cidr.parse(text), text);
          assertTrue(e.hostBitsSet());
          assertTrue(e.hint().contains(host.truncate(prefix) + " (the network)")
              && e.hint().contains(host + " (the single address)"), e.hint());
        });
  }

  private static boolean hasNoHostBits(Cidr host, int prefix) {
    return host.truncate(prefix).firstAddress().equals(host.firstAddress());
  }

  @Test
  void subtractionLeavesExactlyTheUncoveredAddresses() {
    Gen<Cidr> small = Generate.oneOf(CidrGenerators.cidrsWithin(V4_SMALL), CidrGenerators.cidrsWithin(V6_SMALL));
    Gen<List<Cidr>> lists = SourceDSL.lists().of(small).ofSizeBetween(0, 5);
    qt(1500).forAll(lists, lists).checkAssert((from, remove) -> {
      List<Cidr> result = Cidr.subtract(from, remove);
      for (Cidr universe : List.of(V4_SMALL, V6_SMALL)) {
        for (int i = 0; i < 256; i++) {
          Cidr address = Cidr.of(universe.family(), universe.firstAddress().add(BigInteger.valueOf(i)),
              universe.family().bits());
          boolean expected = covers(from, address) && !covers(remove, address);
          assertEquals(expected, covers(result, address), () -> address + " from " + from + " minus " + remove);
        }
      }
      assertCanonical(result);
    });
  }

  @Test
  void subtractionOfNothingIsTheMinimalCover() {
    Gen<List<Cidr>> lists = SourceDSL.lists().of(CidrGenerators.cidrs()).ofSizeBetween(0, 6);
    qt(1000).forAll(lists).checkAssert(ranges -> {
      List<Cidr> merged = Cidr.merge(ranges);
      for (Cidr r : ranges) {
        assertTrue(merged.stream().anyMatch(m -> m.contains(r)), r + " lost in " + merged);
      }
      assertEquals(ranges.stream().map(Cidr::family).distinct().count(),
          merged.stream().map(Cidr::family).distinct().count());
      BigInteger total = merged.stream().map(Cidr::addressCount).reduce(BigInteger.ZERO, BigInteger::add);
      BigInteger bound = ranges.stream().map(Cidr::addressCount).reduce(BigInteger.ZERO, BigInteger::add);
      assertTrue(total.compareTo(bound) <= 0, "merge may not add addresses");
      assertCanonical(merged);
    });
  }

  // Containment as the ipaddress library reads it, not as Cidr does: the subtraction is checked against it.
  private static boolean covers(List<Cidr> ranges, Cidr address) {
    IPAddress single = new IPAddressString(address.toString()).getAddress();
    return ranges.stream().anyMatch(r -> new IPAddressString(r.toString()).getAddress().contains(single));
  }

  // Sorted, disjoint, and no two siblings that would merge into their parent.
  private static void assertCanonical(List<Cidr> ranges) {
    for (int i = 0; i + 1 < ranges.size(); i++) {
      Cidr a = ranges.get(i);
      Cidr b = ranges.get(i + 1);
      assertTrue(a.compareTo(b) < 0, "sorted");
      assertTrue(!a.overlaps(b), a + " overlaps " + b);
      boolean siblings = a.family() == b.family() && a.prefixLength() == b.prefixLength() && a.prefixLength() > 0
          && a.truncate(a.prefixLength() - 1).equals(b.truncate(b.prefixLength() - 1));
      assertTrue(!siblings, a + " and " + b + " should have been merged");
    }
  }
}
