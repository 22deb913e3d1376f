package dev.apiserverpolicy.model;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One {@code matchExpressions} entry of a label selector.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractLabelSelectorRequirement {
  /** Selector operators of {@code metav1.LabelSelectorRequirement}. */
  public enum Operator {
    /** The label's value is one of {@code values}. */
    IN("In"),
    /** The label is absent or its value is none of {@code values}. */
    NOT_IN("NotIn"),
    /** The label is present. */
    EXISTS("Exists"),
    /** The label is absent. */
    DOES_NOT_EXIST("DoesNotExist");

    private final String kubernetesName;

    Operator(String kubernetesName) {
      this.kubernetesName = kubernetesName;
    }

    /** As written in Kubernetes objects. */
    public String kubernetesName() {
      return kubernetesName;
    }

    /** The operator spelled {@code name}. */
    public static Optional<Operator> fromName(String name) {
      for (Operator o : values()) {
        if (o.kubernetesName.equals(name)) {
          return Optional.of(o);
        }
      }
      return Optional.empty();
    }
  }

  /** The label key. */
  public abstract String key();

  /** The operator. */
  public abstract Operator operator();

  /** Values; non-empty for In and NotIn, empty for Exists and DoesNotExist. */
  public abstract List<String> values();

  /** Kubernetes' rule for a requirement at {@code at}: In and NotIn need values, the others take none. */
  public static List<FieldError> validate(Operator operator, List<String> values, FieldPath at) {
    boolean needsValues = operator == Operator.IN || operator == Operator.NOT_IN;
    if (needsValues != values.isEmpty()) {
      return List.of();
    }
    return List.of(new FieldError(at.child("values"), DiagnosticCode.FIELD_VALUE,
        operator.kubernetesName() + (needsValues ? " needs at least one value" : " takes no values"),
        needsValues ? "list the values" : "remove values"));
  }

  // Input is checked by validate() before it is built; a value built in code is checked here.
  @Value.Check
  void check() {
    FieldError.throwFirst(validate(operator(), values(), FieldPath.root()));
  }
}
