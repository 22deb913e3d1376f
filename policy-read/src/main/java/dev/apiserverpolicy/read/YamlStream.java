package dev.apiserverpolicy.read;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Turns bytes or text into YAML node trees, one per document, under {@link ReadLimits}.
 * Only composes nodes (no Java objects are constructed), so no YAML tag can instantiate
 * anything, and aliases are shared nodes rather than copies.
 */
final class YamlStream {
  private final ReadLimits limits;

  YamlStream(ReadLimits limits) {
    this.limits = limits;
  }

  /** Strict UTF-8 decoding; a byte-order mark is dropped, any other encoding is reported. */
  Optional<String> decode(String source, byte[] bytes, List<Diagnostic> sink) {
    Optional<String> foreign = foreignEncoding(bytes);
    if (foreign.isPresent()) {
      sink.add(fileDiagnostic(source, DiagnosticCode.INPUT_ENCODING, 1, 1,
          "the input is " + foreign.get() + ", not UTF-8", "save the file as UTF-8"));
      return Optional.empty();
    }
    int offset = bomLength(bytes);
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

  /**
   * The encoding a byte-order mark names, when it is not UTF-8's. UTF-32's marks are tested
   * first: the little-endian one starts with UTF-16's ({@code FF FE 00 00}).
   */
  static Optional<String> foreignEncoding(byte[] bytes) {
    if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
      return Optional.of("UTF-32 (big-endian)");
    }
    if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
      return Optional.of("UTF-32 (little-endian)");
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return Optional.of("UTF-16 (big-endian)");
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return Optional.of("UTF-16 (little-endian)");
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** 3 if the bytes start with UTF-8's byte-order mark, else 0. */
  static int bomLength(byte[] bytes) {
    return bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
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
  List<YamlNode> compose(String source, String text, List<Diagnostic> sink) {
    // The whole document in one buffer: the parser copies its window on each refill, which
    // is quadratic in the length of one token when the buffer is small.
    LoadSettings settings = LoadSettings.builder()
        .setBufferSize((int) Math.min(text.length() + 1L, limits.maxDocumentChars() + 1L))
        .setCodePointLimit(Integer.MAX_VALUE)
        .setMaxAliasesForCollections(Integer.MAX_VALUE)
        .setParseComments(false)
        .build();
    YamlComposer composer = new YamlComposer(limits);
    int before = sink.size();
    try {
      // The parser and scanner packages are exported by snakeyaml-engine's module (api.lowlevel is not),
      // so this also works when the library runs on the module path.
      ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
      while (parser.hasNext()) {
        Event event = parser.next();
        composer.accept(event);
      }
    } catch (YamlComposer.LimitExceeded e) {
      DiagnosticCode code = switch (e.kind) {
        case DEPTH -> DiagnosticCode.YAML_DEPTH_LIMIT;
        case ALIASES, UNDEFINED_ALIAS -> DiagnosticCode.YAML_ALIAS_LIMIT;
        case DOCUMENT_SIZE -> DiagnosticCode.DOCUMENT_TOO_LARGE;
      };
      String hint = switch (e.kind) {
        case DEPTH -> "flatten the document; Kubernetes objects never nest this deep";
        case ALIASES -> "write the repeated parts out, or split the document";
        case UNDEFINED_ALIAS -> "define the anchor before the alias, outside the node it names";
        case DOCUMENT_SIZE -> "split the input into smaller documents";
      };
      sink.add(fileDiagnostic(source, code, e.at.line(), e.at.column(), e.getMessage(), hint));
    } catch (ReaderException e) {
      sink.add(fileDiagnostic(source, DiagnosticCode.INPUT_ENCODING, 0, 0,
          "the input contains a character YAML does not allow (code point 0x"
              + Integer.toHexString(e.getCodePoint()) + " at character " + e.getPosition() + ")",
          "pass YAML or JSON text; binary data and control characters cannot be read"));
    } catch (MarkedYamlEngineException e) {
      sink.add(syntaxError(source, text, e));
    } catch (YamlEngineException e) {
      sink.add(fileDiagnostic(source, DiagnosticCode.YAML_SYNTAX, 0, 0,
          "YAML error: " + e.getMessage(), "fix the YAML; documents after it were not read"));
    }
    if (sink.size() > before) {
      int last = sink.size() - 1;
      sink.set(last, namingWhatWasNotRead(sink.get(last), source, composer.openDocumentLine()));
    }
    return composer.documents();
  }

  /**
   * A syntax error at the parser's position, unless it comes from a key written without its ':':
   * then at the key's line (the parser notices only on a later line), with the key as it should
   * be written.
   */
  private static Diagnostic syntaxError(String source, String text, MarkedYamlEngineException e) {
    Optional<Mark> m = e.getProblemMark().or(e::getContextMark);
    int line = m.map(x -> x.getLine() + 1).orElse(0);
    int column = m.map(x -> x.getColumn() + 1).orElse(0);
    String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
    String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
    boolean keyProblem = problem.startsWith("mapping values are not allowed")
        || problem.startsWith("could not find expected ':'");
    Optional<MissingColon.Found> colon = keyProblem ? MissingColon.before(text, line) : Optional.empty();
    if (colon.isPresent()) {
      MissingColon.Found f = colon.get();
      return fileDiagnostic(source, DiagnosticCode.YAML_SYNTAX, f.line(), f.column(), "YAML syntax error: '"
          + MissingColon.shown(f.written()) + "' has no ':' after its key, so the lines after it were read as "
          + "part of its value (" + problem + " at line " + line + ")", "write '"
          + MissingColon.shown(f.fixed()) + "'; documents after it were not read");
    }
    return fileDiagnostic(source, DiagnosticCode.YAML_SYNTAX, line, column, "YAML syntax error: " + problem + context,
        "fix the YAML at this position; documents after it were not read");
  }

  /**
   * The error that stopped composition, saying what it leaves out: from the start of the document
   * being composed (or, between documents, the error's own line) to the end of the input. A
   * caller that prunes by what it read must know.
   */
  private static Diagnostic namingWhatWasNotRead(Diagnostic error, String source, int openDocument) {
    int from = openDocument > 0 ? openDocument : Math.max(error.line(), 1);
    return Diagnostic.builder().from(error).message(error.message() + "; not read: " + source + " from line " + from
        + " to its end (any object there is missing)").build();
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
