package dev.apiserverpolicy;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.ReadResult;
import dev.apiserverpolicy.model.manifest.KubernetesObject;
import dev.apiserverpolicy.read.ManifestReader;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.ManagedByLabel;
import dev.apiserverpolicy.render.ManifestRenderer;
import dev.apiserverpolicy.render.ManifestTrees;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.YamlManifestWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * The front door: YAML or JSON files in, rendered objects, YAML and every finding out, as
 * {@code apiserver-policy render --stdout} gives them for the same files.
 *
 * <pre>{@code
 * ApiserverPolicy.Result result = ApiserverPolicy.create()
 *     .withProfile("least-privilege")
 *     .render(Map.of("clusters.yaml", bytes));
 * result.diagnostics().forEach(d -> System.err.println(d.describe()));
 * System.out.print(result.yaml());
 * }</pre>
 *
 * <p>Pure: it reads only the bytes it is handed and opens no file or socket; the map's keys are
 * the names diagnostics give. Instances are immutable and thread-safe. Large inputs are read and
 * rendered side by side on the common fork-join pool, or on the executor given to {@link
 * #withExecutor}; the result is the same either way.
 */
public final class ApiserverPolicy {
  private final Optional<Profile> profile;
  private final Optional<Executor> executor;
  private final Optional<Boolean> managedByLabel;
  private final ManifestReader reader;

  private ApiserverPolicy(Optional<Profile> profile, Optional<Executor> executor, Optional<Boolean> managedByLabel) {
    this.profile = profile;
    this.executor = executor;
    this.managedByLabel = managedByLabel;
    this.reader = executor.map(ManifestReader.create()::withExecutor).orElse(ManifestReader.create());
  }

  /** Each RenderContext's own profile (else kkp-v2.31) and managed-by label (else none), the common pool. */
  public static ApiserverPolicy create() {
    return new ApiserverPolicy(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * The same, with {@code profile} (kkp-v2.18, kkp-v2.31 or least-privilege) for every cluster.
   *
   * @throws IllegalArgumentException for a profile that does not exist
   */
  public ApiserverPolicy withProfile(String profile) {
    Objects.requireNonNull(profile, "profile");
    Profile chosen = Profile.fromId(profile).orElseThrow(() -> new IllegalArgumentException("unknown profile '"
        + profile + "'; use one of: " + Arrays.stream(Profile.values()).map(Profile::id)
        .collect(Collectors.joining(", "))));
    return new ApiserverPolicy(Optional.of(chosen), executor, managedByLabel);
  }

  /**
   * The same, reading and rendering on {@code executor} ({@code Runnable::run}: the calling thread
   * only). An executor that refuses a task (a pool shut down, a full queue) makes {@link #render}
   * throw its {@link java.util.concurrent.RejectedExecutionException}: a render is never half done.
   */
  public ApiserverPolicy withExecutor(Executor executor) {
    return new ApiserverPolicy(profile, Optional.of(Objects.requireNonNull(executor, "executor")), managedByLabel);
  }

  /**
   * The same, with {@code app.kubernetes.io/managed-by: apiserver-policy} on every object (true) or
   * on none (false), whatever the RenderContexts say ({@link ManagedByLabel}).
   */
  public ApiserverPolicy withManagedByLabel(boolean on) {
    return new ApiserverPolicy(profile, executor, Optional.of(on));
  }

  /**
   * Reads every file (in the order of their names), then binds, validates and renders every
   * cluster, as the CLI does. Never throws on bad input: what is wrong is in
   * {@link Result#diagnostics()}, and a cluster with an error has no objects. When part of a file
   * could not be read (a YAML syntax error hides the documents after it), the finding says from
   * which line of which file, and {@link Result#readComplete()} is false: a caller that deletes
   * what a cluster no longer renders must not do so then.
   *
   * @param files each file's name (what diagnostics call it) and its UTF-8 content
   * @throws NullPointerException if {@code files}, a name or a content is null (the message
   *     names which)
   * @throws java.util.concurrent.RejectedExecutionException if the executor given to {@link
   *     #withExecutor} refuses a task; nothing is returned then
   */
  public Result render(Map<String, byte[]> files) {
    Objects.requireNonNull(files, "files");
    Map<String, byte[]> sorted = new TreeMap<>();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      String name = Objects.requireNonNull(file.getKey(), "files: a file without a name (every file needs one; "
          + "diagnostics name it)");
      sorted.put(name, Objects.requireNonNull(file.getValue(), () -> "files: no content for '" + name + "'"));
    }
    List<ReadResult> each = new ArrayList<>(sorted.size());
    for (Map.Entry<String, byte[]> file : sorted.entrySet()) {
      each.add(reader.read(file.getKey(), file.getValue()));
    }
    ReadResult read = ReadResult.builder().build().plusAll(each);
    RenderOptions.Builder options = RenderOptions.builder().profile(profile).managedByLabel(managedByLabel);
    executor.ifPresent(options::executor);
    List<ClusterManifests> clusters = new ArrayList<>();
    List<Diagnostic> general = ManifestRenderer.renderAll(read, options.build(), clusters::add);
    String label = String.join(", ", sorted.keySet());
    StringBuilder yaml = new StringBuilder(YamlManifestWriter.header(label));
    List<KubernetesObject> objects = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (ClusterManifests cluster : clusters) {
      diagnostics.addAll(cluster.diagnostics());
      objects.addAll(cluster.objects());
      yaml.append(YamlManifestWriter.writeDocuments(cluster.objects()));
    }
    diagnostics.addAll(general);
    return new Result(clusters, diagnostics, objects, yaml.toString());
  }

  /**
   * What {@link #render} found and made.
   *
   * @param clusters every cluster, ordered by seed and name, with its objects and findings
   * @param diagnostics every finding: the clusters' in their order, then those about no cluster
   * @param objects the rendered objects in {@code render --stdout} order
   * @param yaml the YAML stream {@code render --stdout} prints for the same files: a header naming
   *     them (their names, sorted and joined with ", "), then one document per object
   */
  public record Result(List<ClusterManifests> clusters, List<Diagnostic> diagnostics,
      List<KubernetesObject> objects, String yaml) {
    /** Defensive copies. */
    public Result {
      clusters = List.copyOf(clusters);
      diagnostics = List.copyOf(diagnostics);
      objects = List.copyOf(objects);
    }

    /**
     * Each object as a neutral tree in output key order ({@link ManifestTrees}): what a Kubernetes
     * client's {@code convertValue} takes.
     */
    public List<Map<String, Object>> trees() {
      return objects.stream().map(ManifestTrees::of).toList();
    }

    /**
     * True if every file was read to its end. False when a finding says some of the input was
     * not read (a syntax error, a limit, text that is not UTF-8): the clusters, seeds and
     * contexts there are missing from this result, so it is no ground for deleting anything.
     */
    public boolean readComplete() {
      return diagnostics.stream().noneMatch(d -> d.code().losesInput());
    }

    /** True if any finding is an error. */
    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(d -> d.severity() == dev.apiserverpolicy.model.Severity.ERROR);
    }
  }
}
