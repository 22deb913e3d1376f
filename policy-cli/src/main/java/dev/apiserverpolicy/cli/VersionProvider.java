package dev.apiserverpolicy.cli;

import picocli.CommandLine;

/**
 * The version from the jar manifest (set by Maven), or "development" when run from classes;
 * and the commit, when the release archive's launcher names it ({@code -Dapiserverpolicy.commit}).
 */
final class VersionProvider implements CommandLine.IVersionProvider {
  /** The system property the release archive's launcher sets to the commit it was built from. */
  static final String COMMIT_PROPERTY = "apiserverpolicy.commit";

  @Override
  public String[] getVersion() {
    String version = ApiserverPolicyCommand.class.getPackage().getImplementationVersion();
    String commit = System.getProperty(COMMIT_PROPERTY, "");
    return new String[] {"apiserver-policy " + (version == null ? "development" : version)
        + (commit.matches("[0-9a-f]{7,40}|unknown") ? " (commit " + commit + ")" : "")};
  }
}
