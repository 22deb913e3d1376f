package dev.apiserverpolicy.model;

import java.math.BigInteger;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Generators of CIDRs and of the many valid spellings of one. */
public final class CidrGenerators {
  private CidrGenerators() {}

  /** Any address of the family as an unsigned number. */
  public static Gen<BigInteger> addresses(Cidr.Family family) {
    if (family == Cidr.Family.IPV4) {
      return Generate.longRange(0, 0xFFFFFFFFL).map(BigInteger::valueOf);
    }
    Gen<Long> word = Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE);
    return word.zip(word, (hi, lo) -> unsigned(hi).shiftLeft(64).or(unsigned(lo)));
  }

  private static BigInteger unsigned(long v) {
    return BigInteger.valueOf(v).and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
  }

  /** A single address (host range) of the family. */
  public static Gen<Cidr> hosts(Cidr.Family family) {
    return addresses(family).map(a -> Cidr.of(family, a, family.bits()));
  }

  /** Any canonical range of the family. */
  public static Gen<Cidr> cidrs(Cidr.Family family) {
    return hosts(family).zip(Generate.range(0, family.bits()), Cidr::truncate);
  }

  /** Any canonical range of either family. */
  public static Gen<Cidr> cidrs() {
    return Generate.enumValues(Cidr.Family.class).flatMap(CidrGenerators::cidrs);
  }

  /** Ranges inside {@code within}, so that overlaps and adjacency are common. */
  public static Gen<Cidr> cidrsWithin(Cidr within) {
    int freeBits = within.family().bits() - within.prefixLength();
    Gen<Long> offset = Generate.longRange(0, (1L << Math.min(freeBits, 62)) - 1);
    return offset.zip(Generate.range(within.prefixLength(), within.family().bits()), (off, prefix) ->
        Cidr.of(within.family(), within.firstAddress().add(BigInteger.valueOf(off)), within.family().bits())
            .truncate(prefix));
  }

  /**
   * Valid spellings of {@code c}: IPv6 with random leading zeros, upper case and any zero
   * run (or none) compressed with {@code ::}. IPv4 has only its canonical spelling.
   */
  public static Gen<String> spellings(Cidr c) {
    if (c.family() == Cidr.Family.IPV4) {
      return Generate.constant(c.toString());
    }
    int[] words = new int[8];
    BigInteger a = c.firstAddress();
    for (int i = 0; i < 8; i++) {
      words[i] = a.shiftRight(112 - 16 * i).intValue() & 0xFFFF;
    }
    Gen<Integer> eightBits = Generate.range(0, 255);
    return eightBits.zip(eightBits, Generate.range(0, 8), Generate.booleans(), (pad, upper, start, compress) -> {
      StringBuilder sb = new StringBuilder();
      // Compress the run of zero words that begins at the first zero at or after 'start'.
      int runStart = -1;
      int runEnd = -1;
      if (compress) {
        for (int i = start; i < 8; i++) {
          if (words[i] == 0) {
            runStart = i;
            runEnd = i;
            while (runEnd + 1 < 8 && words[runEnd + 1] == 0) {
              runEnd++;
            }
            break;
          }
        }
      }
      for (int i = 0; i < 8; i++) {
        if (i == runStart) {
          sb.append("::");
          i = runEnd;
          continue;
        }
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
          sb.append(':');
        }
        String hex = Integer.toHexString(words[i]);
        if ((pad >> i & 1) == 1) {
          hex = "0000".substring(hex.length()) + hex;
        }
        sb.append((upper >> i & 1) == 1 ? hex.toUpperCase(java.util.Locale.ROOT) : hex);
      }
      return sb + "/" + c.prefixLength();
    });
  }
}
