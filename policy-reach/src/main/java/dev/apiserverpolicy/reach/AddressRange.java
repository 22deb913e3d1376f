package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.model.Cidr;
import java.math.BigInteger;

/**
 * An inclusive range of addresses of one family, such as a cell of the partition that
 * ipBlocks make of the address space.
 *
 * @param family address family
 * @param first first address
 * @param last last address
 *
 * @since 0.1.0
 */
public record AddressRange(Cidr.Family family, BigInteger first, BigInteger last) {
  /** The first address, as a host range: every address of a cell is treated alike. */
  public Cidr representative() {
    return Cidr.of(family, first, family.bits());
  }

  /** {@code 10.0.0.0-10.255.255.255}. */
  @Override
  public String toString() {
    return text(first) + "-" + text(last);
  }

  private String text(BigInteger address) {
    return Cidr.of(family, address, family.bits()).firstAddressText();
  }
}
