package dev.apiserverpolicy.cli;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Run as a process of its own by {@link OutputLockTest}: prints {@code held} when another
 * process holds a lock on the file given, {@code free} when this one could take it. Only a
 * second process sees what the kernel holds; within one, the JDK's own table answers.
 */
final class LockProbe {
  private LockProbe() {}

  public static void main(String[] args) throws Exception {
    try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.READ, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS)) {
      FileLock lock = channel.tryLock(0, Long.MAX_VALUE, false);
      System.out.print(lock == null ? "held" : "free");
    }
  }
}
