package dev.apiserverpolicy.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.Properties;
import dev.apiserverpolicy.testing.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fast parser is held to the full one: whenever it accepts an input, the full parser
 * must read it without error into the very same trees (values, styles, positions). Inputs
 * are generated in both block and flow style, with comments, quoting and spacing varied,
 * and a share of them mutated character by character so the edges of the subset are hit.
 */
class SubsetYamlParserTest {
  private static final ReadLimits LIMITS = ReadLimits.defaults();

  @Test
  void acceptedInputsParseToTheSameTreesAsTheFullParser() {
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger total = new AtomicInteger();
    Properties.qt(3000).forAll(longs().all()).checkAssert(seed -> {
      String text = YamlTexts.generate(new Random(seed));
      total.incrementAndGet();
      if (assertSameTreesIfAccepted(text)) {
        accepted.incrementAndGet();
      }
    });
    System.out.println("SubsetYamlParserTest: " + accepted + " of " + total
        + " generated inputs read by the fast parser, all equal to the full parser's trees");
    // Both sides of the boundary must be exercised, or the property says little.
    assertTrue(accepted.get() > total.get() / 5, accepted + " of " + total + " accepted");
    assertTrue(accepted.get() < total.get() * 9 / 10, accepted + " of " + total + " accepted");
  }

