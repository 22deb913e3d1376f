package dev.apiserverpolicy.read;

import static dev.apiserverpolicy.model.Properties.qt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.FieldPath;
import dev.apiserverpolicy.model.Inputs;
import dev.apiserverpolicy.model.IpBlock;
import dev.apiserverpolicy.model.NetworkPolicyPort;
import dev.apiserverpolicy.model.Ports;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * A rule is stated once, in its type's validate function; the reader and the builder both ask it.
 * So for any input the reader accepts exactly what the builder builds, and reports its findings at
 * the path the rule names.
 */
class RulesStatedOnceTest {
  private static final String CONTEXT = """
      apiVersion: apiserver-policy.dev/v1alpha1
      kind: RenderContext
      metadata: {name: s}
      spec:
        extraEgress:
        - name: x
          description: d
          to: [%s]
          ports: [%s]
      """;
  private static final ManifestReader READER = ManifestReader.create();

  private static Inputs read(String to, String ports) {
    return READER.read("in.yaml", CONTEXT.formatted(to, ports));
  }

  private static boolean builds(Runnable build) {
    try {
      build.run();
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Test
  void portsAreAcceptedByTheReaderExactlyWhenTheyCanBeBuilt() {
    qt(2000).forAll(
        Generate.oneOf(SourceDSL.integers().between(-2, 70_000), Generate.pick(List.of(0, 1, 443, 65535, 65536))),
        Generate.oneOf(Generate.constant(""),
            Generate.pick(List.of("http", "HTTP", "a--b", "0123", "dns-tcp", "a-", "abcdefghijklmnop", "x"))),
        Generate.oneOf(Generate.constant(-1), SourceDSL.integers().between(0, 70_000), Generate.pick(List.of(65535))))
        .checkAssert((number, name, end) -> {
          Optional<Integer> port = name.isEmpty() ? Optional.of(number) : Optional.empty();
          Optional<String> named = name.isEmpty() ? Optional.empty() : Optional.of(name);
          Optional<Integer> endPort = end < 0 ? Optional.empty() : Optional.of(end);
          String yaml = "{port: " + port.map(String::valueOf).orElse(name)
              + endPort.map(e -> ", endPort: " + e).orElse("") + "}";
          Inputs read = read("{ipBlock: {cidr: 10.0.0.0/8}}", yaml);
          boolean built = builds(() -> NetworkPolicyPort.builder().port(port).namedPort(named).endPort(endPort)
              .build());
          assertEquals(built, read.diagnostics().isEmpty(), () -> yaml + " " + read.diagnostics());
          assertEquals(built, NetworkPolicyPort.validate(port, named, endPort, FieldPath.root()).isEmpty());
          read.diagnostics().forEach(d -> assertTrue(d.path().startsWith("spec.extraEgress[0].ports[0]."),
              d::describe));
        });
  }

  @Test
  void ipBlocksToo() {
    List<String> ranges = List.of("10.0.0.0/8", "10.1.0.0/16", "10.0.0.0/7", "192.168.0.0/16", "10.1.2.0/24");
    qt(500).forAll(Generate.pick(ranges), Generate.pick(ranges)).checkAssert((cidr, except) -> {
      Inputs read = read("{ipBlock: {cidr: " + cidr + ", except: [" + except + "]}}", "");
      boolean built = builds(() -> IpBlock.builder().cidr(Cidr.parse(cidr)).addExcept(Cidr.parse(except)).build());
      assertEquals(built, read.diagnostics().isEmpty(), () -> cidr + " except " + except + read.diagnostics());
      read.diagnostics().forEach(d -> assertEquals("spec.extraEgress[0].to[0].ipBlock.except[0]", d.path()));
    });
  }

  @Test
  void portNamesFollowKubernetes() {
    for (String valid : List.of("http", "dns-tcp", "a0123", "metrics-9")) {
      assertEquals(List.of(), Ports.validateName(valid, FieldPath.root()), valid);
    }
    for (String invalid : List.of("HTTP", "0123", "a--b", "-a", "a-", "abcdefghijklmnop", "a_b", "")) {
      assertEquals(DiagnosticCode.FIELD_VALUE, Ports.validateName(invalid, FieldPath.root()).get(0).code(), invalid);
    }
  }
}
