package dev.apiserverpolicy.render.bind;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.read.ManifestReader;
import dev.apiserverpolicy.render.BoundInputs;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.Rendering;
import dev.apiserverpolicy.render.TestInputs;
import dev.apiserverpolicy.render.engine.ManifestRenderer;
import dev.apiserverpolicy.render.yaml.YamlManifestWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random mutations of real KKP objects and of our own examples: reading,
 * validation and rendering must answer every one with diagnostics, never an exception or
 * an internal error. A failing input is written under {@code target/fuzz-failures} to reproduce it.
 */
class ReaderFuzzTest {
  private static final long SEED = Long.getLong("fuzz.seed", 20261128L);
  private static final int MUTATIONS_PER_INPUT = Integer.getInteger("fuzz.mutations", 600);
  private static final Pattern VALUE = Pattern.compile("(?m)(:\\s+)([^\\s{\\[#][^\\n#]*)$");
  private static final Pattern KEY_LINE = Pattern.compile("(?m)^[ \\t-]*[A-Za-z][\\w.-]*:.*$");
  private static final String[] REPLACEMENTS = {
      "[]", "{}", "123", "-1", "99999999999999999999", "true", "no", "null", "~", "\"\"", "[a, [b, {c: d}]]",
      "{x: 1}", "0x1F", "0443", "1e3", "&anchor value", "*anchor", "!!binary aGk=", "!custom tag", "'quoted'",
      "|\n  block", "10.0.0.1/8", "::ffff:1.2.3.4/128", "\"\\u0000\"", "- item", "? complex"};

  private static final String SPECIALS = "{}[]&*!%|>-:,?'\"#\t\n";

  private final ManifestReader reader = ManifestReader.create();

  @Test
  void mutatedInputsOnlyEverYieldDiagnostics() throws IOException {
    List<Path> corpus = new ArrayList<>();
    corpus.add(TestInputs.kkpFixture("cluster-aws.yaml"));
    corpus.add(TestInputs.kkpFixture("zz_generated.seed.ce.yaml"));
    corpus.addAll(TestInputs.quickstartFiles());
    Random random = new Random(SEED);
    int runs = 0;
    for (Path file : corpus) {
      byte[] original = Files.readAllBytes(file);
      for (int i = 0; i < MUTATIONS_PER_INPUT; i++) {
        byte[] mutated = mutate(original, random);
        check(file.getFileName() + "#" + i, mutated);
        runs++;
      }
    }
    assertTrue(runs >= 5000, "ran " + runs + " mutations");
    System.out.println("ReaderFuzzTest: " + runs + " mutations of " + corpus.size()
        + " inputs, seed " + SEED + ", no exception");
  }

  private void check(String name, byte[] input) throws IOException {
    try {
      Inputs read = reader.read(name, input);
      BoundInputs bound = InputValidator.validate(read);
      // Rendering whatever was read must not throw either (invariant 7).
      Rendering rendering = ManifestRenderer.renderAll(read, RenderOptions.defaults());
      rendering.clusters().forEach(c -> YamlManifestWriter.write(c.objects(), name));
      for (Diagnostic d : concat(concat(read.diagnostics(), bound.diagnostics()), rendering.allDiagnostics())) {
        assertFalse(d.code() == DiagnosticCode.INTERNAL_ERROR, d::describe);
        assertFalse(d.message().isBlank() || d.hint().isBlank(), d::describe);
        assertTrue(d.line() >= 0 && d.column() >= 0, d::describe);
        d.describe();
      }
    } catch (RuntimeException | Error e) {
      Path dir = Path.of("target", "fuzz-failures");
      Files.createDirectories(dir);
      Path saved = dir.resolve(name.replaceAll("[^A-Za-z0-9._#-]", "_"));
      Files.write(saved, input);
      fail("mutation " + name + " threw; input saved to " + saved, e);
    }
  }

  private static List<Diagnostic> concat(List<Diagnostic> a, List<Diagnostic> b) {
    List<Diagnostic> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  static byte[] mutate(byte[] original, Random random) {
    String text = new String(original, StandardCharsets.UTF_8);
    int rounds = 1 + random.nextInt(3);
    byte[] bytes = original;
    for (int r = 0; r < rounds; r++) {
      switch (random.nextInt(8)) {
        case 0 -> bytes = flipBytes(bytes, random);
        case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
        case 2 -> bytes = bytes(duplicateKeyLine(text(bytes), random));
        case 3 -> bytes = bytes(replaceValue(text(bytes), random, REPLACEMENTS[random.nextInt(REPLACEMENTS.length)]));
        case 4 -> bytes = bytes(replaceValue(text(bytes), random,
            "\"" + "x".repeat(50_000 + random.nextInt(200_000)) + "\""));
        case 5 -> bytes = bytes(shiftIndent(text(bytes), random));
        case 6 -> bytes = bytes(insertAt(text(bytes), random,
            String.valueOf(SPECIALS.charAt(random.nextInt(SPECIALS.length())))));
        default -> bytes = bytes(deleteLine(text(bytes), random));
      }
    }
    return bytes;
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] flipBytes(byte[] in, Random random) {
    byte[] out = in.clone();
    int flips = 1 + random.nextInt(4);
    for (int i = 0; i < flips && out.length > 0; i++) {
      out[random.nextInt(out.length)] = (byte) random.nextInt(256);
    }
    return out;
  }

  private static String duplicateKeyLine(String text, Random random) {
    List<int[]> lines = matches(KEY_LINE.matcher(text));
    if (lines.isEmpty()) {
      return text;
    }
    int[] line = lines.get(random.nextInt(lines.size()));
    String copy = text.substring(line[0], line[1]);
    return text.substring(0, line[1]) + "\n" + copy + text.substring(line[1]);
  }

  private static String replaceValue(String text, Random random, String replacement) {
    Matcher m = VALUE.matcher(text);
    List<int[]> values = new ArrayList<>();
    while (m.find()) {
      values.add(new int[] {m.start(2), m.end(2)});
    }
    if (values.isEmpty()) {
      return text;
    }
    int[] v = values.get(random.nextInt(values.size()));
    return text.substring(0, v[0]) + replacement + text.substring(v[1]);
  }

  private static String shiftIndent(String text, Random random) {
    String[] lines = text.split("\n", -1);
    int i = random.nextInt(lines.length);
    lines[i] = random.nextBoolean() ? "  " + lines[i] : lines[i].replaceFirst("^ {1,2}", "");
    return String.join("\n", lines);
  }

  private static String insertAt(String text, Random random, String insert) {
    int at = random.nextInt(text.length() + 1);
    return text.substring(0, at) + insert + text.substring(at);
  }

  private static String deleteLine(String text, Random random) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    if (!lines.isEmpty()) {
      lines.remove(random.nextInt(lines.size()));
    }
    return String.join("\n", lines);
  }

  private static List<int[]> matches(Matcher m) {
    List<int[]> out = new ArrayList<>();
    while (m.find()) {
      out.add(new int[] {m.start(), m.end()});
    }
    return out;
  }
}
