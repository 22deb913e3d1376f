package dev.apiserverpolicy.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Examples of what the strict CIDR parser accepts, rejects and prints. */
class CidrTest {

  @ParameterizedTest
  @CsvSource({
      "10.0.0.0/8, 10.0.0.0/8",
      "0.0.0.0/0, 0.0.0.0/0",
      "192.168.1.10/32, 192.168.1.10/32",
      "2001:DB8::/32, 2001:db8::/32",
      "2001:0db8:0000:0000:0000:0000:0000:0001/128, 2001:db8::1/128",
      "::/0, ::/0",
      "::1/128, ::1/128",
      "2001:db8:0:0:1:0:0:1/128, 2001:db8::1:0:0:1/128",
      "2001:db8:0:1:1:1:1:1/128, 2001:db8:0:1:1:1:1:1/128",
      "fd00:0:0:0:0:0:0:0/8, fd00::/8",
      "1:0:0:2:0:0:0:3/128, 1:0:0:2::3/128",
  })
  void parsesAndPrintsCanonically(String input, String canonical) {
    assertEquals(canonical, Cidr.parse(input).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "10.0.0.0", "10.0.0/8", "10/8", "010.0.0.0/8", "10.0.0.00/8", "0x0a.0.0.0/8", "10.0.0.256/32",
      "10.0.0.0/255.0.0.0", "10.0.0.*/24", "10.0.0.0-10.0.0.255/24", " 10.0.0.0/8", "10.0.0.0/8 ",
      "10.0.0.0 /8", "10.0.0.0/33", "10.0.0.0/08", "10.0.0.0/-1", "10.0.0.0/8/8", "10.0.0.0/",
      "::ffff:1.2.3.4/128", "fe80::1%eth0/128", "1:2:3:4:5:6:7:8:9/128", "2001:db8:::/48",
      "2001:db8::1::/64", "2001:db8::/129", "12345::/16", "g::/16", "1:2:3:4:5:6:7/112", "::1:2:3:4:5:6:7:8/128",
      "10.0.0.0\t/8", "１0.0.0.0/8"})
  void rejectsAnythingNotStrict(String input) {
    CidrFormatException e = assertThrows(CidrFormatException.class, () -> Cidr.parse(input));
    assertFalse(e.hint().isEmpty());
    assertFalse(e.hostBitsSet(), input);
  }

  /** Go's net.ParseCIDR reads {@code ::ffff:0:0/96} as 0.0.0.0/0: every IPv4 client (issue 22). */
  @ParameterizedTest
  @CsvSource({
      "::ffff:0:0/96, 0.0.0.0/0", "::ffff:cb00:7100/120, 203.0.113.0/24", "::FFFF:A00:A/128, 10.0.0.10/32",
      "0:0:0:0:0:ffff:a00:0/104, 10.0.0.0/8", "::a00:a/128, 10.0.0.10/32", "::/96, 0.0.0.0/0",
      "::102:304/128, 1.2.3.4/32"})
  void ipv4RangesInIpv6NotationAreRefusedWithTheIpv4Form(String input, String ipv4) {
    CidrFormatException range = assertThrows(CidrFormatException.class, () -> Cidr.parse(input));
    assertEquals("write the IPv4 form: " + ipv4, range.hint(), input);
    if (input.endsWith("/128")) {
      String address = input.substring(0, input.length() - 4);
      CidrFormatException host = assertThrows(CidrFormatException.class, () -> Cidr.parseHost(address));
      assertEquals("write the IPv4 form: " + ipv4, host.hint(), address);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"::ffff:10.0.0.11", "::10.0.0.11"})
  void dottedIpv4InIpv6IsRefusedWithTheIpv4Address(String address) {
    CidrFormatException e = assertThrows(CidrFormatException.class, () -> Cidr.parseHost(address));
    assertEquals("write the IPv4 form: 10.0.0.11 (with a prefix 96 shorter)", e.hint());
  }

