package dev.apiserverpolicy.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a folder as a POSIX (ustar) tar, gzip-compressed, the same bytes on every machine:
 * entries sorted by path, every time the given one, owner and group 0 with no names, modes
 * 0755 (folders and executables) or 0644; the gzip header has no time and no file name. Links
 * are refused (the jlink image has none), so nothing outside the folder can be archived.
 */
final class ReproducibleTarGz {
  private static final int BLOCK = 512;

  private ReproducibleTarGz() {}

  /** Writes every file below {@code root}/{@code top} under the name {@code top/...}. */
  static void write(Path root, String top, long epoch, OutputStream target) throws IOException {
    List<Path> entries = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root.resolve(top))) {
      walk.forEach(entries::add);
    }
    entries.sort((a, b) -> name(root, a).compareTo(name(root, b)));
    GZIPOutputStream gzip = new GZIPOutputStream(target, 1 << 16) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    };
    for (Path p : entries) {
      if (Files.isSymbolicLink(p)) {
        throw new IOException(p + " is a link; the archive holds files and folders only");
      }
      boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
      String name = name(root, p) + (dir ? "/" : "");
      long size = dir ? 0 : Files.size(p);
      int mode = dir || Files.isExecutable(p) ? 0755 : 0644;
      gzip.write(header(name, size, mode, epoch, dir));
      if (!dir) {
        try (InputStream in = Files.newInputStream(p)) {
          long copied = in.transferTo(gzip);
          if (copied != size) {
            throw new IOException(p + " changed while it was archived");
          }
        }
        int pad = (int) ((BLOCK - size % BLOCK) % BLOCK);
        gzip.write(new byte[pad]);
      }
    }
    gzip.write(new byte[2 * BLOCK]);
    gzip.finish();
    gzip.flush();
  }

  private static String name(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  private static byte[] header(String name, long size, int mode, long epoch, boolean dir) throws IOException {
    byte[] h = new byte[BLOCK];
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    String prefix = "";
    String rest = name;
    if (bytes.length > 100) {
      // ustar: a long name is split at a '/' into prefix (155 bytes) and name (100 bytes).
      int cut = name.lastIndexOf('/', name.length() - (dir ? 2 : 1));
      while (cut > 0 && (name.substring(cut + 1).getBytes(StandardCharsets.UTF_8).length > 100
          || name.substring(0, cut).getBytes(StandardCharsets.UTF_8).length > 155)) {
        cut = name.lastIndexOf('/', cut - 1);
      }
      if (cut <= 0) {
        throw new IOException(name + " is too long for a ustar entry");
      }
      prefix = name.substring(0, cut);
      rest = name.substring(cut + 1);
    }
    put(h, 0, 100, rest.getBytes(StandardCharsets.UTF_8));
    putOctal(h, 100, 8, mode);
    putOctal(h, 108, 8, 0);
    putOctal(h, 116, 8, 0);
    putOctal(h, 124, 12, size);
    putOctal(h, 136, 12, epoch);
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    h[156] = (byte) (dir ? '5' : '0');
    put(h, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
    put(h, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
    putOctal(h, 329, 8, 0);
    putOctal(h, 337, 8, 0);
    put(h, 345, 155, prefix.getBytes(StandardCharsets.UTF_8));
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xFF;
    }
    putOctal(h, 148, 7, sum);
    h[155] = ' ';
    return h;
  }

  private static void put(byte[] h, int at, int length, byte[] value) {
    System.arraycopy(value, 0, h, at, Math.min(length, value.length));
  }

  private static void putOctal(byte[] h, int at, int length, long value) {
    String text = Long.toOctalString(value);
    String padded = "0".repeat(Math.max(0, length - 1 - text.length())) + text;
    put(h, at, length - 1, padded.getBytes(StandardCharsets.US_ASCII));
  }
}
