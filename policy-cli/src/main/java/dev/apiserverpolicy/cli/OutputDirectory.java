package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.render.yaml.YamlManifestWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code --out} folder. A file belongs to apiserver-policy when its first line is the
 * generated header; only such files are overwritten or pruned. Files without it are never
 * touched, links inside the folder are never followed, and writes are atomic.
 */
final class OutputDirectory {
  /** The lock file every run holds while it works in the folder (see {@link OutputLock}). */
  static final String LOCK_FILE = ".apiserver-policy.lock";

  private final Path root;
  // The header of files generated from this run's input: only those are ever deleted.
  private final byte[] ownHeader;
  // What the walk saw, so planning asks the file system about each folder once, not each file.
  private final java.util.Set<String> existingFolders = new java.util.HashSet<>();
  private final Map<String, String> linkChecks = new java.util.HashMap<>();

  private final InputLabel input;

  OutputDirectory(Path root, InputLabel input) {
    this.root = root;
    this.input = input;
    this.ownHeader = YamlManifestWriter.header(input.label()).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Whether a file that starts with {@code start} was generated from this input: under today's
   * header, or under one an earlier version wrote for the same inputs spelled another way (the
   * file is then rewritten, or pruned, like any of ours).
   */
  private boolean ours(byte[] start) {
    if (startsWith(start, ownHeader)) {
      return true;
    }
    int end = 0;
    while (end < start.length && start[end] != '\n') {
      end++;
    }
    // A line cut off by the read is no header at all.
    return end < start.length && YamlManifestWriter.inputNamedBy(new String(start, 0, end, StandardCharsets.UTF_8))
        .filter(input::isFormerLabel).isPresent();
  }

  /**
   * What a sync did (or, checking, would do); every list sorted by path. {@code kept}: files
   * this input generated before and no longer generates, not deleted because {@link Prune}
   * did not allow it; {@code otherInputs}: files generated from another input, never deleted;
   * {@code levelsLeftAlone}: the seed or top kustomizations not written because the file there is
   * not this input's (with why).
   */
  record Changes(List<String> create, List<String> update, List<String> delete, List<String> unchanged,
      List<String> conflicts, List<String> foreign, List<String> kept, List<String> otherInputs, Prune prune,
      Map<String, Integer> policiesDropped, List<String> levelsLeftAlone) {
    boolean drift() {
      return !create.isEmpty() || !update.isEmpty() || !delete.isEmpty() || !conflicts.isEmpty();
    }
  }

  /** Whether files this input generated before and no longer generates may be deleted, and if not, why. */
  record Prune(boolean allowed, String reason) {
    static final Prune ALLOWED = new Prune(true, "");
    static final Prune AFTER_ERRORS = new Prune(false, "the run has errors (above); files are deleted only by a "
        + "run without errors");
  }

  /**
   * No file this tool writes comes near this size (an object over 1 MiB of YAML is refused, and
   * a cluster has a few dozen): a larger one at a planned name is replaced without being read.
   */
  static final long MAX_GENERATED_FILE = 64L << 20;

  // Enough of a file's start for its header line, and for a first line quoted in a message.
  private static final int HEADER_READ = 4096;

  /** Most file contents held at once while they wait to be compared or written. */
  static final int MAX_IN_FLIGHT = 2048;

  /**
   * Starts a sync: walks the folder once, then takes the planned files one by one with
   * {@link Sync#add}.
   */
  Sync sync(boolean write, ManifestFileWriter writer) throws IOException {
    return sync(write, writer, null);
  }

  /** Like {@link #sync(boolean, ManifestFileWriter)}; each file that would change goes to {@code diffs} too. */
  Sync sync(boolean write, ManifestFileWriter writer, CheckDiffs diffs) throws IOException {
    existingFolders.clear();
    linkChecks.clear();
    return new Sync(write, writer, existingFiles(), diffs);
  }

  /** The files above the clusters' (kustomizations of a seed, of the whole folder), from the files there will be. */
  interface LevelFiles {
    /** Relative path to content, for the relative paths of every file there will be. */
    Map<String, String> of(java.util.Set<String> files);

    /** Whether {@code relative} is where a level file goes. */
    boolean holds(String relative);
  }

  /**
   * One run into the folder, fed file by file as clusters are rendered, so that no more than
   * {@link #MAX_IN_FLIGHT} contents are held at once: each file is compared with what is
   * there and, unless checking, written (atomically) on a pool thread. Unchanged files are not
   * rewritten; files without the generated header are never touched; at the end, files
   * generated before and not planned now are deleted.
   */
  final class Sync {
    private final boolean write;
    private final ManifestFileWriter writer;
    private final Map<String, Path> existing;
    private final java.util.Set<String> planned = new java.util.HashSet<>();
    private final java.util.Set<Path> folders = new java.util.HashSet<>();
    private final java.util.Queue<String> create = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.Queue<String> update = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.Queue<String> unchanged = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.Queue<String> conflicts = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final List<String> levelsLeftAlone = new ArrayList<>();
    // Files that hold fewer NetworkPolicies than before (one file a cluster), by how many fewer.
    private final Map<String, Integer> policiesDropped = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(MAX_IN_FLIGHT);
    private final java.util.concurrent.atomic.AtomicReference<IOException> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.ExecutorService pool;
    // Null unless the run shows what would change.
    private final CheckDiffs diffs;

    private Sync(boolean write, ManifestFileWriter writer, Map<String, Path> existing, CheckDiffs diffs) {
      this.diffs = diffs;
      this.write = write;
      this.writer = writer;
      this.existing = existing;
      int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 4));
      this.pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "apiserver-policy-writer");
        t.setDaemon(true);
        return t;
      });
    }

    /**
     * Takes one planned file (relative path with '/', content). Throws the first write failure
     * so far; after one, nothing new is written.
     */
    void add(String relative, String content) throws IOException {
      IOException failed = failure.get();
      if (failed != null) {
        throw failed;
      }
      planned.add(relative);
      Path existingFile = existing.get(relative);
      String refused = placementRefusal(relative, existingFile);
      if (refused != null) {
        conflicts.add(refused);
        return;
      }
      Path target = root.resolve(relative);
      if (write && existingFile == null && folders.add(target.getParent())) {
        Files.createDirectories(target.getParent());
      }
      inFlight.acquireUninterruptibly();
      pool.execute(() -> {
        try {
          if (failure.get() == null) {
            compareAndWrite(relative, target, existingFile, content);
          }
        } catch (IOException | RuntimeException | Error e) {
          // Anything a file's turn throws fails the run: a file counted nowhere must not end in exit 0.
          failure.compareAndSet(null, e instanceof IOException io ? io : new IOException(e.toString(), e));
        } finally {
          inFlight.release();
        }
      });
    }

    private void compareAndWrite(String relative, Path target, Path existingFile, String content) throws IOException {
      byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
      if (existingFile == null) {
        create.add(relative);
        if (diffs != null) {
          diffs.add(relative, "", content);
        }
      } else if (!compareWithExisting(relative, existingFile, bytes)) {
        return;
      }
      if (write) {
        writer.write(target, bytes);
      }
    }

    /**
     * Sorts a planned file that exists: unchanged, to update, or a conflict; true if it is to
     * be written. Reads are bounded: the header first; the whole file only when it has the size
     * of what would be written; a file larger than any this tool writes is not read further.
     */
    private boolean compareWithExisting(String relative, Path existingFile, byte[] bytes) throws IOException {
      if (!compareWith(relative, existingFile, bytes)) {
        return false;
      }
      if (diffs != null && Files.size(existingFile) <= MAX_GENERATED_FILE) {
        diffs.add(relative, new String(Files.readAllBytes(existingFile), StandardCharsets.UTF_8),
            new String(bytes, StandardCharsets.UTF_8));
      }
      return true;
    }

    private boolean compareWith(String relative, Path existingFile, byte[] bytes) throws IOException {
      byte[] start = fileStart(existingFile, Math.max(HEADER_READ, ownHeader.length));
      String refused = headerRefusal(relative, start);
      if (refused != null) {
        conflicts.add(refused);
        return false;
      }
      long size = Files.readAttributes(existingFile, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size();
      if (size == bytes.length && Arrays.equals(Files.readAllBytes(existingFile), bytes)) {
        unchanged.add(relative);
        return false;
      }
      update.add(relative);
      if (size <= MAX_GENERATED_FILE) {
        int dropped = PolicyCount.inFile(existingFile) - PolicyCount.in(bytes);
        if (dropped > 0) {
          policiesDropped.put(relative, dropped);
        }
      }
      return true;
    }
    /** Why {@code relative} may not be written at all (a link on the way, a folder or link there), or null. */
    private String placementRefusal(String relative, Path existingFile) {
      String blocked = blockedByLink(relative);
      if (blocked != null) {
        return relative + " (" + blocked + " is a link; links are not followed)";
      }
      if (existingFile == null && existingFolders.contains(relative)
          || existingFile != null && Files.isSymbolicLink(existingFile)) {
        return relative + " (exists and was not generated by apiserver-policy)";
      }
      return null;
    }

    /** Why the file starting with {@code start} may not be replaced (not ours, or another input's), or null. */
    private String headerRefusal(String relative, byte[] start) {
      if (!startsWith(start, HEADER)) {
        return relative + " (exists and was not generated by apiserver-policy)";
      }
      if (!ours(start)) {
        return relative + " (was generated from another input: " + firstLine(start) + "; two inputs write this file)";
      }
      return null;
    }

    /**
     * Waits for every file in flight; then, if none failed, writes the files of the levels above
     * the clusters ({@code levels} of the files there will be) and prunes (when writing, and only
     * if {@code asked} allows it and no planned file was refused) and returns what changed. If
     * one failed, throws it once nothing is in flight any more, so the folder no longer changes
     * when the caller hears of it.
     */
    Changes finish(Prune asked, LevelFiles levels) throws IOException {
      drainOrThrow();
      List<String> foreign = new ArrayList<>();
      List<String> otherInputs = new ArrayList<>();
      List<String> ours = new ArrayList<>();
      for (Map.Entry<String, Path> e : existing.entrySet()) {
        if (planned.contains(e.getKey())) {
          continue;
        }
        byte[] start = fileStart(e.getValue(), Math.max(HEADER_READ, ownHeader.length));
        (!startsWith(start, HEADER) ? foreign : !ours(start) ? otherInputs : ours).add(e.getKey());
      }
      // A file that could not be written is an error of the run like any other: nothing is deleted.
      Prune prune = addLevelFiles(levels, ours, conflicts.isEmpty() ? asked : Prune.AFTER_ERRORS);
      drainOrThrow();
      ours.removeIf(planned::contains);
      // A level file refused is reported as a conflict, not also as a file left alone.
      foreign.removeIf(planned::contains);
      otherInputs.removeIf(planned::contains);
      List<String> delete = prune.allowed() ? ours : List.of();
      List<String> kept = prune.allowed() ? List.of() : ours;
      if (diffs != null) {
        for (String relative : delete) {
          Path file = root.resolve(relative);
          if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) <= MAX_GENERATED_FILE) {
            diffs.add(relative, new String(Files.readAllBytes(file), StandardCharsets.UTF_8), "");
          }
        }
      }
      if (write && prune.allowed()) {
        for (String relative : delete) {
          Files.deleteIfExists(root.resolve(relative));
          removeEmptyParents(root.resolve(relative).getParent());
        }
        removeLeftoverTempFiles();
      }
      pool.shutdown();
      return new Changes(sorted(create), sorted(update), sorted(delete), sorted(unchanged), sorted(conflicts),
          sorted(foreign), sorted(kept), sorted(otherInputs), prune, Map.copyOf(policiesDropped),
          sorted(levelsLeftAlone));
    }

    /**
     * Plans the level files, from the planned files, if the run may prune: they list what will be
     * there, and after an error (when nothing is deleted) they stay as they are, so that each
     * level still builds what it built. A level file behind a link (or a folder or link in its
     * place) is an error of the run, and then none is written. One that is not ours (an
     * operator's own kustomization, another input's) is left alone, and said so.
     */
    private Prune addLevelFiles(LevelFiles levels, List<String> ours, Prune prune) throws IOException {
      if (!prune.allowed()) {
        // Not rewritten, so not stale either: kept as the files of this run.
        ours.stream().filter(levels::holds).forEach(planned::add);
        return prune;
      }
      Map<String, String> files = levels.of(new java.util.TreeSet<>(planned));
      List<String> blocked = new ArrayList<>();
      for (String relative : files.keySet()) {
        String why = placementRefusal(relative, existing.get(relative));
        if (why != null) {
          blocked.add(why);
        }
      }
      if (!blocked.isEmpty()) {
        conflicts.addAll(blocked);
        ours.stream().filter(levels::holds).forEach(planned::add);
        return Prune.AFTER_ERRORS;
      }
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path there = existing.get(f.getKey());
        String notOurs = there == null ? null
            : headerRefusal(f.getKey(), fileStart(there, Math.max(HEADER_READ, ownHeader.length)));
        if (notOurs != null) {
          levelsLeftAlone.add(notOurs);
        } else {
          add(f.getKey(), f.getValue());
        }
      }
      return prune;
    }

    private void drainOrThrow() throws IOException {
      inFlight.acquireUninterruptibly(MAX_IN_FLIGHT);
      inFlight.release(MAX_IN_FLIGHT);
      IOException failed = failure.get();
      if (failed != null) {
        pool.shutdown();
        throw failed;
      }
    }

    /** Stops after a failure elsewhere: waits for what is in flight, writes nothing new. */
    void abandon() {
      failure.compareAndSet(null, new IOException("abandoned"));
      awaitAll();
    }

    private void awaitAll() {
      inFlight.acquireUninterruptibly(MAX_IN_FLIGHT);
      inFlight.release(MAX_IN_FLIGHT);
      pool.shutdown();
    }

    private List<String> sorted(java.util.Collection<String> paths) {
      List<String> list = new ArrayList<>(paths);
      list.sort(null);
      return list;
    }
  }

  private void removeEmptyParents(Path dir) throws IOException {
    while (dir != null && !dir.equals(root) && dir.startsWith(root)
        && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        if (entries.iterator().hasNext()) {
          return;
        }
      }
      Files.delete(dir);
      dir = dir.getParent();
    }
  }

  private void removeLeftoverTempFiles() throws IOException {
    for (Path p : existingPaths(true)) {
      String name = p.getFileName().toString();
      if (name.startsWith(ManifestFileWriter.TEMP_PREFIX) && name.endsWith(ManifestFileWriter.TEMP_SUFFIX)) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Regular files under the folder (not through links), by relative path; temp files excluded. */
  private Map<String, Path> existingFiles() throws IOException {
    Map<String, Path> files = new TreeMap<>();
    for (Path p : existingPaths(false)) {
      files.put(root.relativize(p).toString().replace('\\', '/'), p);
    }
    return files;
  }

  private List<Path> existingPaths(boolean includeTemp) throws IOException {
    List<Path> paths = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return paths;
    }
    Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        existingFolders.add(root.relativize(dir).toString().replace('\\', '/'));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        String name = file.getFileName().toString();
        if (file.getParent().equals(root) && name.equals(LOCK_FILE)) {
          return FileVisitResult.CONTINUE;
        }
        boolean temp = name.startsWith(ManifestFileWriter.TEMP_PREFIX) && name.endsWith(ManifestFileWriter.TEMP_SUFFIX);
        // Links (to files or folders) are visited as links and never followed.
        if (attrs.isRegularFile() && temp == includeTemp) {
          paths.add(file);
        } else if (attrs.isSymbolicLink() && !includeTemp) {
          paths.add(file);
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return paths;
  }

  /** The first path segment under the root that is a link, or null; folders are checked once. */
  private String blockedByLink(String relative) {
    int slash = relative.lastIndexOf('/');
    String folder = slash < 0 ? "" : relative.substring(0, slash);
    String blocked = firstLinkIn(folder);
    if (!blocked.isEmpty()) {
      return blocked;
    }
    return Files.isSymbolicLink(root.resolve(relative)) ? relative : null;
  }

  /** The first link on the way to {@code folder} (itself included), or "", memoised per folder. */
  private String firstLinkIn(String folder) {
    if (folder.isEmpty()) {
      return "";
    }
    String known = linkChecks.get(folder);
    if (known != null) {
      return known;
    }
    int slash = folder.lastIndexOf('/');
    String above = firstLinkIn(slash < 0 ? "" : folder.substring(0, slash));
    String result = !above.isEmpty() ? above : Files.isSymbolicLink(root.resolve(folder)) ? folder : "";
    linkChecks.put(folder, result);
    return result;
  }

  private static final byte[] HEADER = YamlManifestWriter.HEADER_PREFIX.getBytes(StandardCharsets.UTF_8);

  private static boolean startsWith(byte[] content, byte[] prefix) {
    return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** The first line of a file's content, for messages (bounded, control characters escaped). */
  private static String firstLine(byte[] content) {
    int end = 0;
    while (end < content.length && end < 512 && content[end] != '\n') {
      end++;
    }
    return TerminalText.escape(new String(content, 0, end, StandardCharsets.UTF_8));
  }

  /** Up to {@code n} bytes from the start of a regular file; a link or other entry reads as empty. */
  private static byte[] fileStart(Path file, int n) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return new byte[0];
    }
    try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file,
        java.nio.file.StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(n);
      while (buffer.hasRemaining() && channel.read(buffer) > 0) {
        // keep reading: a read may return fewer bytes than asked
      }
      return Arrays.copyOf(buffer.array(), buffer.position());
    }
  }
}
