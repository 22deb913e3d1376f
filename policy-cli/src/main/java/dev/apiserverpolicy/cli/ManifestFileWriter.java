package dev.apiserverpolicy.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Writes one file; the default writes atomically (temp file in the same folder, then rename). */
interface ManifestFileWriter {
  /** Prefix of temporary files, so an interrupted run's leftovers can be recognised and removed. */
  String TEMP_PREFIX = ".apiserver-policy-";
  /** Suffix of temporary files. */
  String TEMP_SUFFIX = ".tmp";

  void write(Path target, byte[] content) throws IOException;

  /**
   * A new temporary name beside {@code target}. It is random, not derived from the target: a
   * link planted at a predictable name would otherwise be opened, and written through.
   */
  static Path temporaryFor(Path target) {
    byte[] random = new byte[12];
    TemporaryNames.RANDOM.nextBytes(random);
    return target.resolveSibling(TEMP_PREFIX + HexFormat.of().formatHex(random) + TEMP_SUFFIX);
  }

  /**
   * The real writer: the file is either its old or its new content at every moment, whatever
   * happens to the process (the rename is atomic). The temporary file is always created new
   * ({@code O_CREAT|O_EXCL}, which also refuses a link at its name), and the rename replaces
   * whatever is at the target, a link included, so a generated file is never a link. It does
   * not fsync each file: that made writing 120,000 files take minutes; after a power loss,
   * rerun render.
   */
  ManifestFileWriter ATOMIC = (target, content) -> {
    Path temp = null;
    FileChannel channel = null;
    for (int attempt = 0; channel == null; attempt++) {
      temp = temporaryFor(target);
      try {
        channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW,
            LinkOption.NOFOLLOW_LINKS);
      } catch (FileAlreadyExistsException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
    boolean moved = false;
    try {
      try (FileChannel open = channel) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          open.write(buffer);
        }
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } finally {
      // Only a failed write leaves a temp file behind (one syscall less per file otherwise).
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
  };

  /** Holds the random source of temporary names (interfaces cannot have private fields). */
  final class TemporaryNames {
    static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryNames() {}
  }
}
