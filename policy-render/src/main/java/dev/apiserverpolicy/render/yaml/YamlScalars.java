package dev.apiserverpolicy.render.yaml;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Strings as YAML scalars. A string is written plain only when every YAML reader (1.1 as
 * Kubernetes uses it, and 1.2) must read it back as that same string; otherwise it is
 * double-quoted ({@link JsonString}). Never folded: one scalar, one line.
 */
final class YamlScalars {
  // Plain words YAML 1.1 or 1.2 would read as booleans or null, whatever their case.
  private static final List<String> RESERVED_WORDS = List.of(
      "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~");

  private YamlScalars() {}

  /** The string as a YAML scalar: plain if unambiguous, else double-quoted. */
  static String scalar(String s) {
    if (s.length() < MEMO_MIN_LENGTH) {
      return isPlainSafe(s) ? s : JsonString.quote(s);
    }
    String known = LONG_SCALARS.get(s);
    if (known != null) {
      return known;
    }
    String yaml = isPlainSafe(s) ? s : JsonString.quote(s);
    if (LONG_SCALARS.size() < MEMO_MAX_ENTRIES) {
      LONG_SCALARS.putIfAbsent(s, yaml);
    }
    return yaml;
  }

  // The policies' descriptions are long and the same in every cluster: checking them character by
  // character was a sixth of rendering ten thousand clusters. Long strings keep their YAML form here,
  // up to a bound; the result is the same with or without it.
  private static final int MEMO_MIN_LENGTH = 48;
  private static final int MEMO_MAX_ENTRIES = 1024;
  private static final Map<String, String> LONG_SCALARS = new ConcurrentHashMap<>();

  static boolean isPlainSafe(String s) {
    if (s.isEmpty() || s.length() > 4096) {
      return false;
    }
    char first = s.charAt(0);
    char last = s.charAt(s.length() - 1);
    if (last == ' ') {
      return false;
    }
    if (isDigit(first)) {
      // An IPv4 CIDR is no number, date or time in any YAML version: it has a '/'.
      if (s.indexOf('/') <= 0) {
        return false;
      }
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (!isDigit(c) && c != '.' && c != '/') {
          return false;
        }
      }
      return true;
    }
    // The reserved words are at most five characters long.
    if (!isLetter(first) || s.length() <= 5 && isReservedWord(s)) {
      return false;
    }
    char previous = first;
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      // A space is safe, but not two in a row (a reader could fold them).
      if (c >= PLAIN_SAFE.length || !PLAIN_SAFE[c] || c == ' ' && previous == ' ') {
        return false;
      }
      previous = c;
    }
    return true;
  }

  // The characters a plain scalar may hold after its first letter (one table load per character).
  private static final boolean[] PLAIN_SAFE = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      PLAIN_SAFE[c] = isLetter(c) || isDigit(c) || "._/-,()' ".indexOf(c) >= 0;
    }
  }

  private static boolean isReservedWord(String s) {
    for (String word : RESERVED_WORDS) {
      if (word.length() == s.length() && word.equalsIgnoreCase(s)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLetter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }
}
