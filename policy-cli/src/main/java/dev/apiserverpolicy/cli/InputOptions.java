package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.Severity;
import dev.apiserverpolicy.render.RenderOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options every command that reads input shares. */
final class InputOptions {
  @Parameters(paramLabel = "PATH", arity = "1..*",
      description = "Input files or folders (every .yaml, .yml and .json file below a folder, in sorted order).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--profile", paramLabel = "PROFILE", converter = ProfileConverter.class,
      description = "Override the RenderContext's profile: kkp-v2.18, kkp-v2.31 or least-privilege.")
  Profile profile;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = SeverityConverter.class, defaultValue = "error",
      description = "Exit with 1 when a finding is at least this severe: error, warning or info (default: ${DEFAULT-VALUE}).")
  Severity failOn;

  /** Render options with the profile override, if given. */
  RenderOptions.Builder renderOptions() {
    RenderOptions.Builder options = RenderOptions.builder();
    if (profile != null) {
      options.profile(profile);
    }
    return options;
  }

  static final class ProfileConverter implements CommandLine.ITypeConverter<Profile> {
    @Override
    public Profile convert(String value) {
      return Profile.fromId(value).orElseThrow(() -> new CommandLine.TypeConversionException(
          "unknown profile '" + value + "' (use kkp-v2.18, kkp-v2.31 or least-privilege)"));
    }
  }

  static final class SeverityConverter implements CommandLine.ITypeConverter<Severity> {
    @Override
    public Severity convert(String value) {
      for (Severity s : Severity.values()) {
        if (s.label().equals(value.toLowerCase(Locale.ROOT))) {
          return s;
        }
      }
      throw new CommandLine.TypeConversionException("unknown severity '" + value + "' (use error, warning or info)");
    }
  }
}