  @ParameterizedTest
  @ValueSource(strings = {"::/0", "::/128", "::1/128", "::/95", "::fffe:0:0/96", "::1:0:0:0/96", "1::ffff:0:0/96",
      "::fffe:0:0/95", "2001:db8::/32"})
  void ipv6RangesNextToTheEmbeddedBlocksStayIpv6(String input) {
    assertEquals(Cidr.Family.IPV6, Cidr.parse(input).family());
  }

  @Test
  void hostBitsNameBothReadings() {
    CidrFormatException e = assertThrows(CidrFormatException.class, () -> Cidr.parse("10.0.0.1/8"));
    assertTrue(e.hostBitsSet());
    assertEquals("did you mean 10.0.0.0/8 (the network) or 10.0.0.1/32 (the single address)?", e.hint());
    CidrFormatException v6 = assertThrows(CidrFormatException.class, () -> Cidr.parse("2001:db8::1/64"));
    assertEquals("did you mean 2001:db8::/64 (the network) or 2001:db8::1/128 (the single address)?", v6.hint());
  }

  @Test
  void octalLookingOctetsAreExplained() {
    CidrFormatException e = assertThrows(CidrFormatException.class, () -> Cidr.parse("010.0.0.0/8"));
    assertTrue(e.getMessage().contains("octal"), e.getMessage());
    assertEquals("write the octet as 10", e.hint());
  }

  @Test
  void hostsParseWithOrWithoutFullPrefix() {
    assertEquals("10.0.0.10/32", Cidr.parseHost("10.0.0.10").toString());
    assertEquals("fd00::10/128", Cidr.parseHost("fd00::10").toString());
    assertEquals("fd00::10/128", Cidr.parseHost("fd00::10/128").toString());
    assertThrows(CidrFormatException.class, () -> Cidr.parseHost("10.0.0.0/8"));
  }

  @Test
  void containmentAndOverlap() {
    Cidr ten = Cidr.parse("10.0.0.0/8");
    Cidr sub = Cidr.parse("10.1.0.0/16");
    Cidr other = Cidr.parse("11.0.0.0/8");
    assertTrue(ten.contains(sub));
    assertFalse(sub.contains(ten));
    assertTrue(ten.overlaps(sub) && sub.overlaps(ten));
    assertFalse(ten.overlaps(other));
    assertFalse(Cidr.parse("0.0.0.0/0").contains(Cidr.parse("::/128")), "families never mix");
  }

  @Test
  void orderIsFamilyThenAddressThenPrefix() {
    List<Cidr> sorted = new java.util.ArrayList<>(List.of(
        Cidr.parse("::/0"), Cidr.parse("10.0.0.0/16"), Cidr.parse("10.0.0.0/8"), Cidr.parse("9.0.0.0/8"),
        Cidr.parse("fd00::/8"), Cidr.parse("255.255.255.255/32")));
    sorted.sort(null);
    assertEquals("[9.0.0.0/8, 10.0.0.0/8, 10.0.0.0/16, 255.255.255.255/32, ::/0, fd00::/8]", sorted.toString());
  }

  @Test
  void subtractionExamples() {
    assertEquals("[10.0.0.0/9]", Cidr.subtract(List.of(Cidr.parse("10.0.0.0/8")),
        List.of(Cidr.parse("10.128.0.0/9"))).toString());
    assertEquals("[10.0.0.0/32, 10.0.0.2/31, 10.0.0.4/30, 10.0.0.8/29]",
        Cidr.subtract(List.of(Cidr.parse("10.0.0.0/28")), List.of(Cidr.parse("10.0.0.1/32"))).toString());
    assertEquals("[]", Cidr.subtract(List.of(Cidr.parse("10.0.0.0/8")), List.of(Cidr.parse("0.0.0.0/0"))).toString());
    List<Cidr> left = Cidr.subtract(List.of(Cidr.parse("10.0.0.0/8")), List.of(Cidr.parse("::/0")));
    assertEquals("[10.0.0.0/8]", left.toString());
    assertEquals("[10.0.0.0/7]", Cidr.merge(List.of(Cidr.parse("11.0.0.0/8"), Cidr.parse("10.0.0.0/8"))).toString());
    assertEquals("[::/0]", Cidr.merge(List.of(Cidr.parse("::/1"), Cidr.parse("8000::/1"))).toString());
  }
}
