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
  private Severity worst;

  void add(ClusterManifests c) {
    clusters++;
    objects += c.objects().size();
    for (Diagnostic d : c.diagnostics()) {
      if (worst == null || d.severity().compareTo(worst) > 0) {
        worst = d.severity();
      }
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
    for (Map.Entry<String, Cluster> e : gatesOff.entrySet()) {
      // One file a policy (gitops), or one file a cluster (single-file) that holds fewer policies.
      String folder = e.getKey();
      long policies = changes.delete().stream().filter(f -> f.startsWith(folder + "networkpolicy-")
          || f.startsWith(folder + "ciliumnetworkpolicy-")).count()
          + changes.policiesDropped().getOrDefault(folder.substring(0, folder.length() - 1) + ".yaml", 0);
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

  int clusters() {
    return clusters;
  }

  boolean anyAtLeast(Severity threshold) {
    return worst != null && worst.compareTo(threshold) >= 0;
  }

  void print(PrintWriter err, LoadedInput loaded, OutputDirectory.Changes changes, boolean check) {
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
    for (String entry : withoutPolicies) {
      String folder = entry.substring(0, entry.lastIndexOf('/')) + "/networkpolicy-";
      String name = entry.substring(entry.lastIndexOf('/') + 1);
      long deleted = changes == null ? 0 : changes.delete().stream().filter(f -> f.startsWith(folder)).count();
      err.println("  no NetworkPolicies: " + name + " (the apiserverNetworkPolicy gate is not on"
          + (deleted > 0 ? "; " + (check ? "would delete " : "deleted ") + deleted + " policy files" : "") + ")");
    }
    failed.forEach(f -> err.println("  failed: " + TerminalText.escape(f)));
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
