package dev.apiserverpolicy;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.manifest.KubernetesObject;
import dev.apiserverpolicy.read.ManifestReader;
import dev.apiserverpolicy.render.ClusterInputs;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.bind.HostsToResolve;
import dev.apiserverpolicy.render.engine.ManifestRenderer;
import dev.apiserverpolicy.render.yaml.ManifestTrees;
import dev.apiserverpolicy.render.yaml.YamlManifestWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The front door, and the one the CLI uses: YAML or JSON files (or inputs read or built
 * already) in, rendered objects, YAML and every finding out, as {@code apiserver-policy render
 * --stdout} gives them for the same files.
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
 *
 * @since 0.1.0
 */
public final class ApiserverPolicy {
  private final RenderOptions options;
  private final ManifestReader reader;

  private ApiserverPolicy(RenderOptions options) {
    this.options = options;
    this.reader = options.executor().map(ManifestReader.create()::withExecutor).orElse(ManifestReader.create());
  }

  /**
   * Each RenderContext's own profile (else kkp-v2.31) and managed-by label (else none), existing
   * clusters, the common pool.
   */
  public static ApiserverPolicy create() {
    return new ApiserverPolicy(RenderOptions.defaults());
  }

  /** The same choices as {@code options} (profile, managed-by label, new clusters, executor). */
  public static ApiserverPolicy create(RenderOptions options) {
    return new ApiserverPolicy(Objects.requireNonNull(options, "options"));
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
    return withProfile(chosen);
  }

  /** The same, with {@code profile} for every cluster. */
  public ApiserverPolicy withProfile(Profile profile) {
    return new ApiserverPolicy(RenderOptions.builder().from(options).profile(Objects.requireNonNull(profile,
        "profile")).build());
  }

  /**
   * The same, for clusters being created (true): each is defaulted from its seed's default
   * ClusterTemplate first, as {@code render --new} does; or for existing clusters (false).
   */
  public ApiserverPolicy withNewClusters(boolean created) {
    return new ApiserverPolicy(RenderOptions.builder().from(options).newClusters(created).build());
  }

  /**
   * The same, reading and rendering on {@code executor} ({@code Runnable::run}: the calling thread
   * only). An executor that refuses a task (a pool shut down, a full queue) makes {@link #render}
   * throw its {@link java.util.concurrent.RejectedExecutionException}: a render is never half done.
   */
  public ApiserverPolicy withExecutor(Executor executor) {
    return new ApiserverPolicy(RenderOptions.builder().from(options).executor(Objects.requireNonNull(executor,
        "executor")).build());
  }

  /**
   * The same, with {@code app.kubernetes.io/managed-by: apiserver-policy} on every object (true) or
   * on none (false), whatever the RenderContexts say.
   */
  public ApiserverPolicy withManagedByLabel(boolean on) {
    return new ApiserverPolicy(RenderOptions.builder().from(options).managedByLabel(on).build());
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
    List<Inputs> each = new ArrayList<>(sorted.size());
    for (Map.Entry<String, byte[]> file : sorted.entrySet()) {
      each.add(reader.read(file.getKey(), file.getValue()));
    }
    return render(Inputs.builder().build().plusAll(each), String.join(", ", sorted.keySet()));
  }

  /** What the YAML's header names for inputs built in code: {@value}. */
  public static final String BUILT_IN_CODE = "inputs built in code";

  /**
   * Binds, validates and renders inputs built in code ({@link Inputs#builder()}), as {@link
   * #render(Map)} does after reading: the same {@link Result}, its YAML's header naming {@value
   * #BUILT_IN_CODE}. The same inputs written as files and read give the same objects.
   */
  public Result render(Inputs inputs) {
    return render(inputs, BUILT_IN_CODE);
  }

  /**
   * Binds, validates and renders what has been read already (by the CLI, say) or built in code,
   * as {@link #render(Map)} does after reading.
   *
   * @param inputs the inputs, and the findings of reading them when they were read
   * @param label what the YAML's header says it was generated from
   */
  public Result render(Inputs inputs, String label) {
    Inputs read = Objects.requireNonNull(inputs, "inputs");
    List<ClusterManifests> clusters = new ArrayList<>();
    List<Diagnostic> general = renderEach(read, c -> c, clusters::add);
    StringBuilder yaml = new StringBuilder(yamlHeader(Objects.requireNonNull(label, "label")));
    List<KubernetesObject> objects = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (ClusterManifests cluster : clusters) {
      diagnostics.addAll(cluster.diagnostics());
      objects.addAll(cluster.objects());
      yaml.append(yamlDocuments(cluster));
    }
    diagnostics.addAll(general);
    return new Result(clusters, diagnostics, objects, yaml.toString());
  }

  /**
   * Like {@link #render(Inputs, String)}, for inputs too large to hold rendered: each cluster
   * is first passed through {@code eachInParallel} on the rendering threads (to turn it into YAML
   * with {@link #yamlDocuments}, say), and {@code inOrder} receives what that returns, in order
   * (seed, then cluster), on the calling thread, as soon as it and every cluster before it are
   * done; nothing is kept. {@code eachInParallel} must be safe to call from several threads.
   *
   * @return the findings that name no cluster
   */
  public <T> List<Diagnostic> renderEach(Inputs read,
      Function<? super ClusterManifests, ? extends T> eachInParallel, Consumer<? super T> inOrder) {
    return ManifestRenderer.renderAll(read, options, eachInParallel, inOrder);
  }

  /** One cluster built in code, with its seed and context validated first; never throws on bad input. */
  public ClusterManifests render(ClusterInputs inputs) {
    return ManifestRenderer.render(Objects.requireNonNull(inputs, "inputs"), options);
  }

  /**
   * The start of the {@code render --stdout} stream: the generated header naming {@code label}. The
   * stream is this, then {@link #yamlDocuments} of each cluster in order; {@link Result#yaml()} is
   * that stream.
   */
  public static String yamlHeader(String label) {
    return YamlManifestWriter.header(label);
  }

  /** A cluster's part of the {@code render --stdout} stream: each object after {@code ---}, in order. */
  public static String yamlDocuments(ClusterManifests cluster) {
    return YamlManifestWriter.writeDocuments(cluster.objects());
  }

  /**
   * The host names whose addresses rendering {@code inputs} needs, each with the objects that name
   * it, in order: what a caller looks up and hands back as a {@code ResolvedHosts} input (the CLI's
   * {@code resolve}). Pure: nothing is looked up here.
   */
  public static SortedMap<String, List<String>> hostsToResolve(Inputs inputs) {
    return HostsToResolve.of(inputs);
  }

  /** True if an error with {@code code} goes away once the hosts of {@link #hostsToResolve} are resolved. */
  public static boolean fixedByResolving(DiagnosticCode code) {
    return HostsToResolve.fixedByResolving(code);
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

    /** The findings that name no cluster (files, seeds, contexts, templates): the end of {@link #diagnostics}. */
    public List<Diagnostic> generalFindings() {
      int ofClusters = clusters.stream().mapToInt(c -> c.diagnostics().size()).sum();
      return diagnostics.subList(ofClusters, diagnostics.size());
    }

    /** Every finding with those about no cluster first, then each cluster's, as {@code lint} lists them. */
    public List<Diagnostic> generalFindingsFirst() {
      List<Diagnostic> all = new ArrayList<>(generalFindings());
      all.addAll(diagnostics.subList(0, diagnostics.size() - all.size()));
      return List.copyOf(all);
    }

    /** True if any finding is an error. */
    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(d -> d.severity() == dev.apiserverpolicy.model.Severity.ERROR);
    }
  }
}
