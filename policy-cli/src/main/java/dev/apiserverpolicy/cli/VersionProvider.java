package dev.apiserverpolicy.cli;

import picocli.CommandLine;

/** The version from the jar manifest (set by Maven), or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = ApiserverPolicyCommand.class.getPackage().getImplementationVersion();
    return new String[] {"apiserver-policy " + (version == null ? "development" : version)};
  }
}
