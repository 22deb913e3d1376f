package dev.apiserverpolicy.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * How many policies a generated file holds: each of its documents that is one starts with its
 * {@code apiVersion}, then its {@code kind} on a line of its own. A file on disk is counted as
 * it streams past, so its size costs time, never memory.
 */
final class PolicyCount {
  private static final List<byte[]> KIND_LINES = List.of(
      "\nkind: NetworkPolicy\n".getBytes(StandardCharsets.UTF_8),
      "\nkind: CiliumNetworkPolicy\n".getBytes(StandardCharsets.UTF_8));
  private static final int LONGEST = KIND_LINES.stream().mapToInt(k -> k.length).max().orElseThrow();

  private PolicyCount() {}

  static int in(byte[] content) {
    return count(content, content.length, content.length);
  }

  static int inFile(Path file) throws IOException {
    byte[] window = new byte[64 * 1024 + LONGEST];
    int kept = 0;
    int total = 0;
    try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      for (int n = in.read(window, kept, window.length - kept); n >= 0;
          n = in.read(window, kept, window.length - kept)) {
        int filled = kept + n;
        // Matches that start in the last LONGEST - 1 bytes are left for the next window.
        int scanUpTo = Math.max(0, filled - (LONGEST - 1));
        total += count(window, filled, scanUpTo);
        kept = filled - scanUpTo;
        System.arraycopy(window, scanUpTo, window, 0, kept);
      }
    }
    return total + count(window, kept, kept);
  }

  /** Matches in {@code bytes[0, filled)} that start before {@code startsBefore}. */
  private static int count(byte[] bytes, int filled, int startsBefore) {
    int count = 0;
    for (int at = 0; at < startsBefore; at++) {
      for (byte[] kind : KIND_LINES) {
        if (at + kind.length <= filled && java.util.Arrays.equals(bytes, at, at + kind.length, kind, 0, kind.length)) {
          count++;
        }
      }
    }
    return count;
  }
}
