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

  private KubernetesNames() {}

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
