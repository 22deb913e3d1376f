package dev.apiserverpolicy.render;

import java.util.regex.Pattern;

/** Kubernetes name rules (RFC 1123), used wherever a name becomes an object name or a path segment. */
final class KubernetesNames {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  static final String LABEL_RULE = "a lowercase RFC 1123 label must consist of lower case alphanumeric "
      + "characters or '-', start and end with an alphanumeric character, and be at most 63 characters";
  static final String SUBDOMAIN_RULE = "a lowercase RFC 1123 subdomain must consist of lower case "
      + "alphanumeric characters, '-' or '.', start and end with an alphanumeric character, and be at most "
      + "253 characters";

  // apimachinery's qualified-name part: what a label key (after an optional prefix) and a label value are made of.
  private static final Pattern QUALIFIED_PART = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

  static final String LABEL_KEY_RULE = "a label or annotation key is a name of at most 63 characters (letters, "
      + "digits, '-', '_' or '.', starting and ending with a letter or digit), optionally after a DNS subdomain "
      + "prefix and '/', as in 'app' or 'app.kubernetes.io/name'";
  static final String LABEL_VALUE_RULE = "a label value is empty, or at most 63 characters of letters, digits, "
      + "'-', '_' or '.', starting and ending with a letter or digit";

  private KubernetesNames() {}

  /** Kubernetes' rule for label keys ({@code IsQualifiedName}); annotation keys are checked lower-cased. */
  static boolean isLabelKey(String key) {
    int slash = key.indexOf('/');
    String name = slash < 0 ? key : key.substring(slash + 1);
    if (slash >= 0 && (slash == 0 || !isSubdomain(key.substring(0, slash)))) {
      return false;
    }
    return !name.isEmpty() && name.length() <= 63 && QUALIFIED_PART.matcher(name).matches();
  }

  /** Kubernetes' rule for label values ({@code IsValidLabelValue}). */
  static boolean isLabelValue(String value) {
    return value.isEmpty() || value.length() <= 63 && QUALIFIED_PART.matcher(value).matches();
  }

  /** The path of {@code key} under {@code parent}, as the reader records it: {@code a.b}, or {@code a[b.c/d]}. */
  static String fieldPath(String parent, String key) {
    return key.matches("[A-Za-z0-9_-]+") ? parent + "." + key : parent + "[" + key + "]";
  }

  static boolean isLabel(String name) {
    return name.length() <= 63 && LABEL.matcher(name).matches();
  }

  static boolean isSubdomain(String name) {
    return name.length() <= 253 && SUBDOMAIN.matcher(name).matches();
  }

  /** A readable suggestion: lower case, other characters replaced by '-', trimmed. */
  static String suggestLabel(String name) {
    String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-")
        .replaceAll("^-+|-+$", "");
    s = s.length() > 63 ? s.substring(0, 63).replaceAll("-+$", "") : s;
    return s.isEmpty() ? "my-cluster" : s;
  }
}
