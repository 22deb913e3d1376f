package dev.apiserverpolicy.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Kubernetes' rules for names, namespaces, labels, selectors and annotation keys
 * (apimachinery's {@code validation} package), stated once: the reader, the validators and the
 * builders' checks all ask here. The {@code validate} functions return what is wrong where,
 * as {@link FieldError}s under the path they are given.
 *
 * @since 0.1.0
 */
public final class KubernetesNames {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  // apimachinery's qualified-name part: what a label key (after an optional prefix) and a label value are made of.
  private static final Pattern QUALIFIED_PART = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

  /** What a DNS-1123 label is, as Kubernetes words it. */
  public static final String LABEL_RULE = "a lowercase RFC 1123 label must consist of lower case alphanumeric "
      + "characters or '-', start and end with an alphanumeric character, and be at most 63 characters";
  /** What a DNS-1123 subdomain is, as Kubernetes words it. */
  public static final String SUBDOMAIN_RULE = "a lowercase RFC 1123 subdomain must consist of lower case "
      + "alphanumeric characters, '-' or '.', start and end with an alphanumeric character, and be at most "
      + "253 characters";
  /** What a label or annotation key is. */
  public static final String LABEL_KEY_RULE = "a label or annotation key is a name of at most 63 characters "
      + "(letters, digits, '-', '_' or '.', starting and ending with a letter or digit), optionally after a DNS "
      + "subdomain prefix and '/', as in 'app' or 'app.kubernetes.io/name'";
  /** What a label value is. */
  public static final String LABEL_VALUE_RULE = "a label value is empty, or at most 63 characters of letters, "
      + "digits, '-', '_' or '.', starting and ending with a letter or digit";

  private KubernetesNames() {}

  /** A DNS-1123 label ({@code IsDNS1123Label}): namespaces, cluster names. */
  public static boolean isLabel(String name) {
    return name.length() <= 63 && LABEL.matcher(name).matches();
  }

  /** A DNS-1123 subdomain ({@code IsDNS1123Subdomain}): most object names. */
  public static boolean isSubdomain(String name) {
    return name.length() <= 253 && SUBDOMAIN.matcher(name).matches();
  }

  /** A label key ({@code IsQualifiedName}); annotation keys are checked lower-cased. */
  public static boolean isLabelKey(String key) {
    int slash = key.indexOf('/');
    String name = slash < 0 ? key : key.substring(slash + 1);
    if (slash >= 0 && (slash == 0 || !isSubdomain(key.substring(0, slash)))) {
      return false;
    }
    return !name.isEmpty() && name.length() <= 63 && QUALIFIED_PART.matcher(name).matches();
  }

  /** A label value ({@code IsValidLabelValue}). */
  public static boolean isLabelValue(String value) {
    return value.isEmpty() || value.length() <= 63 && QUALIFIED_PART.matcher(value).matches();
  }

  /** A readable suggestion for a label: lower case, other characters replaced by '-', trimmed. */
  public static String suggestLabel(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("^-+|-+$", "");
    s = s.length() > 63 ? s.substring(0, 63).replaceAll("-+$", "") : s;
    return s.isEmpty() ? "my-cluster" : s;
  }

  /** A namespace's name. */
  public static List<FieldError> validateNamespace(String name, FieldPath at) {
    return isLabel(name) ? List.of() : List.of(new FieldError(at, DiagnosticCode.FIELD_VALUE,
        "namespace '" + name + "' is not valid: " + LABEL_RULE,
        "write the namespace's real name, e.g. '" + suggestLabel(name) + "'"));
  }

  /** Labels a policy selects pods by: every key and value. */
  public static List<FieldError> validateLabels(Map<String, String> labels, FieldPath at) {
    List<FieldError> out = new ArrayList<>();
    for (Map.Entry<String, String> e : labels.entrySet()) {
      FieldPath field = at.child(e.getKey());
      if (!isLabelKey(e.getKey())) {
        out.add(new FieldError(field, DiagnosticCode.FIELD_VALUE,
            "label key '" + e.getKey() + "' is not valid: " + LABEL_KEY_RULE,
            "use the label key exactly as the pods carry it"));
      } else if (!isLabelValue(e.getValue())) {
        out.add(new FieldError(field, DiagnosticCode.FIELD_VALUE,
            "label value '" + e.getValue() + "' of " + e.getKey() + " is not valid: " + LABEL_VALUE_RULE,
            "use the label value exactly as the pods carry it"));
      }
    }
    return out;
  }

  /** A label selector's keys and values (its operators are checked when it is built). */
  public static List<FieldError> validateLabelSelector(LabelSelector selector, FieldPath at) {
    List<FieldError> out = new ArrayList<>(validateLabels(selector.matchLabels(), at.child("matchLabels")));
    for (int k = 0; k < selector.matchExpressions().size(); k++) {
      LabelSelectorRequirement r = selector.matchExpressions().get(k);
      FieldPath item = at.child("matchExpressions").index(k);
      if (!isLabelKey(r.key())) {
        out.add(new FieldError(item.child("key"), DiagnosticCode.FIELD_VALUE,
            "label key '" + r.key() + "' is not valid: " + LABEL_KEY_RULE,
            "use the label key exactly as the pods carry it"));
      }
      for (int v = 0; v < r.values().size(); v++) {
        String value = r.values().get(v);
        if (!isLabelValue(value)) {
          out.add(new FieldError(item.child("values").index(v), DiagnosticCode.FIELD_VALUE,
              "label value '" + value + "' is not valid: " + LABEL_VALUE_RULE,
              "use the label value exactly as the pods carry it"));
        }
      }
    }
    return out;
  }

  /** Annotation keys (Kubernetes checks them lower-cased). */
  public static List<FieldError> validateAnnotationKeys(Iterable<String> keys, FieldPath at, String onto) {
    List<FieldError> out = new ArrayList<>();
    for (String key : keys) {
      if (!isLabelKey(key.toLowerCase(Locale.ROOT))) {
        out.add(new FieldError(at.child(key), DiagnosticCode.FIELD_VALUE,
            "annotation key '" + key + "' is not valid: " + LABEL_KEY_RULE,
            "fix the key; Kubernetes would refuse " + onto + " with it"));
      }
    }
    return out;
  }
}
