package dev.apiserverpolicy.model;

import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * A NetworkPolicy {@code ipBlock}: a range minus some sub-ranges.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractIpBlock {
  /** The range. */
  public abstract Cidr cidr();

  /** Sub-ranges of {@link #cidr()} that are not included. */
  public abstract List<Cidr> except();

  /** Kubernetes' rule for an ipBlock at {@code at}: every {@code except} a strict sub-range of the cidr. */
  public static List<FieldError> validate(Cidr cidr, List<Cidr> except, FieldPath at) {
    List<FieldError> out = new ArrayList<>();
    for (int i = 0; i < except.size(); i++) {
      Cidr e = except.get(i);
      if (!cidr.contains(e) || e.equals(cidr)) {
        out.add(new FieldError(at.child("except").index(i), DiagnosticCode.FIELD_VALUE,
            "except " + e + " is not a strict sub-range of " + cidr,
            "list only ranges inside the cidr, smaller than it"));
      }
    }
    return out;
  }

  // Input is checked by validate() before it is built; a value built in code is checked here.
  @Value.Check
  void check() {
    FieldError.throwFirst(validate(cidr(), except(), FieldPath.root()));
  }
}
