package dev.apiserverpolicy.read;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.FieldPath;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.OrderedTasks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Reads YAML or JSON text (several documents, {@code List} kinds too) into model objects.
 *
 * <p>Never throws on bad input: everything wrong becomes a {@link Diagnostic} with file,
 * line and column. It reads only what the caller hands it; it opens no files. Instances
 * are immutable and safe to share between threads.
 *
 * @since 0.1.0
 */
public final class ManifestReader {
  /** Group and version of the KKP kinds read. */
  public static final String KKP_API_VERSION = "kubermatic.k8c.io/v1";
  /** Group and version of our own kinds. */
  public static final String OWN_API_VERSION = "apiserver-policy.dev/v1alpha1";

  private static final String KKP_GROUP = "kubermatic.k8c.io/";
  private static final String LEGACY_KKP_GROUP = "kubermatic.k8s.io/";
  private static final String OWN_GROUP = "apiserver-policy.dev/";
  private static final Set<String> KKP_KINDS = Set.of("Cluster", "Seed", "ClusterTemplate", "KubermaticConfiguration");
  private static final Set<String> OWN_KINDS = Set.of("RenderContext", "ResolvedHosts", "Suppressions");
  /** Group and version of the seed's EndpointSlices. */
  public static final String ENDPOINT_SLICE_API_VERSION = "discovery.k8s.io/v1";

  private final ReadLimits limits;
  private final YamlStream yaml;
  private final Optional<Executor> executor;

  private ManifestReader(ReadLimits limits, Optional<Executor> executor) {
    this.limits = limits;
    this.yaml = new YamlStream(limits);
    this.executor = executor;
  }

  /**
   * A reader with {@link ReadLimits#defaults()}. A large input is parsed in runs of documents
   * side by side on the common fork-join pool, unless {@link #withExecutor} names another.
   */
  public static ManifestReader create() {
    return new ManifestReader(ReadLimits.defaults(), Optional.empty());
  }

  /** A reader with other limits. */
  public static ManifestReader create(ReadLimits limits) {
    return new ManifestReader(Objects.requireNonNull(limits, "limits"), Optional.empty());
  }

  /**
   * This reader, parsing runs of documents on {@code executor} instead of the common pool
   * ({@code Runnable::run} reads everything on the calling thread).
   */
  public ManifestReader withExecutor(Executor executor) {
    return new ManifestReader(limits, Optional.of(Objects.requireNonNull(executor, "executor")));
  }

