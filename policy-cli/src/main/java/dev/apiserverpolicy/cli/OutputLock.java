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
import java.nio.file.attribute.BasicFileAttributes;
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
 *
 * <p>The lock is the kernel's (POSIX record locks), and a process loses it when it closes any
 * descriptor of the file: so the file at the name is opened once, kept open while the lock is
 * held, and closed after it is let go; and a second run in the same process waits without
 * opening the file at all. A link, folder or named pipe at the name is an error at once.
 */
final class OutputLock implements AutoCloseable {
  /** How long a run waits for another to finish before it gives up. */
  static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

  private static final SecureRandom RANDOM = new SecureRandom();

  // Lock files this process holds. Another run in the same process waits without opening the
  // file at all: closing its descriptor would drop the holder's lock for every other process.
  private static final java.util.Set<Path> HELD_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final byte[] token;
  // The file at the name, opened once when the lock was taken and closed only after it is let
  // go: on POSIX, closing any descriptor of a file drops every lock this process holds on it.
  private final SeekableByteChannel atName;
  private final Object keyAtName;

  private OutputLock(Path file, FileChannel channel, FileLock lock, byte[] token, SeekableByteChannel atName,
      Object keyAtName) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.token = token;
    this.atName = atName;
    this.keyAtName = keyAtName;
  }

  private static OutputLock nobodyWrites(Path file) {
    return new OutputLock(file, null, null, null, null, null);
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
        refuseAnythingButAPlainFile(file);
        OutputLock held = HELD_HERE.add(file) ? tryOpenAndHold(file, shared) : null;
        if (held != null) {
          return held;
        }
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

  /** One try, with {@code file} marked as held here; the mark stays only while the lock is held. */
  private static OutputLock tryOpenAndHold(Path file, boolean shared) throws IOException {
    boolean kept = false;
    try {
      FileChannel channel;
      try {
        // No link is followed: a link planted at the lock's name is refused, not opened.
        channel = shared
            ? FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)
            : FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        return nobodyWrites(file); // checking, and nobody writes
      }
      OutputLock held;
      try {
        held = tryHold(file, channel, shared);
      } catch (IOException | RuntimeException e) {
        channel.close(); // lets go of a lock taken before the failure
        throw e;
      }
      kept = held != null && held.channel != null;
      return held;
    } finally {
      if (!kept) {
        HELD_HERE.remove(file);
      }
    }
  }

  /**
   * A link, a folder or a named pipe at the lock's name is an error at once: opening a pipe
   * would wait for a writer forever, and a link is never followed.
   */
  private static void refuseAnythingButAPlainFile(Path file) throws FileAccessException, IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return;
    }
    if (!attributes.isRegularFile()) {
      String what = attributes.isSymbolicLink() ? "a link" : attributes.isDirectory() ? "a folder"
          : "not a plain file (a named pipe, a socket or a device)";
      throw new FileAccessException(LoadedInput.display(file) + " is " + what + "; apiserver-policy locks the "
          + "output folder with a plain file of that name", "remove " + LoadedInput.display(file.getFileName())
          + " (apiserver-policy creates it while it runs and removes it after)");
    }
  }

  /**
   * The lock, if it is free and the file at the name is the one locked; else null, with
   * {@code channel} closed.
   */
  private static OutputLock tryHold(Path file, FileChannel channel, boolean shared) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock(0, Long.MAX_VALUE, shared);
    } catch (OverlappingFileLockException e) {
      lock = null; // held by another run in this same process
    }
    if (lock == null) {
      channel.close();
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
    SeekableByteChannel atName = openAtName(file);
    if (atName != null && Arrays.equals(contents(atName), expected)) {
      Object key = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
      return new OutputLock(file, channel, lock, token, atName, key);
    }
    // Let go before closing anything: the lock is not ours to keep.
    lock.release();
    channel.close();
    if (atName != null) {
      atName.close();
    }
    // Checking, and the writer finished and removed the file: nobody writes any more.
    return shared && atName == null ? nobodyWrites(file) : null;
  }

  private static byte[] contents(SeekableByteChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(64);
    channel.position(0);
    while (buffer.hasRemaining() && channel.read(buffer) > 0) {
      // a read may return fewer bytes than asked
    }
    return Arrays.copyOf(buffer.array(), buffer.position());
  }

  /** The file at {@code file}, opened for reading, or null if there is none. */
  private static SeekableByteChannel openAtName(Path file) throws IOException {
    try {
      return Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
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
      // Removed while still held, and only if the name still holds the file locked with our
      // token, so a waiter always re-checks.
      if (token != null && Arrays.equals(token, contents(atName)) && keyAtName != null
          && keyAtName.equals(currentKey())) {
        Files.deleteIfExists(file);
      }
    } finally {
      try {
        lock.release();
        channel.close();
      } finally {
        try {
          atName.close();
        } finally {
          HELD_HERE.remove(file);
        }
      }
    }
  }

  private Object currentKey() throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
