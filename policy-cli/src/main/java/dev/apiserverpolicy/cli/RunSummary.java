package dev.apiserverpolicy.cli;

import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ClusterSpec;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.FieldPath;
import dev.apiserverpolicy.model.Severity;
import dev.apiserverpolicy.render.ClusterManifests;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a render did, collected cluster by cluster (so it also works when clusters are
 * streamed and not kept): counts, the clusters without policies, and those that failed.
 */
final class RunSummary {
  private int clusters;
  private int objects;
  private final List<String> failed = new ArrayList<>();
  private final List<String> withoutPolicies = new ArrayList<>();
  private final FindingCounts findings = new FindingCounts();
  private Severity worst;

  static final String FAILED = "failed";
  static final String GATE_OFF = "no NetworkPolicies (the apiserverNetworkPolicy gate is not on)";

  void add(ClusterManifests c) {
    clusters++;
    objects += c.objects().size();
    for (Diagnostic d : c.diagnostics()) {
      if (worst == null || d.severity().compareTo(worst) > 0) {
        worst = d.severity();
      }
      findings.add(d);
    }
    if (c.failed()) {
      Diagnostic first = c.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).findFirst().orElseThrow();
      failed.add(c.cluster() + ": " + first.code().id() + ": " + first.message());
    } else if (c.objects().stream().noneMatch(o -> o.kind().equals("NetworkPolicy"))) {
      withoutPolicies.add(c.seed() + "/cluster-" + c.cluster() + "/" + c.cluster());
      c.inputs().ifPresent(in -> gatesOff.put(c.seed() + "/cluster-" + c.cluster() + "/", in.cluster()));
    }
  }

  // Clusters rendered without NetworkPolicies, by the folder their files go to.
  private final Map<String, Cluster> gatesOff = new LinkedHashMap<>();

  /**
   * A warning for each cluster whose gate is off and whose NetworkPolicies in the output folder this run deletes
   * (or would): its API server pods lose every egress restriction, which a typo in the gate also causes.
   */
  List<Diagnostic> gatesTurnedOff(OutputDirectory.Changes changes, boolean check) {
    List<Diagnostic> out = new ArrayList<>();
    Map<String, Integer> deleted = policiesDeleted(changes);
    for (Map.Entry<String, Cluster> e : gatesOff.entrySet()) {
      // One file a policy (gitops), or one file a cluster (single-file) that holds fewer policies.
      long policies = deleted.getOrDefault(e.getKey(), 0);
      if (policies == 0) {
        continue;
      }
      Cluster cluster = e.getValue();
      String value = cluster.spec().apiserverNetworkPolicyGate().map(String::valueOf).orElse("absent");
      out.add(Diagnostic.at(DiagnosticCode.GATE_OFF_DELETES_POLICIES, cluster.origin(),
              FieldPath.of("spec", "features", ClusterSpec.APISERVER_NETWORK_POLICY))
          .object(cluster.ref())
          .message("the gate spec.features.apiserverNetworkPolicy is " + value + ", so " + policies
              + " policies of this cluster " + (check ? "would be" : "were") + " deleted from the output "
              + "folder: its API server pods' egress is no longer restricted")
          .hint("if that is not meant, set spec.features.apiserverNetworkPolicy: true (exact spelling) and "
              + "render again")
          .build());
    }
    return out;
  }

  /** Findings about no cluster, counted with the clusters' own. */
  void addGeneral(List<Diagnostic> general) {
    findings.addAll(general);
  }

  /**
   * The policies deleted per cluster folder ({@code seed/cluster-x/}): a policy's own file under
   * the gitops layout, or the policies a cluster's one file no longer holds under single-file.
   */
  private static Map<String, Integer> policiesDeleted(OutputDirectory.Changes changes) {
    Map<String, Integer> deleted = new java.util.HashMap<>();
    for (String file : changes.delete()) {
      int slash = file.lastIndexOf('/');
      String name = file.substring(slash + 1);
      if (name.startsWith("networkpolicy-") || name.startsWith("ciliumnetworkpolicy-")) {
        deleted.merge(file.substring(0, slash + 1), 1, Integer::sum);
      }
    }
    changes.policiesDropped().forEach((file, count) -> deleted.merge(
        file.substring(0, file.length() - ".yaml".length()) + "/", count, Integer::sum));
    return deleted;
  }

  int clusters() {
    return clusters;
  }

  boolean anyAtLeast(Severity threshold) {
    return worst != null && worst.compareTo(threshold) >= 0;
  }

  void print(PrintWriter err, LoadedInput loaded, OutputDirectory.Changes changes, boolean check, boolean verbose) {
    StringBuilder line = new StringBuilder("apiserver-policy: rendered ")
        .append(clusters - failed.size()).append(" of ").append(clusters).append(" clusters (")
        .append(objects).append(" objects) from ").append(loaded.files()).append(loaded.files() == 1 ? " file"
            : " files");
    if (changes != null) {
      line.append(check ? "; would create " : "; created ").append(changes.create().size())
          .append(check ? ", change " : ", changed ").append(changes.update().size())
          .append(check ? ", delete " : ", deleted ").append(changes.delete().size())
          .append(", unchanged ").append(changes.unchanged().size());
    }
    err.println(line);
    ClusterOutcomes outcomes = new ClusterOutcomes();
    failed.forEach(f -> outcomes.add(FAILED, f));
    Map<String, Integer> policiesDeleted = changes == null ? Map.of() : policiesDeleted(changes);
    for (String entry : withoutPolicies) {
      String name = entry.substring(entry.lastIndexOf('/') + 1);
      int deleted = policiesDeleted.getOrDefault(entry.substring(0, entry.lastIndexOf('/') + 1), 0);
      outcomes.add(GATE_OFF, name + (deleted > 0 ? " (" + (check ? "would delete " : "deleted ") + deleted
          + " policy files)" : ""));
    }
    findings.print(err, "  ");
    outcomes.print(err, verbose);
    if (changes != null && !changes.kept().isEmpty()) {
      err.println("  not deleted: " + changes.kept().size() + (changes.kept().size() == 1 ? " file" : " files")
          + " this input generated before and no longer generates: " + changes.prune().reason());
    }
    if (changes != null && !changes.otherInputs().isEmpty()) {
      err.println("  left alone: " + changes.otherInputs().size() + (changes.otherInputs().size() == 1 ? " file"
          : " files")
          + " generated from other inputs");
    }
    err.flush();
  }
}
