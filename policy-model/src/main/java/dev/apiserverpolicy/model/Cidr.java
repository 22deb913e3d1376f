package dev.apiserverpolicy.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * An IPv4 or IPv6 network in CIDR notation, always canonical once built.
 *
 * <p>Parsing is strict on purpose: source ranges decide who may reach an API server, so
 * any text that two tools could read differently is rejected rather than guessed at. A
 * prefix is required; IPv4 must be four decimal octets without leading zeros (no octal,
 * hex or short forms); IPv6 must be hexadecimal groups without embedded IPv4, zones or
 * surrounding whitespace, and never an IPv4-mapped ({@code ::ffff:0:0/96}) or IPv4-compatible
 * ({@code ::/96}) form of an IPv4 range; masks and wildcards are refused. Host bits set below the
 * prefix are an error naming both readings, since {@code 10.0.0.1/8} may mean the
 * network or the host.
 *
 * <p>Order: IPv4 before IPv6, then by address, then by prefix length. Two values are
 * equal exactly when their canonical texts are equal.
 *
 * @since 0.1.0
 */
public final class Cidr implements Comparable<Cidr> {

  /** The address family of a range. */
  public enum Family {
    /** 32-bit addresses. */
    IPV4(32),
    /** 128-bit addresses. */
    IPV6(128);

    private final int bits;

    Family(int bits) {
      this.bits = bits;
    }

    /** Address width in bits. */
    public int bits() {
      return bits;
    }
  }

  private final Family family;
  // IPv6: hi = upper 64 bits, lo = lower 64 bits. IPv4: hi = 0, lo = the address.
  private final long hi;
  private final long lo;
  private final int prefix;
  // The canonical text, made on first use: rendering and lints ask for it again and again.
  // Racy but safe, like String's hash: every thread computes the same immutable String.
  private String text;
  // The text it was parsed from, if any (not part of equality): KKP writes source ranges as given.
  private final String written;

  private Cidr(Family family, long hi, long lo, int prefix) {
    this(family, hi, lo, prefix, null);
  }

  private Cidr(Family family, long hi, long lo, int prefix, String written) {
    this.family = family;
    this.hi = hi;
    this.lo = lo;
    this.prefix = prefix;
    this.written = written;
  }

  /** This range without the spelling it was parsed from: {@link #asWritten()} is then its canonical text. */
  public Cidr canonical() {
    return written == null ? this : new Cidr(family, hi, lo, prefix);
  }

  /**
   * The text this range was parsed from, which may spell an IPv6 range differently from its
   * canonical form ({@code 2001:DB8:0::/32}); the canonical text when it was built otherwise.
   * Not part of equality.
   */
  public String asWritten() {
    return written != null ? written : toString();
  }

  /**
   * Parses a range such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}.
   *
   * @throws CidrFormatException with a message and a hint when the text is not a
   *     canonical-able CIDR or has host bits set
   */
  public static Cidr parse(String text) {
    Cidr c = parseCanonical(text);
    return text.equals(c.toString()) ? c : new Cidr(c.family, c.hi, c.lo, c.prefix, text);
  }

  /**
   * True if a URL's or peer's host is written as an address rather than a name: only digits and
   * dots, or any colon (a DNS name has neither form). Whether it is a valid address is
   * {@link #parseHost}'s to say.
   */
  public static boolean isAddressLiteral(String host) {
    return host.matches("[0-9.]+") || host.indexOf(':') >= 0;
  }

  /**
   * Parses a single address ({@code 10.0.0.10} or {@code fd00::10}) as a host range
   * ({@code /32} or {@code /128}). A prefix is accepted only if it is the full width.
   */
  public static Cidr parseHost(String text) {
    Objects.requireNonNull(text, "text");
    if (text.indexOf('/') < 0) {
      return parseCanonical(text + (text.indexOf(':') >= 0 ? "/128" : "/32"));
    }
    Cidr parsed = parseCanonical(text);
    if (!parsed.isHost()) {
      throw new CidrFormatException(
          "'" + text + "' is a range, not a single address",
          "write one address, e.g. " + parsed.firstAddressText());
    }
    return parsed;
  }

