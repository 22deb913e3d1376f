package dev.apiserverpolicy.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 23: the edges PIT found untested in {@link Cidr}. A character at the very start of the text, where a
 * search returns 0, says what is wrong like one further in; the spelling kept apart from equality; the
 * predicates the renderer and the lints rely on.
 */
class CidrEdgesTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "::1|has no prefix length|'::1/128'",
      "/24|is not a dotted-quad IPv4 address|write all four octets",
      "10.0.0.0|has no prefix length|'10.0.0.0/32'",
      "*.0.0.0/8|uses a wildcard or range|write each network",
      "-1.0.0.0/8|uses a wildcard or range|write each network",
      "10.0.0.0/*|uses a wildcard or range|write each network",
      "10.0.0.0/.24|gives a netmask|write the prefix length",
      "::/:|gives a netmask|write the prefix length",
      "::1::2/128|uses '::' more than once|at most once",
      "10.0.0.0 /8|contains whitespace|remove the spaces: '10.0.0.0/8'",
      "10.0.0.0/\t8|contains whitespace|remove the spaces: '10.0.0.0/8'",
      "` 10.0.0.0/8`|contains whitespace|remove the spaces: '10.0.0.0/8'",
      "10.0.0.0/8 10.1.0.0/16|contains whitespace|write one range per list item, without spaces",
      "%:1/128|has an IPv6 zone|'%zone'",
      "::ffff:1.2.3.4/128|embeds an IPv4 address|write the IPv4 form: 1.2.3.4",
      "::1.2.3.4/128|embeds an IPv4 address|write the IPv4 form: 1.2.3.4",
      "2001:db8::1.2.3.4/128|embeds an IPv4 address|two hexadecimal groups",
      ".1::/128|embeds an IPv4 address|two hexadecimal groups"})
  void eachRefusalSaysWhatIsWrongWhereverTheCharacterStands(String text, String message, String hint) {
    CidrFormatException e = assertThrows(CidrFormatException.class, () -> Cidr.parse(text.replace("\\t", "\t")));
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertTrue(e.hint().contains(hint), e.hint());
  }

  @Test
  void aHostMayBeWrittenWithoutItsPrefixButNotAsAPrefixAlone() {
    assertEquals(Cidr.parse("::1/128"), Cidr.parseHost("::1"));
    assertEquals(Cidr.parse("10.0.0.1/32"), Cidr.parseHost("10.0.0.1"));
    assertTrue(assertThrows(CidrFormatException.class, () -> Cidr.parseHost("/32")).getMessage()
        .contains("'/32'"));
  }

  @Test
  void theSpellingIsKeptApartFromEquality() {
    Cidr spelled = Cidr.parse("2001:DB8:0::/32");
    assertEquals("2001:DB8:0::/32", spelled.asWritten());
    assertEquals("2001:db8::/32", spelled.toString());
    assertEquals("2001:db8::/32", spelled.canonical().asWritten());
    assertEquals(Cidr.parse("2001:db8::/32"), spelled);
    assertEquals("10.0.0.0/8", Cidr.parse("10.0.0.0/8").asWritten());
  }

  @Test
  void distinctRangesHashApart() {
    List<String> texts = List.of("10.0.0.0/8", "10.0.0.0/9", "11.0.0.0/8", "::/0", "0.0.0.0/0", "2001:db8::/32");
    for (String a : texts) {
      for (String b : texts) {
        if (!a.equals(b)) {
          assertNotEquals(Cidr.parse(a).hashCode(), Cidr.parse(b).hashCode(), a + " and " + b);
        }
      }
    }
  }

  @Test
  void everythingIsPrefixZeroOfEitherFamily() {
    assertTrue(Cidr.parse("0.0.0.0/0").isEverything());
    assertTrue(Cidr.parse("::/0").isEverything());
    assertFalse(Cidr.parse("0.0.0.0/1").isEverything());
    assertFalse(Cidr.parse("::/1").isEverything());
  }

  @Test
  void anAddressLiteralIsDigitsAndDotsOrHasAColon() {
    for (String literal : List.of("10.0.0.1", "1", "::1", "fd00::10", "2001:db8::")) {
      assertTrue(Cidr.isAddressLiteral(literal), literal);
    }
    for (String name : List.of("dex.example.com", "a1.example", "localhost", "10.0.0.1.nip.io")) {
      assertFalse(Cidr.isAddressLiteral(name), name);
    }
  }

  @Test
  void adjacentSiblingsMergeIntoTheirParentAndTouchingRangesIntoOneSpan() {
    assertEquals(List.of(Cidr.parse("10.0.0.0/24")),
        Cidr.merge(List.of(Cidr.parse("10.0.0.128/25"), Cidr.parse("10.0.0.0/25"))));
    assertEquals(List.of(Cidr.parse("10.0.0.0/31")),
        Cidr.merge(List.of(Cidr.parse("10.0.0.0/32"), Cidr.parse("10.0.0.1/32"))));
    assertEquals(List.of(Cidr.parse("10.0.0.1/32"), Cidr.parse("10.0.0.2/31")),
        Cidr.merge(List.of(Cidr.parse("10.0.0.1/32"), Cidr.parse("10.0.0.2/32"), Cidr.parse("10.0.0.3/32"))));
    assertEquals(List.of(Cidr.parse("2001:db8::/127")),
        Cidr.merge(List.of(Cidr.parse("2001:db8::1/128"), Cidr.parse("2001:db8::/128"))));
  }
}
