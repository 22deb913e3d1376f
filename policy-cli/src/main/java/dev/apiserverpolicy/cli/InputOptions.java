package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.Severity;
import dev.apiserverpolicy.render.RenderOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options every command that reads input shares. */
final class InputOptions {
  @Parameters(paramLabel = "PATH", arity = "1..*",
      description = "Input files or folders (every .yaml, .yml and .json file below a folder, in sorted order).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--profile", paramLabel = "PROFILE",
      description = "Override the RenderContext's profile: ${COMPLETION-CANDIDATES}.")
  Profile profile;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error",
      description = "Fail when a finding is at least this severe (exit 1; render and resolve, whose 1 means "
          + "drift: exit 4): ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Severity failOn;

  @Mixin
  OutputDetail detail;

  /** The PATHs read, with progress unless --quiet; refuses contradicting output options first. */
  LoadedInput load(picocli.CommandLine commandLine) throws FileAccessException {
    detail.check(commandLine);
    progress = detail.progress(commandLine.getErr());
    return LoadedInput.load(paths, progress);
  }

  /** Where progress goes, once {@link #load} has run. */
  Progress progress = Progress.NONE;

  /** Render options with the profile override, if given. */
  RenderOptions.Builder renderOptions() {
    RenderOptions.Builder options = RenderOptions.builder();
    if (profile != null) {
      options.profile(profile);
    }
    return options;
  }
}
