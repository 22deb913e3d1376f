package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.model.Cidr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of addresses as a reader takes it in: its ranges, or, when that is shorter, per family
 * the smallest range that holds them all and the holes in it ({@code 0.0.0.0/0 except
 * [10.0.0.0/8, 192.0.2.0/24]}). Either way exact: no address is added or left out.
 */
final class AddressText {
  private static final int PLAIN = 4;

  private AddressText() {}

  /** One entry per range, or per family where its holes are fewer than its ranges. */
  static List<String> of(List<Cidr> addresses) {
    List<Cidr> merged = Cidr.merge(addresses);
    if (merged.size() <= PLAIN) {
      return merged.stream().map(Cidr::toString).toList();
    }
    List<String> out = new ArrayList<>();
    for (Cidr.Family family : Cidr.Family.values()) {
      List<Cidr> ranges = merged.stream().filter(c -> c.family() == family).toList();
      if (ranges.isEmpty()) {
        continue;
      }
      Cidr enclosing = enclosing(family, ranges.get(0).firstAddress(), ranges.get(ranges.size() - 1).lastAddress());
      List<Cidr> holes = Cidr.subtract(List.of(enclosing), ranges);
      if (holes.size() + 1 < ranges.size()) {
        out.add(enclosing + " except [" + String.join(", ", holes.stream().map(Cidr::toString).toList()) + "]");
      } else {
        ranges.forEach(c -> out.add(c.toString()));
      }
    }
    return out;
  }

  /** One line. */
  static String line(List<Cidr> addresses) {
    return String.join(", ", of(addresses));
  }

  private static Cidr enclosing(Cidr.Family family, BigInteger first, BigInteger last) {
    int prefix = family.bits() - first.xor(last).bitLength();
    return Cidr.of(family, first, family.bits()).truncate(prefix);
  }
}
