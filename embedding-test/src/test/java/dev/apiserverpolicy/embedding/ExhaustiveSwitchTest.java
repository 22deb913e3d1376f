package dev.apiserverpolicy.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer's switch over the rendered kinds needs no default branch: {@code KubernetesObject} is
 * sealed down to the three final kinds. Compiled as a consumer would, with {@code -Xlint:all -Werror}:
 * on JDK 21 and later as Java 21, on JDK 17 with its preview of the same switch (JEP 406), whose
 * exhaustiveness rule is the one JDK 21 made final.
 */
class ExhaustiveSwitchTest {
  @TempDir
  Path tmp;

  private static final String CASES = """
      package consumer;
      import dev.apiserverpolicy.model.manifest.*;
      public final class Kinds {
        public static String describe(KubernetesObject o) {
          return switch (o) {
            case NetworkPolicy p -> "policy " + p.metadata().name();
            case Service s -> "service " + s.type();
      %s
          };
        }
      }
      """;

  private String compile(String source) throws IOException {
    Path file = Files.createDirectories(tmp.resolve("src/consumer")).resolve("Kinds.java");
    Files.writeString(file, source);
    List<String> options = new ArrayList<>(List.of("-Xlint:all", "-Werror", "-d", tmp.resolve("out").toString(),
        "-cp", consumerClassPath()));
    options.addAll(Runtime.version().feature() >= 21 ? List.of("--release", "21")
        : List.of("--release", "17", "--enable-preview", "-Xlint:-preview"));
    options.add(file.toString());
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int exit = javac.run(null, OutputStream.nullOutputStream(), errors, options.toArray(String[]::new));
    return exit == 0 ? "" : errors.toString(StandardCharsets.UTF_8);
  }

  /** This test's class path less what does not exist (this module has no main classes: -Xlint:path). */
  private static String consumerClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> Files.exists(Path.of(entry))).collect(Collectors.joining(File.pathSeparator));
  }

  @Test
  void aSwitchOverTheThreeKindsIsExhaustive() throws IOException {
    assertEquals("", compile(CASES.formatted("            case CiliumNetworkPolicy c -> \"cilium \" + c.kind();")));
  }

  /** The test can fail: leave one kind out and the compiler says the switch is not exhaustive. */
  @Test
  void aSwitchThatLeavesAKindOutDoesNotCompile() throws IOException {
    String errors = compile(CASES.formatted(""));
    assertTrue(errors.contains("does not cover all possible input values"), errors);
  }
}
