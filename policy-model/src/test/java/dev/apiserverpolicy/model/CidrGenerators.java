package dev.apiserverpolicy.model;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

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
   * IPv6 host or short-prefix ranges whose words are each zero half the time, so that {@code ::} can stand at
   * any position with any number of groups on either side; the other words are small or random, distinct
   * enough that groups read in the wrong order give another address.
   */
  public static Gen<Cidr> ipv6WithZeroRuns() {
    Gen<Integer> word = Generate.pick(List.of(0, 0, 0, 1, 0x10, 0x20, 0xfd00, 0xffff))
        .zip(Generate.range(1, 0xFFFF), Generate.booleans(), (fixed, any, useAny) -> useAny ? any : fixed);
    Gen<List<Integer>> words = SourceDSL.lists().of(word).ofSize(8);
    return words.zip(Generate.range(0, 16), (w, cut) -> {
      BigInteger a = BigInteger.ZERO;
      for (int v : w) {
        a = a.shiftLeft(16).or(BigInteger.valueOf(v));
      }
      // Mostly single addresses; sometimes a prefix, which keeps the words above it.
      int prefix = cut < 12 ? 128 : 16 * (cut - 8);
      return Cidr.of(Cidr.Family.IPV6, a, 128).truncate(prefix);
    });
  }

  /**
   * A range inside {@code universe} that touches {@code base}: 0 its first address, 1 its last, 2 the
   * address before it, 3 the one after it, 4 the range itself, 5 its first half.
   */
  public static Optional<Cidr> touching(Cidr base, int kind, Cidr universe) {
    int bits = base.family().bits();
    Cidr touching = switch (kind) {
      case 0 -> Cidr.of(base.family(), base.firstAddress(), bits);
      case 1 -> Cidr.of(base.family(), base.lastAddress(), bits);
      case 2 -> base.firstAddress().signum() == 0 ? null
          : Cidr.of(base.family(), base.firstAddress().subtract(BigInteger.ONE), bits);
      case 3 -> base.lastAddress().bitLength() == bits && base.lastAddress().bitCount() == bits ? null
          : Cidr.of(base.family(), base.lastAddress().add(BigInteger.ONE), bits);
      case 4 -> base;
      default -> base.prefixLength() == bits ? base
          : Cidr.of(base.family(), base.firstAddress(), base.prefixLength() + 1);
    };
    return Optional.ofNullable(touching).filter(universe::contains);
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
