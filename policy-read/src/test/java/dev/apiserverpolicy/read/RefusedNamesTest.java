package dev.apiserverpolicy.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.Seed;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Names Kubernetes refuses: the reader reports them at their line and leaves the object out (a
 * finding that says the input was not read whole), and the builder refuses the same value with
 * the same message and hint.
 */
class RefusedNamesTest {
  private static final String SEED = "apiVersion: kubermatic.k8c.io/v1\nkind: Seed\n"
      + "metadata: {name: europe, namespace: kubermatic}\nspec: {datacenters: {dc-1: {}}}\n";

  private static String cluster(String name, String status) {
    return "apiVersion: kubermatic.k8c.io/v1\nkind: Cluster\nmetadata:\n  name: '" + name + "'\n"
        + "spec: {cloud: {dc: dc-1}, exposeStrategy: NodePort}\n" + status;
  }

  record Case(String name, DiagnosticCode code, String path, int line, String yaml, Executable build) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> refused() {
    String long60 = "a".repeat(60);
    return Stream.of(
        new Case("cluster name not a DNS-1123 label", DiagnosticCode.CLUSTER_NAME_INVALID, "metadata.name", 4,
            cluster("Prod_1", ""), () -> Cluster.builder().name("Prod_1").build()),
        new Case("cluster name too long for its namespace", DiagnosticCode.CLUSTER_NAME_INVALID, "metadata.name", 4,
            cluster(long60, ""), () -> Cluster.builder().name(long60).build()),
        new Case("namespace from status not a DNS-1123 label", DiagnosticCode.CLUSTER_NAME_INVALID,
            "status.namespaceName", 7, cluster("c1", "status:\n  namespaceName: 'x; rm -rf /'\n"),
            () -> Cluster.builder().name("c1").statusNamespace("x; rm -rf /").build()),
        new Case("seed name not a DNS-1123 subdomain", DiagnosticCode.SEED_NAME_INVALID, "metadata.name", 4,
            SEED.replace("metadata: {name: europe,", "metadata:\n  {name: Europe_West,"),
            () -> Seed.builder().name("Europe_West").build()),
        new Case("seed namespace not a DNS-1123 label", DiagnosticCode.SEED_NAME_INVALID, "metadata.namespace", 3,
            SEED.replace("namespace: kubermatic}", "namespace: Kubermatic}"),
            () -> Seed.builder().name("europe").namespace("Kubermatic").build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void theReaderLeavesTheObjectOutAndTheBuilderRefusesItAlike(Case c) {
    Inputs read = ManifestReader.create().read("in.yaml", c.yaml());
    List<Diagnostic> errors = read.diagnostics().stream().filter(d -> d.code() == c.code()).toList();
    assertEquals(1, errors.size(), () -> c.name() + ": " + read.diagnostics());
    Diagnostic d = errors.get(0);
    assertEquals(c.path() + ":" + c.line(), d.path() + ":" + d.line(), d::describe);
    assertTrue(d.code().losesInput(), "an object left out means the input was not read whole");
    assertEquals(List.of(), read.clusters());
    assertTrue(read.seeds().isEmpty() || !c.yaml().contains("kind: Seed"), read.seeds()::toString);
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, c.build());
    assertEquals(d.path() + ": " + d.message() + " (hint: " + d.hint() + ")", thrown.getMessage());
  }
}
