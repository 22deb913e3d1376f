package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.Suppression;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.Rendering;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the input's suppressions (docs/spec.md, section 7.1) to what was rendered: a silenced
 * finding is taken out of its cluster's findings, so it neither prints nor counts towards
 * {@code --fail-on}, and is kept on the record with the suppression that silenced it. Errors
 * are never silenced. Called from several rendering threads at once.
 */
final class SilencedFindings {
  /** One finding silenced, and by what. */
  record Silenced(Diagnostic finding, Suppression by) {}

  // By code, then by cluster or by folder, the first suppression that says so: an input that
  // repeats one entry 50,000 times costs one lookup per finding, not 50,000.
  private final Map<DiagnosticCode, Map<String, Suppression>> byCluster = new EnumMap<>(DiagnosticCode.class);
  private final Map<DiagnosticCode, Map<String, Suppression>> byFolder = new EnumMap<>(DiagnosticCode.class);
  private final List<Silenced> silenced = new ArrayList<>();

  SilencedFindings(List<Suppression> suppressions) {
    for (Suppression s : suppressions) {
      (s.cluster().isPresent() ? byCluster : byFolder).computeIfAbsent(s.code(), c -> new LinkedHashMap<>())
          .putIfAbsent(s.cluster().orElseGet(() -> s.folder().orElseThrow()), s);
    }
  }

  /** The suppression that silences {@code d}, a finding of {@code cluster}, if any. */
  private Optional<Suppression> silencing(Diagnostic d, Optional<String> cluster) {
    Suppression own = cluster.map(c -> byCluster.getOrDefault(d.code(), Map.of()).get(c)).orElse(null);
    if (own != null && own.silences(d, cluster)) {
      return Optional.of(own);
    }
    return byFolder.getOrDefault(d.code(), Map.of()).values().stream().filter(s -> s.silences(d, cluster))
        .findFirst();
  }

  /** The cluster with only the findings no suppression silences. */
  ClusterManifests keep(ClusterManifests cluster) {
    if (byCluster.isEmpty() && byFolder.isEmpty()) {
      return cluster;
    }
    return cluster.withDiagnostics(keep(cluster.diagnostics(), Optional.of(cluster.cluster())));
  }

  /** The findings no suppression silences; {@code cluster} is the cluster they are of, if any. */
  List<Diagnostic> keep(List<Diagnostic> findings, Optional<String> cluster) {
    List<Diagnostic> kept = new ArrayList<>(findings.size());
    for (Diagnostic d : findings) {
      Optional<Suppression> by = silencing(d, cluster);
      if (by.isPresent()) {
        synchronized (silenced) {
          silenced.add(new Silenced(d, by.get()));
        }
      } else {
        kept.add(d);
      }
    }
    return kept;
  }

  /** {@code rendering} with every silenced finding taken out. */
  Rendering keep(Rendering rendering) {
    List<ClusterManifests> clusters = rendering.clusters().stream().map(this::keep).toList();
    return Rendering.builder().addAllClusters(clusters).addAllDiagnostics(keep(rendering.diagnostics(),
        Optional.empty())).build();
  }

  /** What was silenced, in the order of where the suppressions say so, then of the findings. */
  List<Silenced> silenced() {
    synchronized (silenced) {
      List<Silenced> sorted = new ArrayList<>(silenced);
      sorted.sort(Comparator.comparing((Silenced s) -> s.by().file()).thenComparingInt(s -> s.by().line())
          .thenComparing(s -> s.finding().file().orElse("")).thenComparingInt(s -> s.finding().line())
          .thenComparing(s -> s.finding().message()));
      return sorted;
    }
  }

  /** A summary of what was silenced and why, one suppression a line; nothing if nothing was. */
  void printSummary(PrintWriter err) {
    List<Silenced> all = silenced();
    if (all.isEmpty()) {
      return;
    }
    err.println("apiserver-policy: " + all.size() + (all.size() == 1 ? " finding" : " findings")
        + " silenced on the record:");
    Suppression last = null;
    int count = 0;
    for (int i = 0; i <= all.size(); i++) {
      Suppression by = i < all.size() ? all.get(i).by() : null;
      if (last != null && !last.equals(by)) {
        err.println("  " + TerminalText.escape(line(last, count)));
        count = 0;
      }
      last = by;
      count++;
    }
  }

  /** {@code nodeport-bypass (2x, Cluster/payments, clusters/a.yaml:5): the reason}. */
  private static String line(Suppression s, int count) {
    String scope = s.cluster().isPresent() ? "Cluster/" + s.cluster().get() : "files under " + s.folder().get();
    return s.code().id() + " (" + count + "x, " + scope + ", " + s.where() + "): " + s.reason();
  }
}