  private static Cidr parseCanonical(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw new CidrFormatException("empty CIDR", "write a range such as 10.0.0.0/8");
    }
    if (!text.equals(text.strip()) || anyWhitespace(text)) {
      // The fix, not a copy of the value: without its spaces when it is one range, else one range an item.
      String joined = text.codePoints().filter(c -> !Character.isWhitespace(c))
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
      throw new CidrFormatException("'" + text + "' contains whitespace", joined.indexOf('/') != joined.lastIndexOf('/')
          ? "write one range per list item, without spaces" : "remove the spaces: '" + joined + "'");
    }
    int slash = text.indexOf('/');
    if (slash < 0) {
      String hint = text.indexOf(':') >= 0 ? text + "/128" : text + "/32";
      throw new CidrFormatException(
          "'" + text + "' has no prefix length", "add the prefix, e.g. '" + hint + "' for one address");
    }
    if (text.indexOf('/', slash + 1) >= 0) {
      throw new CidrFormatException("'" + text + "' has more than one '/'", "write address/prefix");
    }
    String addressText = text.substring(0, slash);
    String prefixText = text.substring(slash + 1);
    if (addressText.indexOf('*') >= 0 || addressText.indexOf('-') >= 0 || prefixText.indexOf('*') >= 0) {
      throw new CidrFormatException(
          "'" + text + "' uses a wildcard or range", "write each network as address/prefix");
    }
    boolean v6 = addressText.indexOf(':') >= 0;
    Family family = v6 ? Family.IPV6 : Family.IPV4;
    if (prefixText.indexOf('.') >= 0 || prefixText.indexOf(':') >= 0) {
      throw new CidrFormatException(
          "'" + text + "' gives a netmask, not a prefix length",
          "write the prefix length, e.g. /24 for 255.255.255.0");
    }
    int prefix = parsePrefix(text, prefixText, family.bits());
    long hi = 0;
    long lo;
    if (v6) {
      long[] words = parseIpv6(text, addressText);
      hi = words[0];
      lo = words[1];
    } else {
      lo = parseIpv4(text, addressText);
    }
    Cidr exact = new Cidr(family, hi, lo, family.bits());
    Cidr network = exact.truncate(prefix);
    network.ipv4Embedded().ifPresent(ipv4 -> {
      throw new CidrFormatException(
          "'" + text + "' is an IPv4 range written in IPv6 notation, which readers disagree on (Go's net reads "
              + "::ffff:0:0/96 as 0.0.0.0/0, every IPv4 address)",
          "write the IPv4 form: " + ipv4);
    });
    if (network.hi != hi || network.lo != lo) {
      throw new CidrFormatException(
          "'" + text + "' has host bits set below /" + prefix,
          "did you mean " + network + " (the network) or " + exact + " (the single address)?",
          true);
    }
    return network;
  }

  /**
   * For a network of /96 or longer in {@code ::ffff:0:0/96} (IPv4-mapped) or {@code ::/96} (IPv4-compatible,
   * but not {@code ::} or {@code ::1}), the IPv4 range it embeds; else empty. Go's {@code net.IPNet} reads a
   * mapped network as the IPv4 one with a 32-bit mask cut from its 128-bit mask ({@code ::ffff:0:0/96} is
   * {@code 0.0.0.0/0}); other readers treat compatible addresses as IPv4. No such text is accepted.
   */
  private java.util.Optional<Cidr> ipv4Embedded() {
    boolean mapped = (lo >>> 32) == 0xFFFFL;
    boolean compatible = (lo >>> 32) == 0 && !(prefix == 128 && (lo == 0 || lo == 1));
    if (family != Family.IPV6 || prefix < 96 || hi != 0 || !(mapped || compatible)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Cidr(Family.IPV4, 0, lo & 0xFFFFFFFFL, prefix - 96));
  }

  /** Builds the range of {@code prefix} around an address, clearing host bits silently. */
  public Cidr truncate(int newPrefix) {
    if (newPrefix < 0 || newPrefix > family.bits()) {
      throw new IllegalArgumentException("prefix " + newPrefix + " out of range for " + family);
    }
    long[] mask = mask(family, newPrefix);
    return new Cidr(family, hi & mask[0], lo & mask[1], newPrefix);
  }

  private static long[] mask(Family family, int prefix) {
    if (family == Family.IPV4) {
      long m = prefix == 0 ? 0L : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
      return new long[] {0L, m};
    }
    long mHi = prefix >= 64 ? -1L : (prefix == 0 ? 0L : -1L << (64 - prefix));
    long mLo = prefix <= 64 ? 0L : (prefix == 128 ? -1L : -1L << (128 - prefix));
    return new long[] {mHi, mLo};
  }

  private static int parsePrefix(String text, String prefixText, int maxBits) {
    if (prefixText.isEmpty() || prefixText.length() > 3 || !allDigits(prefixText)) {
      throw new CidrFormatException(
          "'" + text + "' has an invalid prefix length '" + prefixText + "'",
          "write a decimal prefix length from 0 to " + maxBits);
    }
    if (prefixText.length() > 1 && prefixText.charAt(0) == '0') {
      throw new CidrFormatException(
          "'" + text + "' has a prefix length with a leading zero",
          "write /" + Integer.parseInt(prefixText));
    }
    int prefix = Integer.parseInt(prefixText);
    if (prefix > maxBits) {
      throw new CidrFormatException(
          "'" + text + "' has prefix /" + prefix + ", more than the " + maxBits + " bits of the address",
          "use a prefix length from 0 to " + maxBits);
    }
    return prefix;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  // Loops rather than streams: every range of every cluster read goes through these.

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean allHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isHex(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isHex(int c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static long parseIpv4(String text, String address) {
    String[] parts = address.split("\\.", -1);
    if (parts.length != 4) {
      throw new CidrFormatException(
          "'" + text + "' is not a dotted-quad IPv4 address",
          "write all four octets, e.g. 10.0.0.0/8");
    }
    long value = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !allDigits(part)) {
        throw new CidrFormatException(
            "'" + text + "' has an invalid IPv4 octet '" + part + "'",
            "write each octet as a decimal number from 0 to 255");
      }
      if (part.length() > 1 && part.charAt(0) == '0') {
        throw new CidrFormatException(
            "'" + text + "' has an octet with a leading zero ('" + part + "'), which some tools read as octal",
            "write the octet as " + Integer.parseInt(part));
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        throw new CidrFormatException(
            "'" + text + "' has octet " + octet + ", more than 255", "write each octet from 0 to 255");
      }
      value = (value << 8) | octet;
    }
    return value;
  }

  private static long[] parseIpv6(String text, String address) {
    if (address.indexOf('%') >= 0) {
      throw new CidrFormatException("'" + text + "' has an IPv6 zone", "remove the '%zone' part");
    }
    int dot = address.indexOf('.');
    if (dot >= 0) {
      int colon = address.lastIndexOf(':');
      String lower = address.toLowerCase(java.util.Locale.ROOT);
      boolean embedsIpv4 = colon < dot && (lower.startsWith("::ffff:") && colon == 6 || lower.startsWith("::")
          && colon == 1);
      throw new CidrFormatException(
          "'" + text + "' embeds an IPv4 address in IPv6 notation, which readers disagree on",
          embedsIpv4 ? "write the IPv4 form: " + address.substring(colon + 1) + " (with a prefix 96 shorter)"
              : "write the last 32 bits as two hexadecimal groups");
    }
    int doubleColon = address.indexOf("::");
    if (doubleColon >= 0 && address.indexOf("::", doubleColon + 1) >= 0) {
      throw new CidrFormatException("'" + text + "' uses '::' more than once", "use '::' at most once");
    }
    List<String> head;
    List<String> tail;
    if (doubleColon >= 0) {
      head = groups(text, address.substring(0, doubleColon));
      tail = groups(text, address.substring(doubleColon + 2));
      if (head.size() + tail.size() > 7) {
        throw new CidrFormatException(
            "'" + text + "' has too many groups around '::'", "an IPv6 address has 8 groups");
      }
    } else {
      head = groups(text, address);
      tail = List.of();
      if (head.size() != 8) {
        throw new CidrFormatException(
            "'" + text + "' has " + head.size() + " groups, not 8", "write 8 groups or use '::' once");
      }
    }
    int[] words = new int[8];
    for (int i = 0; i < head.size(); i++) {
      words[i] = Integer.parseInt(head.get(i), 16);
    }
    for (int i = 0; i < tail.size(); i++) {
      words[8 - tail.size() + i] = Integer.parseInt(tail.get(i), 16);
    }
    long hiWord = 0;
    long loWord = 0;
    for (int i = 0; i < 4; i++) {
      hiWord = (hiWord << 16) | words[i];
      loWord = (loWord << 16) | words[i + 4];
    }
    return new long[] {hiWord, loWord};
  }

  private static List<String> groups(String text, String part) {
    List<String> result = new ArrayList<>();
    if (part.isEmpty()) {
      return result;
    }
    for (String group : part.split(":", -1)) {
      if (group.isEmpty() || group.length() > 4 || !allHex(group)) {
        throw new CidrFormatException(
            "'" + text + "' has an invalid IPv6 group '" + group + "'",
            "write each group as 1 to 4 hexadecimal digits");
      }
      result.add(group);
    }
    return result;
  }

  /** The address family. */
  public Family family() {
    return family;
  }

  /** Prefix length in bits. */
  public int prefixLength() {
    return prefix;
  }

  /** True for a single address ({@code /32} or {@code /128}). */
  public boolean isHost() {
    return prefix == family.bits();
  }

  /** True for {@code 0.0.0.0/0} or {@code ::/0}: the whole address space of a family. */
  public boolean isEverything() {
    return prefix == 0;
  }

  /** Number of addresses in the range. */
  public BigInteger addressCount() {
    return BigInteger.ONE.shiftLeft(family.bits() - prefix);
  }

  /** The first address as an unsigned number. */
  public BigInteger firstAddress() {
    return unsigned(hi, lo);
  }

  /** The last address as an unsigned number. */
  public BigInteger lastAddress() {
    return firstAddress().add(addressCount()).subtract(BigInteger.ONE);
  }

  /** True if every address of {@code other} lies in this range. */
  public boolean contains(Cidr other) {
    if (other.family != family || other.prefix < prefix) {
      return false;
    }
    long[] mask = mask(family, prefix);
    return (other.hi & mask[0]) == hi && (other.lo & mask[1]) == lo;
  }

  /** True if the two ranges share at least one address. */
  public boolean overlaps(Cidr other) {
    return contains(other) || other.contains(this);
  }

  /** Builds the range from a family, a first address and a prefix; host bits must be clear. */
  public static Cidr of(Family family, BigInteger firstAddress, int prefixLength) {
    Objects.requireNonNull(family, "family");
    if (prefixLength < 0 || prefixLength > family.bits()) {
      throw new IllegalArgumentException("prefix " + prefixLength + " out of range for " + family);
    }
    if (firstAddress.signum() < 0 || firstAddress.bitLength() > family.bits()) {
      throw new IllegalArgumentException("address out of range for " + family);
    }
    long h = firstAddress.shiftRight(64).longValue();
    long l = firstAddress.longValue();
    Cidr result = new Cidr(family, h, l, prefixLength);
    if (!result.truncate(prefixLength).equals(result)) {
      throw new IllegalArgumentException("host bits set below /" + prefixLength);
    }
    return result;
  }

  /**
   * The addresses of {@code from} that no range of {@code remove} covers, as the fewest
   * canonical ranges, sorted. Families never mix: an IPv6 range removes nothing from IPv4.
   */
  public static List<Cidr> subtract(Collection<Cidr> from, Collection<Cidr> remove) {
    List<Cidr> result = new ArrayList<>();
    for (Family f : Family.values()) {
      // Both lists are sorted and merged, so one sweep over each does it: O(n log n) in all,
      // however many ranges one cut splits a span into.
      List<BigInteger[]> cuts = intervals(remove, f);
      int next = 0;
      for (BigInteger[] span : intervals(from, f)) {
        BigInteger cursor = span[0];
        while (next < cuts.size() && cuts.get(next)[1].compareTo(cursor) < 0) {
          next++;
        }
        int c = next;
        while (cursor != null && c < cuts.size() && cuts.get(c)[0].compareTo(span[1]) <= 0) {
          BigInteger[] cut = cuts.get(c);
          if (cut[0].compareTo(cursor) > 0) {
            result.addAll(blocks(f, cursor, cut[0].subtract(BigInteger.ONE)));
          }
          cursor = cut[1].compareTo(span[1]) >= 0 ? null : cut[1].add(BigInteger.ONE);
          c++;
        }
        if (cursor != null) {
          result.addAll(blocks(f, cursor, span[1]));
        }
      }
    }
    // Already in order: families in order, each family's spans sorted, each span's blocks ascending.
    return List.copyOf(result);
  }

  /** The fewest canonical ranges that cover exactly the union of {@code ranges}, sorted. */
  public static List<Cidr> merge(Collection<Cidr> ranges) {
    return subtract(ranges, List.of());
  }

  /**
   * The fewest canonical ranges that cover exactly the addresses {@code first} to {@code last}
   * (inclusive) of {@code family}, sorted.
   *
   * @throws IllegalArgumentException if the addresses are outside the family or out of order
   */
  public static List<Cidr> covering(Family family, BigInteger first, BigInteger last) {
    BigInteger end = BigInteger.ONE.shiftLeft(family.bits());
    if (first.signum() < 0 || last.compareTo(end) >= 0 || first.compareTo(last) > 0) {
      throw new IllegalArgumentException("not a range of " + family + " addresses: " + first + "-" + last);
    }
    return List.copyOf(blocks(family, first, last));
  }

  // Sorted, merged intervals [first, last] of one family.
  private static List<BigInteger[]> intervals(Collection<Cidr> ranges, Family f) {
    TreeSet<Cidr> sorted = new TreeSet<>();
    for (Cidr c : ranges) {
      if (c.family == f) {
        sorted.add(c);
      }
    }
    List<BigInteger[]> merged = new ArrayList<>();
    for (Cidr c : sorted) {
      BigInteger first = c.firstAddress();
      BigInteger last = c.lastAddress();
      BigInteger[] top = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (top != null && first.compareTo(top[1].add(BigInteger.ONE)) <= 0) {
        if (last.compareTo(top[1]) > 0) {
          top[1] = last;
        }
      } else {
        merged.add(new BigInteger[] {first, last});
      }
    }
    return merged;
  }

  // Splits [first, last] into maximal aligned prefix blocks.
  private static List<Cidr> blocks(Family f, BigInteger first, BigInteger last) {
    List<Cidr> out = new ArrayList<>();
    BigInteger cursor = first;
    while (cursor.compareTo(last) <= 0) {
      int size = f.bits();
      // Largest block aligned at cursor...
      int align = cursor.signum() == 0 ? f.bits() : cursor.getLowestSetBit();
      int bits = Math.min(align, f.bits());
      // ...that does not run past last.
      BigInteger remaining = last.subtract(cursor).add(BigInteger.ONE);
      while (bits > 0 && BigInteger.ONE.shiftLeft(bits).compareTo(remaining) > 0) {
        bits--;
      }
      out.add(of(f, cursor, size - bits));
      cursor = cursor.add(BigInteger.ONE.shiftLeft(bits));
    }
    return out;
  }

  private static BigInteger unsigned(long h, long l) {
    byte[] bytes = new byte[17];
    for (int i = 0; i < 8; i++) {
      bytes[1 + i] = (byte) (h >>> (56 - 8 * i));
      bytes[9 + i] = (byte) (l >>> (56 - 8 * i));
    }
    return new BigInteger(bytes);
  }

  /** The first address without the prefix, in canonical text. */
  public String firstAddressText() {
    if (family == Family.IPV4) {
      return (lo >>> 24 & 0xFF) + "." + (lo >>> 16 & 0xFF) + "." + (lo >>> 8 & 0xFF) + "." + (lo & 0xFF);
    }
    int[] words = new int[8];
    for (int i = 0; i < 4; i++) {
      words[i] = (int) (hi >>> (48 - 16 * i)) & 0xFFFF;
      words[i + 4] = (int) (lo >>> (48 - 16 * i)) & 0xFFFF;
    }
    // RFC 5952: compress the longest run of two or more zero groups, the first on a tie.
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (words[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && words[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLength - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(words[i]));
    }
    return sb.toString();
  }

  /** Canonical text: {@code 10.0.0.0/8}, {@code 2001:db8::/32}. */
  @Override
  public String toString() {
    String t = text;
    if (t == null) {
      t = firstAddressText() + "/" + prefix;
      text = t;
    }
    return t;
  }

  @Override
  public int compareTo(Cidr o) {
    int c = family.compareTo(o.family);
    if (c != 0) {
      return c;
    }
    c = Long.compareUnsigned(hi, o.hi);
    if (c != 0) {
      return c;
    }
    c = Long.compareUnsigned(lo, o.lo);
    return c != 0 ? c : Integer.compare(prefix, o.prefix);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr other
        && family == other.family
        && hi == other.hi
        && lo == other.lo
        && prefix == other.prefix;
  }

  @Override
  public int hashCode() {
    return Objects.hash(family, hi, lo, prefix);
  }
}
