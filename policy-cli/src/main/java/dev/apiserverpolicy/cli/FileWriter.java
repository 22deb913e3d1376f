package dev.apiserverpolicy.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes one file; the default writes atomically (temp file in the same folder, then rename). */
interface FileWriter {
  /** Prefix of temporary files, so an interrupted run's leftovers can be recognised and removed. */
  String TEMP_PREFIX = ".apiserver-policy-";
  /** Suffix of temporary files. */
  String TEMP_SUFFIX = ".tmp";

  void write(Path target, byte[] content) throws IOException;

  /**
   * The real writer: the file is either its old or its new content at every moment, whatever
   * happens to the process (the rename is atomic). It does not fsync each file: that made
   * writing 120,000 files take minutes; after a power loss, rerun render.
   */
  FileWriter ATOMIC = (target, content) -> {
    // One temp name per target: concurrent writes of different files never share one, and a
    // leftover from an interrupted run is simply overwritten (or removed by the next run).
    Path temp = target.resolveSibling(TEMP_PREFIX + target.getFileName() + TEMP_SUFFIX);
    boolean moved = false;
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
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
}
