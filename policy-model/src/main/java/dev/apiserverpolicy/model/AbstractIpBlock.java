package dev.apiserverpolicy.model;

import java.util.List;
import org.immutables.value.Value;

/** A NetworkPolicy {@code ipBlock}: a range minus some sub-ranges. */
@Value.Immutable
abstract class AbstractIpBlock {
  /** The range. */
  public abstract Cidr cidr();

  /** Sub-ranges of {@link #cidr()} that are not included. */
  public abstract List<Cidr> except();

  @Value.Check
  void check() {
    for (Cidr e : except()) {
      if (!cidr().contains(e) || e.equals(cidr())) {
        throw new IllegalArgumentException(
            "except " + e + " must be a strict sub-range of " + cidr());
      }
    }
  }
}
