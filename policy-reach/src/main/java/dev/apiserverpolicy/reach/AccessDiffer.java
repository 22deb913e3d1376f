package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.Rendering;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two renderings by meaning: each cluster's Services and policies are asked, through
 * the evaluator, who may reach the API server and what its pods may reach; the answers are
 * compared, not the YAML. A reordering or a reformatting of the input changes no answer.
 *
 * @since 0.1.0
 */
public final class AccessDiffer {
  private AccessDiffer() {}

  /**
   * What HEAD changes against BASE. Findings are compared without their file and line (an
   * edit above a finding moves it without changing it), so the two renderings should name their
   * files alike (relative to their own root, as {@code diff} reads them).
   */
  public static AccessDiff compare(Rendering base, Rendering head) {
    Map<String, ClusterManifests> before = byName(base.clusters());
    Map<String, ClusterManifests> after = byName(head.clusters());
    TreeSet<String> names = new TreeSet<>(before.keySet());
    names.addAll(after.keySet());
    List<ClusterDiff> clusters = new ArrayList<>();
    for (String name : names) {
      ClusterManifests b = before.get(name);
      ClusterManifests h = after.get(name);
      ClusterDiff diff = b == null ? added(h) : h == null ? removed(b) : changed(b, h);
      if (!diff.changes().isEmpty()) {
        clusters.add(diff);
      }
    }
    clusters.sort(Comparator.comparing(ClusterDiff::seed).thenComparing(ClusterDiff::cluster));
    return new AccessDiff(clusters, FindingChanges.between(base.diagnostics(), head.diagnostics()));
  }

  private static Map<String, ClusterManifests> byName(List<ClusterManifests> clusters) {
    Map<String, ClusterManifests> byName = new LinkedHashMap<>();
    clusters.forEach(c -> byName.putIfAbsent(c.cluster(), c));
    return byName;
  }

  private static ClusterDiff added(ClusterManifests head) {
    List<AccessChange> changes = new ArrayList<>();
    changes.add(AccessChange.of(AccessChange.Kind.CLUSTER, "cluster", AccessChange.ABSENT, state(head)));
    changes.addAll(FindingChanges.between(List.of(), head.diagnostics()));
    return new ClusterDiff(head.seed(), head.cluster(), ClusterDiff.Status.ADDED, changes);
  }

  private static ClusterDiff removed(ClusterManifests base) {
    List<AccessChange> changes = new ArrayList<>();
    changes.add(AccessChange.of(AccessChange.Kind.CLUSTER, "cluster", state(base), AccessChange.ABSENT));
    changes.addAll(FindingChanges.between(base.diagnostics(), List.of()));
    return new ClusterDiff(base.seed(), base.cluster(), ClusterDiff.Status.REMOVED, changes);
  }

  /** One line of what a cluster is: failed, or its strategy, gate and who may reach it. */
  private static String state(ClusterManifests m) {
    if (m.failed() || m.inputs().isEmpty()) {
      return "not rendered (errors)";
    }
    ClientPaths paths = ClientPaths.of(m);
    List<String> who = new ArrayList<>();
    paths.paths().forEach((path, ranges) -> who.add(path + ": " + ClientPaths.text(ranges)));
    return "seed " + m.seed() + ", " + paths.strategy().kkpName() + ", apiserverNetworkPolicy "
        + (paths.gate() ? "on" : "off") + "; " + String.join("; ", who);
  }

  private static ClusterDiff changed(ClusterManifests base, ClusterManifests head) {
    List<AccessChange> changes = new ArrayList<>();
    boolean rendersBefore = !base.failed() && base.inputs().isPresent();
    boolean rendersAfter = !head.failed() && head.inputs().isPresent();
    // A cluster that failed to bind may not know its seed: only two known seeds are compared.
    if (rendersBefore && rendersAfter && !base.seed().equals(head.seed())) {
      changes.add(AccessChange.of(AccessChange.Kind.CLUSTER, "seed", base.seed(), head.seed()));
    }
    if (rendersBefore != rendersAfter) {
      changes.add(AccessChange.of(AccessChange.Kind.CLUSTER, "rendering", rendersBefore ? "rendered" : "failed",
          rendersAfter ? "rendered" : "failed"));
    } else if (rendersBefore) {
      changes.addAll(ClientChanges.between(ClientPaths.of(base), ClientPaths.of(head)));
      changes.addAll(EgressChanges.between(base, head));
    }
    changes.addAll(FindingChanges.between(base.diagnostics(), head.diagnostics()));
    changes.sort(Comparator.comparing(c -> c.kind().section()));
    String seed = head.seed().isEmpty() ? base.seed() : head.seed();
    return new ClusterDiff(seed, head.cluster(), ClusterDiff.Status.CHANGED, changes);
  }

  /** Findings compared as multisets of what they say, without where. */
  static final class FindingChanges {
    private FindingChanges() {}

    static List<AccessChange> between(List<Diagnostic> base, List<Diagnostic> head) {
      Map<String, List<Diagnostic>> before = byText(base);
      Map<String, List<Diagnostic>> after = byText(head);
      List<AccessChange> changes = new ArrayList<>();
      TreeSet<String> texts = new TreeSet<>(before.keySet());
      texts.addAll(after.keySet());
      for (String text : texts) {
        List<Diagnostic> b = before.getOrDefault(text, List.of());
        List<Diagnostic> h = after.getOrDefault(text, List.of());
        for (int i = h.size(); i < b.size(); i++) {
          changes.add(AccessChange.of(AccessChange.Kind.FINDING, text, where(b.get(i)), AccessChange.ABSENT));
        }
        for (int i = b.size(); i < h.size(); i++) {
          changes.add(AccessChange.of(AccessChange.Kind.FINDING, text, AccessChange.ABSENT, where(h.get(i))));
        }
      }
      return changes;
    }

    private static Map<String, List<Diagnostic>> byText(List<Diagnostic> diagnostics) {
      Map<String, List<Diagnostic>> byText = new TreeMap<>();
      for (Diagnostic d : diagnostics) {
        byText.computeIfAbsent(text(d), k -> new ArrayList<>()).add(d);
      }
      return byText;
    }

    /** {@code warning[nodeport-bypass] Cluster/x spec.y: message}: what a finding says, without where. */
    static String text(Diagnostic d) {
      return d.severity().label() + "[" + d.code().id() + "] " + d.object().map(o -> o + " ").orElse("")
          + (d.path().isEmpty() ? "" : d.path() + ": ") + d.message();
    }

    /** {@code clusters/a.yaml:3:5}, or {@code present} for a finding without a file. */
    private static String where(Diagnostic d) {
      return d.file().map(f -> d.line() > 0 ? f + ":" + d.line() + ":" + d.column() : f).orElse("present");
    }
  }
}
