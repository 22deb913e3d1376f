package dev.apiserverpolicy.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer on the module path that requires only {@code dev.apiserverpolicy.render}: compiled
 * against our jars and run as its own process, it reads tab-indented JSON and renders it. (Before
 * snakeyaml-engine went inside policy-read's jar, the reader failed here: snakeyaml-engine is a
 * named module that nothing required.)
 */
class ModulePathIT {
  private static final String MODULE_INFO = "module consumer { requires dev.apiserverpolicy.render; }\n";
  private static final String MAIN = """
      package consumer;

      import dev.apiserverpolicy.ApiserverPolicy;
      import java.nio.charset.StandardCharsets;
      import java.util.Map;

      public final class Main {
        public static void main(String[] args) {
          String seed = "{\\n\\t\\"apiVersion\\": \\"kubermatic.k8c.io/v1\\", \\"kind\\": \\"Seed\\",\\n"
              + "\\t\\"metadata\\": {\\"name\\": \\"s\\", \\"namespace\\": \\"kubermatic\\"},\\n"
              + "\\t  \\"spec\\": {\\"datacenters\\": {\\"dc\\": {}}}\\n}\\n";
          String rest = "apiVersion: kubermatic.k8c.io/v1\\nkind: Cluster\\nmetadata: {name: c1}\\n"
              + "spec: {cloud: {dc: dc}, exposeStrategy: NodePort, features: {apiserverNetworkPolicy: true}}\\n"
              + "---\\napiVersion: apiserver-policy.dev/v1alpha1\\nkind: RenderContext\\nmetadata: {name: s}\\n"
              + "spec: {seedAPIServerEndpoints: [10.0.0.10]}\\n"
              + "---\\napiVersion: kubermatic.k8c.io/v1\\nkind: KubermaticConfiguration\\n"
              + "metadata: {name: kubermatic}\\n";
          ApiserverPolicy.Result result = ApiserverPolicy.create().render(Map.of(
              "seed.json", seed.getBytes(StandardCharsets.UTF_8), "rest.yaml", rest.getBytes(StandardCharsets.UTF_8)));
          result.diagnostics().forEach(d -> System.out.println(d.describe()));
          System.out.println(result.objects().size() + " objects, errors: " + result.hasErrors());
        }
      }
      """;

  /** Our jars, as this test's class path has them from the build. */
  private static List<String> ourJars() {
    List<String> jars = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (name.matches("policy-(model|read|render)-.*\\.jar") && !name.contains("tests")) {
        jars.add(entry);
      }
    }
    return jars;
  }

  @Test
  void requiringOnlyTheRenderModuleReadsAndRenders(@TempDir Path tmp) throws Exception {
    List<String> jars = ourJars();
    assertEquals(3, jars.size(), () -> "policy-model, policy-read and policy-render as jars: " + jars);
    Path src = tmp.resolve("src/consumer");
    Files.createDirectories(src.resolve("consumer"));
    Files.writeString(src.resolve("module-info.java"), MODULE_INFO);
    Files.writeString(src.resolve("consumer/Main.java"), MAIN);
    Path out = tmp.resolve("out");
    String modulePath = String.join(File.pathSeparator, jars);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    // Our jars are automatic modules (Automatic-Module-Name), which javac's requires-automatic lint names.
    int compiled = javac.run(null, null, null, "-Xlint:all,-requires-automatic", "-Werror", "--module-path",
        modulePath, "-d",
        out.toString(), src.resolve("module-info.java").toString(), src.resolve("consumer/Main.java").toString());
    assertEquals(0, compiled, "the consumer compiles with -Werror against the module path");
    Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--module-path", out + File.pathSeparator + modulePath, "-m", "consumer/consumer.Main"))
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), output);
    assertTrue(Arrays.stream(output.split("\\n")).anyMatch(l -> l.matches("[1-9][0-9]* objects, errors: false")),
        output);
  }
}
