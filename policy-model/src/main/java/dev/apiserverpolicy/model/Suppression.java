package dev.apiserverpolicy.model;

import java.util.Optional;

/**
 * A finding silenced on the record: every finding of {@code code} for one cluster (an
 * annotation {@code apiserver-policy.dev/suppress.<code>} on the Cluster) or for the input
 * files under one folder (a {@code Suppressions} document in it), with the reason its author
 * gave. Only warnings and infos can be silenced: an error stops rendering and stays.
 *
 * @param code the code silenced
 * @param reason why, as written (never empty)
 * @param cluster for a Cluster's annotation, its name; empty for a folder's
 * @param folder for a Suppressions document, the folder of its file as the input names it
 *     ({@code inputs/europe-west/}, or "" at the top); empty for a Cluster's annotation
 * @param file the file that says so
 * @param line its line there (0 if not known)
 *
 * @since 0.1.0
 */
public record Suppression(DiagnosticCode code, String reason, Optional<String> cluster, Optional<String> folder,
    String file, int line) {
  /** The prefix of the Cluster annotation; the code follows it. */
  public static final String ANNOTATION_PREFIX = "apiserver-policy.dev/suppress.";

  /** Checks what a reader could not build otherwise. */
  public Suppression {
    if (reason.isBlank() || cluster.isPresent() == folder.isPresent()
        || code.defaultSeverity() == Severity.ERROR) {
      throw new IllegalArgumentException("not a suppression: " + code.id() + " " + cluster + " " + folder);
    }
  }

  /**
   * True if this silences {@code d}, a finding of {@code findingCluster} (empty for a finding
   * that names no cluster): the same code, and the same cluster, or a file under the folder.
   */
  public boolean silences(Diagnostic d, Optional<String> findingCluster) {
    if (d.code() != code || d.severity() == Severity.ERROR) {
      return false;
    }
    if (cluster.isPresent()) {
      return cluster.equals(findingCluster);
    }
    return d.file().filter(f -> f.startsWith(folder.get())).isPresent();
  }

  /** Where it was said, {@code file:line}. */
  public String where() {
    return line > 0 ? file + ":" + line : file;
  }
}
