package dev.apiserverpolicy.model.read;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Turns bytes or text into YAML node trees, one per document, under {@link ReadLimits}.
 * Only composes nodes (no Java objects are constructed), so no YAML tag can instantiate
 * anything and aliases are shared nodes rather than copies.
 */
final class YamlStream {
  private final ReadLimits limits;

  YamlStream(ReadLimits limits) {
    this.limits = limits;
  }

  /** Strict UTF-8 decoding; a byte-order mark is dropped, any other encoding is reported. */
  Optional<String> decode(String source, byte[] bytes, List<Diagnostic> sink) {
    if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
        || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      sink.add(fileDiagnostic(source, DiagnosticCode.INPUT_ENCODING, 1, 1,
          "the input is UTF-16, not UTF-8", "save the file as UTF-8"));
      return Optional.empty();
    }
    int offset = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB
        && bytes[2] == (byte) 0xBF ? 3 : 0;
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    try {
      CharBuffer chars = decoder.decode(in);
      return Optional.of(chars.toString());
    } catch (CharacterCodingException e) {
      int bad = firstInvalidUtf8(bytes, offset);
      int[] lineCol = lineAndColumn(bytes, offset, bad);
      sink.add(fileDiagnostic(source, DiagnosticCode.INPUT_ENCODING, lineCol[0], lineCol[1],
          "the input is not UTF-8 text (invalid byte 0x"
              + String.format(Locale.ROOT, "%02x", bytes[bad] & 0xFF) + " at offset " + bad + ")",
          "pass YAML or JSON text encoded as UTF-8; binary files cannot be read"));
      return Optional.empty();
    }
  }

  private static int firstInvalidUtf8(byte[] bytes, int from) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    decoder.decode(in, out, true);
    return Math.min(in.position(), bytes.length - 1);
  }

  private static int[] lineAndColumn(byte[] bytes, int from, int to) {
    int line = 1;
    int column = 1;
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n') {
        line++;
        column = 1;
      } else if ((bytes[i] & 0xC0) != 0x80) {
        column++;
      }
    }
    return new int[] {line, column};
  }

  /**
   * Composes every document. Stops at the first error, which is reported with its
   * position; documents before it are returned.
   */
  List<Node> compose(String source, String text, List<Diagnostic> sink) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(limits.maxCollectionAliases());
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(limits.maxDepth());
    options.setCodePointLimit(limits.maxDocumentChars());
    options.setProcessComments(false);
    DumperOptions dumper = new DumperOptions();
    Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options,
        new Resolver());
    List<Node> documents = new ArrayList<>();
    try {
      Iterator<Node> it = yaml.composeAll(new StringReader(text)).iterator();
      while (it.hasNext()) {
        Node doc = it.next();
        if (doc != null) {
          documents.add(doc);
        }
      }
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = m == null ? 0 : m.getLine() + 1;
      int column = m == null ? 0 : m.getColumn() + 1;
      String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
      String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
      sink.add(fileDiagnostic(source, DiagnosticCode.YAML_SYNTAX, line, column,
          "YAML syntax error: " + problem + context,
          "fix the YAML at this position; documents after it were not read"));
    } catch (ReaderException e) {
      sink.add(fileDiagnostic(source, DiagnosticCode.INPUT_ENCODING, 0, 0,
          "the input contains a character YAML does not allow (code point 0x"
              + Integer.toHexString(e.getCodePoint()) + " at character " + e.getPosition() + ")",
          "pass YAML or JSON text; binary data and control characters cannot be read"));
    } catch (YAMLException e) {
      sink.add(limitDiagnostic(source, e));
    }
    return documents;
  }

  private Diagnostic limitDiagnostic(String source, YAMLException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("aliases")) {
      return fileDiagnostic(source, DiagnosticCode.YAML_ALIAS_LIMIT, 0, 0,
          "more than " + limits.maxCollectionAliases()
              + " aliases to mappings or lists in one document (a possible alias bomb)",
          "write the repeated parts out, or split the document");
    }
    if (message.contains("Nesting Depth")) {
      return fileDiagnostic(source, DiagnosticCode.YAML_DEPTH_LIMIT, 0, 0,
          "mappings and lists nested more than " + limits.maxDepth() + " levels deep",
          "flatten the document; Kubernetes objects never nest this deep");
    }
    if (message.contains("exceeds the limit")) {
      return fileDiagnostic(source, DiagnosticCode.DOCUMENT_TOO_LARGE, 0, 0,
          "a document is larger than " + limits.maxDocumentChars() + " characters",
          "split the input into smaller documents");
    }
    if (message.contains("Recursive key")) {
      return fileDiagnostic(source, DiagnosticCode.YAML_ALIAS_LIMIT, 0, 0,
          "a mapping key refers to itself through an alias", "remove the recursive alias");
    }
    return fileDiagnostic(source, DiagnosticCode.YAML_SYNTAX, 0, 0,
        "YAML error: " + message, "fix the YAML; documents after it were not read");
  }

  static Diagnostic fileDiagnostic(String source, DiagnosticCode code, int line, int column,
      String message, String hint) {
    return Diagnostic.builder()
        .code(code)
        .file(source)
        .line(line)
        .column(column)
        .message(message)
        .hint(hint)
        .build();
  }
}