  /** Reads text; {@code source} names it in diagnostics (a file name, {@code <stdin>}). */
  public Inputs read(String source, String text) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
    if (text.length() > limits.maxInputBytes()) {
      return Inputs.builder().addDiagnostics(tooLarge(source)).build();
    }
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return readText(source, body);
  }

  /** Reads UTF-8 bytes. */
  public Inputs read(String source, byte[] bytes) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length > limits.maxInputBytes()) {
      return Inputs.builder().addDiagnostics(tooLarge(source)).build();
    }
    // Before decoding: a huge document is refused at the cost of one pass over its bytes. (Text
    // in another encoding is left to the decoder, which says which one it is.)
    Optional<DocumentSizes.Oversized> oversized = YamlStream.foreignEncoding(bytes).isPresent() ? Optional.empty()
        : DocumentSizes.firstOversized(bytes, YamlStream.bomLength(bytes), limits.maxDocumentChars());
    if (oversized.isPresent()) {
      return documentTooLarge(source, oversized.get());
    }
    List<Diagnostic> sink = new ArrayList<>();
    Optional<String> text = yaml.decode(source, bytes, sink);
    if (text.isEmpty()) {
      return Inputs.builder().diagnostics(sink).build();
    }
    return readText(source, text.get());
  }

  /**
   * Reads a UTF-8 stream to its end (or to the input limit, whichever comes first). The
   * stream is not closed. An I/O failure becomes a diagnostic.
   */
  public Inputs read(String source, InputStream in) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(in, "in");
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[64 * 1024];
    long total = 0;
    try {
      int n;
      while ((n = in.read(chunk)) >= 0) {
        total += n;
        if (total > limits.maxInputBytes()) {
          return Inputs.builder().addDiagnostics(tooLarge(source)).build();
        }
        buffer.write(chunk, 0, n);
      }
    } catch (IOException e) {
      return Inputs.builder().addDiagnostics(YamlStream.fileDiagnostic(source,
          DiagnosticCode.INPUT_UNREADABLE, 0, 0, "the input could not be read: " + e.getMessage(),
          "check that the file exists and is readable")).build();
    }
    return read(source, buffer.toByteArray());
  }

  private Inputs documentTooLarge(String source, DocumentSizes.Oversized oversized) {
    return Inputs.builder().addDiagnostics(YamlStream.fileDiagnostic(source, DiagnosticCode.DOCUMENT_TOO_LARGE,
        oversized.line(), 1,
        "the document starting here is larger than " + limits.maxDocumentChars() + " characters (at least "
            + oversized.chars() + "); nothing in this input was read",
        "split it into smaller documents (a line '---' starts the next one)")).build();
  }

  private Diagnostic tooLarge(String source) {
    return YamlStream.fileDiagnostic(source, DiagnosticCode.INPUT_TOO_LARGE, 0, 0,
        "the input is larger than " + limits.maxInputBytes() + " bytes",
        "split it into several files");
  }

  private Inputs readText(String source, String text) {
    Optional<DocumentSizes.Oversized> oversized = DocumentSizes.firstOversized(text, limits.maxDocumentChars());
    if (oversized.isPresent()) {
      return documentTooLarge(source, oversized.get());
    }
    // Most inputs are in the subset the fast parser reads: runs of documents are parsed and
    // bound on every core, each document as soon as it is parsed, so no tree outlives its
    // document. If any run leaves the subset, the full parser reads the whole input.
    char[] chars = text.toCharArray();
    List<DocumentChunks.Chunk> chunks = DocumentChunks.split(chars, CHUNK_CHARS);
    List<ChunkRead> reads = OrderedTasks.map(chunks, chunk -> readChunk(source, chars, chunk), executor);
    if (reads.stream().allMatch(ChunkRead::parsed)) {
      Inputs.Builder fast = Inputs.builder();
      List<Diagnostic> fastSink = new ArrayList<>();
      int documents = 0;
      for (ChunkRead read : reads) {
        Inputs r = read.result();
        fast.addAllClusters(r.clusters()).addAllSeeds(r.seeds()).addAllTemplates(r.templates())
            .addAllContexts(r.contexts()).addAllKubermaticConfigurations(r.kubermaticConfigurations())
            .addAllSeedApiEndpoints(r.seedApiEndpoints()).addAllResolvedHosts(r.resolvedHosts())
            .addAllSuppressions(r.suppressions());
        fastSink.addAll(r.diagnostics());
        documents += read.documents();
      }
      return finish(source, documents == 0, fast, fastSink);
    }
    Inputs.Builder result = Inputs.builder();
    List<Diagnostic> sink = new ArrayList<>();
    List<YamlNode> documents = yaml.compose(source, text, sink);
    for (YamlNode document : documents) {
      readDocument(source, document, result, sink);
    }
    return finish(source, documents.isEmpty(), result, sink);
  }

  /** Characters per run of documents read on one core: large enough to keep the overhead small. */
  private static final int CHUNK_CHARS = 64 * 1024;

  /** What one run of documents read to; {@code parsed} is false if it left the fast parser's subset. */
  private record ChunkRead(boolean parsed, Inputs result, int documents) {}

  private ChunkRead readChunk(String source, char[] text, DocumentChunks.Chunk chunk) {
    Inputs.Builder result = Inputs.builder();
    List<Diagnostic> sink = new ArrayList<>();
    int[] documents = {0};
    boolean parsed = SubsetYamlParser.parse(text, chunk, limits, document -> {
      documents[0]++;
      readDocument(source, document, result, sink);
    });
    return parsed ? new ChunkRead(true, result.diagnostics(sink).build(), documents[0])
        : new ChunkRead(false, null, 0);
  }

  private static Inputs finish(String source, boolean noDocuments, Inputs.Builder result,
      List<Diagnostic> sink) {
    if (noDocuments && sink.isEmpty()) {
      sink.add(YamlStream.fileDiagnostic(source, DiagnosticCode.INPUT_EMPTY, 0, 0,
          "the input holds no YAML or JSON document", "remove the file, or add the objects it should hold"));
    }
    return result.diagnostics(sink).build();
  }

  private void readDocument(String source, YamlNode document, Inputs.Builder result, List<Diagnostic> sink) {
    try {
      readObject(source, document, Optional.empty(), result, sink);
    } catch (RuntimeException | StackOverflowError e) {
      // A defect of ours must not take the other documents down with it.
      sink.add(Diagnostic.builder()
          .code(DiagnosticCode.INTERNAL_ERROR)
          .file(source)
          .line(document.start().line())
          .column(document.start().column())
          .message("internal error while reading this document: " + e)
          .hint("please report this with the input that caused it")
          .build());
    }
  }

  /** Reads one object; {@code inherited} is the apiVersion and kind implied by a typed List. */
  private void readObject(String source, YamlNode node, Optional<String[]> inherited, Inputs.Builder result,
      List<Diagnostic> sink) {
    ReadScope scope = new ReadScope(source, sink, node);
    Optional<FieldReader> opened = FieldReader.open(scope, FieldPath.root(), node);
    if (opened.isEmpty()) {
      scope.report(DiagnosticCode.DOCUMENT_NOT_OBJECT, node, FieldPath.root(),
          "expected an object (a YAML mapping or JSON object), found " + FieldReader.describe(node),
          "each document must be a Kubernetes object with apiVersion and kind");
      return;
    }
    FieldReader doc = opened.get();
    Optional<String> apiVersion = doc.string("apiVersion");
    Optional<String> kind = doc.string("kind");
    if ((apiVersion.isEmpty() || kind.isEmpty()) && inherited.isPresent()) {
      apiVersion = apiVersion.or(() -> Optional.of(inherited.get()[0]));
      kind = kind.or(() -> Optional.of(inherited.get()[1]));
    }
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      scope.report(DiagnosticCode.NOT_A_KUBERNETES_OBJECT, node, FieldPath.root(),
          "document has no " + (apiVersion.isEmpty() ? "apiVersion" : "kind") + "; skipped",
          "add apiVersion and kind if this document should be read");
      return;
    }
    String v = apiVersion.get();
    String k = kind.get();
    if (KKP_API_VERSION.equals(v) && k.equals("Cluster")) {
      KkpObjectBinder.cluster(doc).ifPresent(cluster -> {
        result.addClusters(cluster);
        result.addAllSuppressions(SuppressionsBinder.ofCluster(doc, cluster.name()));
      });
    } else if (KKP_API_VERSION.equals(v) && k.equals("Seed")) {
      KkpObjectBinder.seed(doc).ifPresent(result::addSeeds);
    } else if (KKP_API_VERSION.equals(v) && k.equals("ClusterTemplate")) {
      KkpObjectBinder.template(doc).ifPresent(result::addTemplates);
    } else if (KKP_API_VERSION.equals(v) && k.equals("KubermaticConfiguration")) {
      KkpObjectBinder.kubermaticConfiguration(doc).ifPresent(result::addKubermaticConfigurations);
    } else if (OWN_API_VERSION.equals(v) && OWN_KINDS.contains(k)) {
      readOwnKind(doc, k, result);
    } else if (ENDPOINT_SLICE_API_VERSION.equals(v) && k.equals("EndpointSlice")) {
      SeedEndpointsBinder.endpointSlice(doc).ifPresent(result::addSeedApiEndpoints);
    } else if ("v1".equals(v) && k.equals("Endpoints")) {
      SeedEndpointsBinder.endpoints(doc).ifPresent(result::addSeedApiEndpoints);
    } else if (k.endsWith("List") && doc.has("items")) {
      readList(source, doc, v, k, result, sink);
    } else if ((v.startsWith(KKP_GROUP) || v.startsWith(LEGACY_KKP_GROUP)) && KKP_KINDS.contains(k)
        || v.startsWith(OWN_GROUP) && OWN_KINDS.contains(k)) {
      String expected = KKP_KINDS.contains(k) ? KKP_API_VERSION : OWN_API_VERSION;
      scope.report(DiagnosticCode.API_VERSION_UNSUPPORTED, doc.value("apiVersion").orElse(node), doc
          .child("apiVersion"),
          k + " with apiVersion " + v + " is not read",
          "write apiVersion: " + expected + (v.startsWith(LEGACY_KKP_GROUP)
              ? " (kubermatic.k8s.io is the legacy group)" : ""));
    } else {
      scope.report(DiagnosticCode.KIND_SKIPPED, doc.value("kind").orElse(node), doc.child("kind"),
          v + " " + k + " is not an input of apiserver-policy; skipped",
          "nothing to do; only KKP Cluster, Seed, ClusterTemplate, KubermaticConfiguration, RenderContext, "
              + "ResolvedHosts, Suppressions and the seed's default/kubernetes EndpointSlices or Endpoints are read");
    }
  }

  /** One of {@link #OWN_KINDS}, at apiVersion {@code apiserver-policy.dev/v1alpha1}. */
  private static void readOwnKind(FieldReader doc, String kind, Inputs.Builder result) {
    switch (kind) {
      case "RenderContext" -> RenderContextBinder.bind(doc).ifPresent(result::addContexts);
      case "ResolvedHosts" -> ResolvedHostsBinder.bind(doc).ifPresent(result::addResolvedHosts);
      case "Suppressions" -> result.addAllSuppressions(SuppressionsBinder.ofDocument(doc));
      default -> throw new IllegalArgumentException("not a kind of ours: " + kind);
    }
  }

  private void readList(String source, FieldReader doc, String apiVersion, String kind,
      Inputs.Builder result, List<Diagnostic> sink) {
    if (doc.scope().errors() > 0) {
      // Which items the list really holds is in doubt (a second 'items' key, say): read none.
      doc.report(DiagnosticCode.LIST_NOT_READ, doc.node(), doc.child("items"),
          "the " + kind + " has errors, so none of its items were read",
          "fix the errors reported for this " + kind);
      return;
    }
    Optional<YamlNode> items = doc.value("items");
    if (items.isEmpty()) {
      return;
    }
    if (!(items.get() instanceof YamlNode.Sequence seq)) {
      doc.report(DiagnosticCode.FIELD_TYPE, items.get(), doc.child("items"),
          "expected a list, found " + FieldReader.describe(items.get()), "items must be a list of objects");
      return;
    }
    // A typed list (ClusterList) implies its items' kind; a plain v1 List does not.
    String itemKind = kind.substring(0, kind.length() - "List".length());
    Optional<String[]> inherited = itemKind.isEmpty() ? Optional.empty()
        : Optional.of(new String[] {apiVersion, itemKind});
    for (YamlNode item : seq.items()) {
      readObject(source, item, inherited, result, sink);
    }
  }
}
