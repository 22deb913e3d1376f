package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.ApiserverPolicy;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.read.ManifestReader;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.Rendering;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything read from a command's PATHs. Files are named in diagnostics (and where a
 * RenderContext names another input) by their path as given, normalised: {@code ./in/x.yaml}
 * and {@code in//x.yaml} are {@code in/x.yaml}.
 */
record LoadedInput(Inputs read, List<Path> paths, int files) {
  private static final ManifestReader READER = ManifestReader.create();

  static LoadedInput load(List<Path> paths) throws FileAccessException {
    return load(paths, Progress.NONE);
  }

  /** Like {@link #load(List)}, counting the files read on {@code progress}. */
  static LoadedInput load(List<Path> paths, Progress progress) throws FileAccessException {
    return load(paths, Optional.empty(), file -> display(file.normalize()), progress);
  }

  /**
   * Everything under {@code root}, each file named relative to it ({@code clusters/a.yaml}), so
   * that two trees (two worktrees of one repository) name the same file alike.
   */
  static LoadedInput loadTree(Path root) throws FileAccessException {
    Path base = Files.isDirectory(root) ? root : root.toAbsolutePath().getParent();
    return load(List.of(root), Optional.empty(), file -> display(base.toAbsolutePath().normalize()
        .relativize(file.toAbsolutePath().normalize())), Progress.NONE);
  }

  /**
   * Every input file but {@code replaced}, if it is one of them: {@code resolve} reads the
   * inputs without the file it writes, whose old answers are what it replaces.
   */
  static LoadedInput loadAllBut(List<Path> paths, Path replaced) throws FileAccessException {
    return load(paths, Optional.of(replaced).filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)),
        file -> display(file.normalize()), Progress.NONE);
  }

  private static LoadedInput load(List<Path> paths, Optional<Path> replaced, Function<Path, String> name,
      Progress progress) throws FileAccessException {
    InputFiles.Collected collected = InputFiles.collect(paths);
    Inputs read = Inputs.builder().addAllDiagnostics(collected.problems()).build();
    List<Inputs> each = new ArrayList<>(collected.files().size());
    for (Path file : collected.files()) {
      try {
        if (replaced.isPresent() && Files.isSameFile(file, replaced.get())) {
          continue;
        }
        try (InputStream in = Files.newInputStream(file)) {
          each.add(READER.read(name.apply(file), in));
        }
        progress.step("reading files:", each.size(), collected.files().size());
      } catch (IOException e) {
        throw new FileAccessException(file + ": cannot be read (" + e.getMessage() + ")",
            "check that the file is readable");
      }
    }
    return new LoadedInput(read.plusAll(each), List.copyOf(paths), each.size());
  }

  /**
   * Every cluster rendered through the front door with {@code options}, and the findings that
   * name no cluster, for the commands that print findings or look at objects rather than write
   * YAML (lint, explain, defaults, resolve): no YAML is written here.
   */
  Rendering rendered(RenderOptions options) {
    return rendered(options, Progress.NONE);
  }

  /** Like {@link #rendered(RenderOptions)}, counting the clusters on {@code progress}. */
  Rendering rendered(RenderOptions options, Progress progress) {
    return rendered(read(), options, new SilencedFindings(read().suppressions()), progress);
  }

  /**
   * {@code read} rendered as {@link #rendered(RenderOptions)} renders what was loaded, without
   * the findings its suppressions silence.
   */
  static Rendering rendered(Inputs read, RenderOptions options) {
    return rendered(read, options, new SilencedFindings(read.suppressions()));
  }

  /** Rendered, with what is silenced recorded in {@code silencer}. */
  static Rendering rendered(Inputs read, RenderOptions options, SilencedFindings silencer) {
    return rendered(read, options, silencer, Progress.NONE);
  }

  /** Rendered, with what is silenced recorded in {@code silencer} and the clusters counted on {@code progress}. */
  static Rendering rendered(Inputs read, RenderOptions options, SilencedFindings silencer, Progress progress) {
    List<ClusterManifests> clusters = new ArrayList<>();
    List<Diagnostic> general = ApiserverPolicy.create(options).renderEach(read, silencer::keep, c -> {
      clusters.add(c);
      progress.step("rendered clusters:", clusters.size(), read.clusters().size());
    });
    progress.finish();
    return Rendering.builder().addAllClusters(clusters).addAllDiagnostics(silencer.keep(general,
        java.util.Optional.empty())).build();
  }

  /** How output written into {@code folder} names this input (see {@link InputLabel}). */
  InputLabel labelFor(Path folder) {
    return InputLabel.forOutputIn(paths, folder);
  }

  /** How output written to standard output names this input (see {@link InputLabel#forStandardOutput}). */
  String label() {
    return InputLabel.forStandardOutput(paths).label();
  }

  static String display(Path path) {
    return path.toString().replace('\\', '/');
  }
}
