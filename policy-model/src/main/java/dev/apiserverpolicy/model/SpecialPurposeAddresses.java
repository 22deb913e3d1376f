package dev.apiserverpolicy.model;

import java.util.List;
import java.util.Optional;

/**
 * Address ranges that must never become an allow rule for a host's addresses: a DNS answer or a
 * typed-in address in one of them is a mistake or an attack (a name pointed at the cloud's
 * metadata service, at the node itself, at everything). Private ranges are not here: control
 * planes reach private issuers and webhooks every day.
 *
 * <p>Sources: IANA's IPv4 and IPv6 Special-Purpose Address Registries
 * (https://www.iana.org/assignments/iana-ipv4-special-registry,
 * https://www.iana.org/assignments/iana-ipv6-special-registry) and IANA's multicast address
 * registries; each entry names the RFC IANA cites. Adding a range is one line.
 *
 * @since 0.1.0
 */
public final class SpecialPurposeAddresses {
  /** One special-purpose range: what it is and where that is stated. */
  public record Range(Cidr cidr, String name, String source) {}

  private static final List<Range> RANGES = List.of(
      range("0.0.0.0/8", "unspecified (\"this network\")", "RFC 791, section 3.2"),
      range("127.0.0.0/8", "loopback", "RFC 1122, section 3.2.1.3"),
      range("169.254.0.0/16", "link-local (cloud metadata services listen on 169.254.169.254)", "RFC 3927"),
      range("224.0.0.0/4", "multicast", "RFC 5771"),
      range("255.255.255.255/32", "limited broadcast", "RFC 919, section 7"),
      range("::/128", "unspecified", "RFC 4291, section 2.5.2"),
      range("::1/128", "loopback", "RFC 4291, section 2.5.3"),
      range("fe80::/10", "link-local", "RFC 4291, section 2.5.6"),
      range("ff00::/8", "multicast", "RFC 4291, section 2.7"));

  private SpecialPurposeAddresses() {}

  private static Range range(String cidr, String name, String source) {
    return new Range(Cidr.parse(cidr), name, source);
  }

  /** Every range, IPv4 first. */
  public static List<Range> all() {
    return RANGES;
  }

  /** The special-purpose range {@code address} lies in, if any. */
  public static Optional<Range> containing(Cidr address) {
    return RANGES.stream().filter(r -> r.cidr().overlaps(address)).findFirst();
  }

  /** "169.254.169.254 is special-purpose: link-local (...), 169.254.0.0/16, RFC 3927", for messages. */
  public static String describe(Cidr address, Range range) {
    String shown = address.isHost() ? address.firstAddressText() : address.toString();
    return shown + " is special-purpose: " + range.name() + ", " + range.cidr() + ", " + range.source();
  }
}