  @Test
  void chunksOfDocumentsParseToWhatOnePassParses() {
    AtomicInteger split = new AtomicInteger();
    Properties.qt(2000).forAll(longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      StringBuilder stream = new StringBuilder();
      for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
        // Mostly documents the fast parser reads on their own, so that whole streams are read too.
        String document = YamlTexts.generateUnmutated(random);
        for (int tries = 0; tries < 20 && !SubsetYamlParser.parse(document, LIMITS, d -> {}); tries++) {
          document = YamlTexts.generateUnmutated(random);
        }
        stream.append(document.startsWith("---") ? "" : "---\n").append(document);
        if (stream.charAt(stream.length() - 1) != '\n') {
          stream.append('\n');
        }
      }
      String text = random.nextInt(10) == 0 ? YamlTexts.mutate(stream.toString(), random) : stream.toString();
      List<YamlNode> whole = new ArrayList<>();
      boolean wholeAccepted = SubsetYamlParser.parse(text, LIMITS, whole::add);
      char[] chars = text.toCharArray();
      List<DocumentChunks.Chunk> chunks = DocumentChunks.split(chars, random.nextInt(200));
      List<YamlNode> chunked = new ArrayList<>();
      boolean allAccepted = true;
      for (DocumentChunks.Chunk chunk : chunks) {
        allAccepted &= SubsetYamlParser.parse(chars, chunk, LIMITS, chunked::add);
      }
      assertEquals(wholeAccepted, allAccepted, () -> chunks + " of:\n" + text);
      if (wholeAccepted) {
        assertEquals(whole, chunked, () -> chunks + " of:\n" + text);
        if (chunks.size() > 1) {
          split.incrementAndGet();
        }
      }
    });
    assertTrue(split.get() > 200, split + " accepted inputs were split");
  }

  @Test
  void examplesAndFixturesAreReadByTheFastParserWhereTheyAreInTheSubset() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> quickstart = Files.walk(ProjectFiles.quickstart())) {
      quickstart.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
    }
    int fast = 0;
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      assertTrue(assertSameTreesIfAccepted(text), file + " should be in the fast parser's subset");
      fast++;
    }
    assertTrue(fast >= 5, "read " + fast + " quickstart files");
    // KKP's own files use more of YAML (block scalars, comments between items): some are outside
    // the subset, but the plain ones must be read by the fast parser, or it has stopped working.
    List<String> declined = new ArrayList<>();
    int fixtures = 0;
    try (Stream<Path> listing = Files.list(TestData.kkpFixtures())) {
      for (Path file : listing.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        fixtures++;
        if (!assertSameTreesIfAccepted(Files.readString(file, StandardCharsets.UTF_8))) {
          declined.add(file.getFileName().toString());
        }
      }
    }
    System.out.println("SubsetYamlParserTest: the fast parser declines " + declined.size() + " of " + fixtures
        + " KKP fixtures: " + declined);
    // Today three: two hold block scalars (the ConfigMap, the KubermaticConfiguration) and the
    // Seed a comment right after a list item's dash.
    assertTrue(fixtures == 21 && declined.size() <= 3, declined + " of " + fixtures + " declined");
  }

  @Test
  void mutatedExamplesAndFixturesParseToTheSameTreesWhenAccepted() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> quickstart = Files.walk(ProjectFiles.quickstart())) {
      quickstart.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
    }
    files.add(TestData.fixture("cluster-aws.yaml"));
    files.add(TestData.fixture("zz_generated.seed.ce.yaml"));
    Random random = new Random(Long.getLong("qt.seed", 20261128L));
    int accepted = 0;
    int total = 0;
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      for (int i = 0; i < 400; i++) {
        total++;
        if (assertSameTreesIfAccepted(YamlTexts.mutate(text, random))) {
          accepted++;
        }
      }
    }
    System.out.println("SubsetYamlParserTest: " + accepted + " of " + total
        + " mutated examples and fixtures read by the fast parser, all equal to the full parser's trees");
    assertTrue(accepted > total / 5, accepted + " of " + total + " accepted");
  }

  @Test
  void commonShapesAreInTheSubset() {
    for (String text : List.of(
        "a: 1\n",
        "---\napiVersion: v1\nkind: List\nitems:\n- a: 1\n  b: [x, 'y', \"z\"]\n- {c: d}\n",
        "{\"apiVersion\": \"v1\", \"kind\": \"Cluster\",\n \"spec\": {\"ports\": [443, 6443]}\n}\n",
        "# comment\n\nkey:   value   # trailing\nlist:\n  - 10.0.0.0/8\n  -   \"::1/128\"\nempty:\n",
        "url: https://dex.example.com:5556/dex\nnested: {url: https://x.example.com/a}\n")) {
      assertTrue(assertSameTreesIfAccepted(text), text);
    }
  }

  @Test
  void constructsOutsideTheSubsetAreLeftToTheFullParser() {
    for (String text : List.of(
        "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: |\n  text\n", "a: b\n  c\n", "a:\tb\n", "a: b\r\n",
        "%YAML 1.2\n---\na: 1\n", "? a\n: b\n", "a: 'x\n  y'\n", "a: [b, c,]\n", "a: b: c\n", "a: 1\n...\n",
        "a: \"\\x41\"\n", "a: \"\\ud83d\\ude00\"\n", "[a]: b\n")) {
      assertFalse(SubsetYamlParser.parse(text, LIMITS, d -> {}), text);
    }
  }

  @Test
  void limitsAreLeftToTheFullParserToReport() {
    ReadLimits shallow = ReadLimits.builder().maxDepth(3).build();
    assertTrue(SubsetYamlParser.parse("a: {b: [c]}\n", shallow, d -> {}));
    assertFalse(SubsetYamlParser.parse("a: {b: [[c]]}\n", shallow, d -> {}));
    ReadLimits small = ReadLimits.builder().maxDocumentChars(20).build();
    assertFalse(SubsetYamlParser.parse("a: 0123456789012345678901234\n", small, d -> {}));
  }

  /** Asserts equal trees when the fast parser accepts; returns whether it did. */
  static boolean assertSameTreesIfAccepted(String text) {
    List<YamlNode> fast = new ArrayList<>();
    if (!SubsetYamlParser.parse(text, LIMITS, fast::add)) {
      return false;
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<YamlNode> full = new YamlStream(LIMITS).compose("in", text, diagnostics);
    assertEquals(List.of(), diagnostics.stream().map(Diagnostic::describe).toList(),
        () -> "the fast parser accepted what the full parser rejects:\n" + text);
    assertEquals(full, fast, () -> "different trees for:\n" + text);
    return true;
  }
}
