package dev.apiserverpolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder's lock, as the kernel sees it from another process. */
class OutputLockTest {
  @TempDir
  Path tmp;

  /** What a second process finds when it tries to take the lock on {@code file}. */
  static String probe(Path file) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), LockProbe.class.getName(), file.toString())
        .redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe finished");
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
  }

  @Test
  void anotherProcessFindsTheLockHeldForTheWholeRun() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("manifests")).toRealPath();
    Path file = folder.resolve(OutputDirectory.LOCK_FILE);
    try (OutputLock held = OutputLock.forWriting(folder, Duration.ZERO)) {
      assertEquals("held", probe(file), "taken, and still held after the lock checked the file at its name");
      // A second run in this process waits without opening the file (closing it would let go).
      assertThrows(FileAccessException.class, () -> OutputLock.forChecking(folder, Duration.ofMillis(100)));
      assertThrows(FileAccessException.class, () -> OutputLock.forWriting(folder, Duration.ofMillis(100)));
      assertEquals("held", probe(file), "still held after two runs of this process tried and gave up");
    }
    assertFalse(Files.exists(file), "removed when the run ends");
    try (OutputLock again = OutputLock.forWriting(folder, Duration.ZERO)) {
      assertEquals("held", probe(file), "and it can be taken again");
    }
  }

  @Test
  void aCheckHoldsItsSharedLockToo() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("manifests")).toRealPath();
    Path file = folder.resolve(OutputDirectory.LOCK_FILE);
    Files.writeString(file, "a writer that crashed");
    try (OutputLock checking = OutputLock.forChecking(folder, Duration.ZERO)) {
      assertEquals("held", probe(file), "a writer is kept out while a check compares");
    }
  }

  @Test
  void aPipeOrALinkAtTheLockIsAnErrorAtOnce() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("manifests")).toRealPath();
    Path file = folder.resolve(OutputDirectory.LOCK_FILE);
    HostileInputTest.mkfifo(file);
    assertRefusedAtOnce(folder, "not a plain file (a named pipe, a socket or a device)");
    Files.delete(file);
    Files.createSymbolicLink(file, tmp.resolve("elsewhere"));
    assertRefusedAtOnce(folder, "a link");
    assertFalse(Files.exists(tmp.resolve("elsewhere")), "nothing created through the link");
    Files.delete(file);
    Files.createDirectory(file);
    assertRefusedAtOnce(folder, "a folder");
  }

  private static void assertRefusedAtOnce(Path folder, String what) {
    for (boolean check : List.of(true, false)) {
      FileAccessException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(
          FileAccessException.class, () -> (check ? OutputLock.forChecking(folder, Duration.ofSeconds(1))
              : OutputLock.forWriting(folder, Duration.ofSeconds(1))).close()));
      assertTrue(e.getMessage().contains(OutputDirectory.LOCK_FILE + " is " + what), e::getMessage);
    }
  }

  /** The whole command: render --check opened a pipe at the lock's name and waited for a writer forever. */
  @Test
  void renderCheckOnAPipeAtTheLockEndsWithinItsWait() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("manifests"));
    HostileInputTest.mkfifo(out.resolve(OutputDirectory.LOCK_FILE));
    Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> Cli.run("render", Cli.quickstart().toString(), "--out", out.toString(), "--check"));
    assertEquals(3, r.exit(), r::toString);
    assertTrue(r.err().contains("is not a plain file"), r::toString);
  }
}
