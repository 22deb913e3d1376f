package dev.apiserverpolicy.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;

/**
 * One run at a time in an output folder. A run that writes holds an exclusive lock on
 * {@code <out>/.apiserver-policy.lock} for its whole length and removes the file when it is
 * done, so the folder holds nothing of the lock between runs (and {@code git status} stays
 * quiet). {@code --check} holds a shared lock if a run is writing, and waits for it.
 *
 * <p>Removing a lock file others wait on is only safe with a check: a waiter may end up
 * holding the lock on a file that is no longer at that name while a third run creates a new
 * one. So the holder writes a random token into the file it locked, and a run proceeds only
 * when the file at the name holds its own token (or, when checking, the same bytes as the
 * file it locked); otherwise it lets go and tries again. A second run waits a little, then
 * fails with a message that says who holds the folder.
 */
final class OutputLock implements AutoCloseable {
  /** How long a run waits for another to finish before it gives up. */
  static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final byte[] token;

  private OutputLock(Path file, FileChannel channel, FileLock lock, byte[] token) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.token = token;
  }

  /** Locks {@code folder} (which exists) for writing, or throws after {@code wait}. */
  static OutputLock forWriting(Path folder, Duration wait) throws FileAccessException {
    return acquire(folder, false, wait);
  }

  /** Waits for a run writing into {@code folder}, if there is one, and keeps it out until closed. */
  static OutputLock forChecking(Path folder, Duration wait) throws FileAccessException {
    return acquire(folder, true, wait);
  }

  private static OutputLock acquire(Path folder, boolean shared, Duration wait) throws FileAccessException {
    Path file = folder.resolve(OutputDirectory.LOCK_FILE);
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      while (true) {
        FileChannel channel;
        try {
          // No link is followed: a link planted at the lock's name is refused, not opened.
          channel = shared
              ? FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)
              : FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                  LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
          return new OutputLock(file, null, null, null); // checking, and nobody writes
        }
        OutputLock held = tryHold(file, channel, shared);
        if (held != null) {
          return held;
        }
        channel.close();
        if (System.nanoTime() >= deadline) {
          throw new FileAccessException(LoadedInput.display(folder) + " is in use by another apiserver-policy "
              + "run (it holds " + OutputDirectory.LOCK_FILE + "); waited " + wait.toMillis() + " ms",
              "let the other run finish, then run again; two runs into one folder would undo each other's work");
        }
        Thread.sleep(50);
      }
    } catch (IOException e) {
      throw new FileAccessException("cannot lock " + LoadedInput.display(file) + " (" + e.getMessage() + ")",
          "it must be a plain file apiserver-policy can write (remove whatever is there), on a file system with locks");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FileAccessException("interrupted while waiting for " + LoadedInput.display(file), "run again");
    }
  }

  /** The lock, if it is free and the file at the name is the one locked; else null. */
  private static OutputLock tryHold(Path file, FileChannel channel, boolean shared) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock(0, Long.MAX_VALUE, shared);
    } catch (OverlappingFileLockException e) {
      return null; // held by another run in this same process
    }
    if (lock == null) {
      return null;
    }
    byte[] token = null;
    byte[] expected;
    if (shared) {
      expected = contents(channel);
    } else {
      token = new byte[16];
      RANDOM.nextBytes(token);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(token), 0);
      expected = token;
    }
    byte[] atName = contentsAt(file);
    if (atName != null && Arrays.equals(atName, expected)) {
      return new OutputLock(file, channel, lock, token);
    }
    lock.release();
    if (shared && atName == null) {
      // The writer finished and removed the file: nobody writes any more.
      return new OutputLock(file, null, null, null);
    }
    return null;
  }

  private static byte[] contents(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(64);
    channel.read(buffer, 0);
    return Arrays.copyOf(buffer.array(), buffer.position());
  }

  /** The first bytes of the file at {@code file}, or null if there is none (or it is not a plain file). */
  private static byte[] contentsAt(Path file) throws IOException {
    try (SeekableByteChannel at = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      ByteBuffer buffer = ByteBuffer.allocate(64);
      at.read(buffer);
      return Arrays.copyOf(buffer.array(), buffer.position());
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    if (channel == null) {
      return;
    }
    try {
      // Removed while still held, and only if it is still ours, so a waiter always re-checks.
      if (token != null && Arrays.equals(token, contentsAt(file))) {
        Files.deleteIfExists(file);
      }
    } finally {
      lock.release();
      channel.close();
    }
  }
}
