package dev.apiserverpolicy.render.cleanup;

import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ClusterSpec;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.FieldPath;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.Severity;
import dev.apiserverpolicy.model.manifest.CiliumNetworkPolicy;
import dev.apiserverpolicy.model.manifest.NetworkPolicy;
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.Rendering;
import dev.apiserverpolicy.render.engine.ManagedByLabel;
import dev.apiserverpolicy.render.engine.ManifestRenderer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The manual step of disabling (docs/spec.md section 6) for clusters not managed by GitOps:
 * when a cluster's gate is not on, the exact {@code kubectl delete networkpolicy} for the
 * policies this tool would manage for it, and no others.
 *
 * <p>Everything goes through the same reading, binding, validation and rendering as
 * {@code render}: a cluster with any error (its own, or its seed's or context's) gets no
 * command, and the errors are in {@link Plan#diagnostics()}. Every word of a command is
 * checked once more against the characters of a Kubernetes name before it is written, so
 * nothing from the input can reach a shell that validation did not pass.
 *
 * @since 0.1.0
 */
public final class CleanupCommands {
  // Kubernetes names (DNS-1123 labels and subdomains) use nothing else; none of it means anything to a shell.
  private static final Pattern SHELL_SAFE = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

  private CleanupCommands() {}

  /**
   * One cluster whose gate is not on, and the policies to delete in its namespace: by name, or,
   * when its objects carry the managed-by label, every policy that has it.
   */
  public record Command(String seed, String cluster, String namespace, Optional<Boolean> gate, List<String> policies,
      List<String> ciliumPolicies, boolean byLabel) {
    /** Defensive copy. */
    public Command {
      policies = List.copyOf(policies);
      ciliumPolicies = List.copyOf(ciliumPolicies);
    }

    /** {@code # <seed>/<cluster>: apiserverNetworkPolicy is false} (or {@code absent}). */
    public String comment() {
      return "# " + safe(seed) + "/" + safe(cluster) + ": apiserverNetworkPolicy is "
          + gate.map(g -> "false").orElse("absent");
    }

    /**
     * {@code kubectl delete networkpolicy -n <namespace> --ignore-not-found <names...>}, or with
     * {@code -l app.kubernetes.io/managed-by=apiserver-policy} instead of the names.
     */
    public String shellLine() {
      return line("networkpolicy", policies);
    }

    /**
     * The same for CiliumNetworkPolicies ({@code kubectl delete ciliumnetworkpolicy ...}), whatever
     * the flavour is today: by label, or by every name the Cilium flavour may give a policy of this
     * cluster. Where Cilium's CRD is not installed, kubectl says it knows no such resource type,
     * and nothing is deleted. Empty only for a command built without Cilium names and label.
     */
    public Optional<String> ciliumShellLine() {
      return ciliumPolicies.isEmpty() && !byLabel ? Optional.empty()
          : Optional.of(line("ciliumnetworkpolicy", ciliumPolicies));
    }

    private String line(String resource, List<String> names) {
      StringBuilder line = new StringBuilder("kubectl delete ").append(resource).append(" -n ").append(safe(namespace))
          .append(" --ignore-not-found");
      if (byLabel) {
        // A constant of ours, not input: nothing here can reach the shell unchecked.
        return line.append(" -l ").append(ManagedByLabel.selector()).toString();
      }
      for (String policy : names) {
        line.append(' ').append(safe(policy));
      }
      return line.toString();
    }
  }

  /**
   * The commands, in seed and cluster order; how many clusters were read, and how many of them
   * have no command because of errors; every finding.
   */
  public record Plan(List<Command> commands, int clusters, int withErrors, List<Diagnostic> diagnostics) {
    /** Defensive copies. */
    public Plan {
      commands = List.copyOf(commands);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** Plans the cleanup of everything read. */
  public static Plan plan(Inputs read, RenderOptions options) {
    Rendering asIs = ManifestRenderer.renderAll(read, options);
    Map<String, ClusterManifests> enabledByCluster = withGateOn(read, options);
    Map<String, Cluster> firstByName = new HashMap<>();
    read.clusters().forEach(c -> firstByName.putIfAbsent(c.name(), c));
    List<Diagnostic> diagnostics = new ArrayList<>(asIs.allDiagnostics());
    Set<Diagnostic> known = new HashSet<>(diagnostics);
    List<Command> commands = new ArrayList<>();
    int withErrors = 0;
    for (ClusterManifests m : asIs.clusters()) {
      Cluster cluster = firstByName.get(m.cluster());
      if (m.failed() || cluster == null) {
        withErrors++;
        continue;
      }
      if (cluster.spec().apiserverNetworkPolicyGate().orElse(false)) {
        continue;
      }
      ClusterManifests would = enabledByCluster.get(m.seed() + "/" + m.cluster());
      if (would == null || would.failed()) {
        withErrors++;
        // Listing the policies needs what rendering them needs (seed endpoints, say).
        for (Diagnostic d : would == null ? List.<Diagnostic>of() : would.diagnostics()) {
          if (d.severity() == Severity.ERROR && known.add(d)) {
            diagnostics.add(Diagnostic.builder().from(d)
                .message(d.message() + " (needed to list the policies cleanup would delete)").build());
          }
        }
        continue;
      }
      try {
        commands.add(printable(newCommand(m, would, cluster, options)));
      } catch (IllegalArgumentException e) {
        withErrors++;
        diagnostics.add(unprintable(cluster, e));
      }
    }
    return new Plan(commands, asIs.clusters().size(), withErrors, diagnostics);
  }

  /** What each cluster would have with the gate on (by seed and name): exactly the policies this tool manages. */
  private static Map<String, ClusterManifests> withGateOn(Inputs read, RenderOptions options) {
    List<Cluster> enabledClusters = new ArrayList<>();
    for (Cluster c : read.clusters()) {
      enabledClusters.add(Cluster.builder().from(c).spec(ClusterSpec.builder().from(c.spec())
          .putFeatures(ClusterSpec.APISERVER_NETWORK_POLICY, true).build()).build());
    }
    Rendering enabled = ManifestRenderer.renderAll(
        Inputs.builder().from(read).clusters(enabledClusters).build(), options);
    Map<String, ClusterManifests> enabledByCluster = new HashMap<>();
    enabled.clusters().forEach(m -> enabledByCluster.putIfAbsent(m.seed() + "/" + m.cluster(), m));
    return enabledByCluster;
  }

  /** {@code command}, once each of its words is known to be safe to print. */
  private static Command printable(Command command) {
    command.comment();
    command.shellLine();
    command.ciliumShellLine();
    return command;
  }

  private static Command newCommand(ClusterManifests m, ClusterManifests would, Cluster cluster,
      RenderOptions options) {
    List<String> names = would.objects().stream().filter(NetworkPolicy.class::isInstance)
        .map(o -> o.metadata().name()).sorted().toList();
    // Every CiliumNetworkPolicy this tool may have applied, whatever today's flavour says: one
    // applied while the flavour was on would otherwise keep its toFQDNs or toEntities allow.
    java.util.SortedSet<String> ciliumNames = new java.util.TreeSet<>(ManifestRenderer.ciliumPolicyNames());
    would.inputs().flatMap(ClusterInputs::context).ifPresent(context -> context.extraEgress()
        .forEach(extra -> ciliumNames.add(extra.name())));
    would.objects().stream().filter(CiliumNetworkPolicy.class::isInstance).map(o -> o.metadata().name())
        .forEach(ciliumNames::add);
    boolean byLabel = m.inputs().filter(inputs -> options.managedByLabelFor(inputs)).isPresent();
    return new Command(m.seed(), m.cluster(), would.namespace(), cluster.spec().apiserverNetworkPolicyGate(), names,
        List.copyOf(ciliumNames), byLabel);
  }

  /** The finding for a cluster whose command would hold a word that is not safe to print. */
  private static Diagnostic unprintable(Cluster cluster, IllegalArgumentException e) {
    return Diagnostic.at(DiagnosticCode.INTERNAL_ERROR, cluster.origin(), FieldPath.root())
        .object(cluster.ref())
        .message("internal error: " + e.getMessage() + "; no command printed")
        .hint("please report this with the input that caused it")
        .build();
  }

  private static String safe(String word) {
    if (!SHELL_SAFE.matcher(word).matches()) {
      throw new IllegalArgumentException("'" + word + "' is not a Kubernetes name and is not written into a command");
    }
    return word;
  }
}
