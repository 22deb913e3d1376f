package dev.apiserverpolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Cilium flavour through the CLI: explain names what is reached by name or as an entity; render writes it. */
class CiliumFlavourCliTest {
  @TempDir
  Path tmp;

  private Path quickstartWithFlavour() throws IOException {
    Path q = Cli.copyQuickstart(tmp);
    Path context = q.resolve("render-context.yaml");
    Files.writeString(context, Files.readString(context)
        .replace("  cni: cilium\n", "  cni: cilium\n  cilium: {fqdnEgress: true, seedAPIServerEntity: true}\n")
        .replace("    ips: [203.0.113.20]\n", "").replace("    ips: [203.0.113.30]\n", "")
        .replace("  seedAPIServerEndpoints: [10.0.0.10, 10.0.0.11, 10.0.0.12]\n", ""));
    return q;
  }

  @Test
  void explainShowsNamesAndTheEntity() throws IOException {
    Path q = quickstartWithFlavour();
    Cli.Result r = Cli.run("explain", q.toString(), "--cluster", "dev-tools", "--profile", "least-privilege");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().matches("(?s).*\n    dex\\.example\\.com +TCP 443 +oidc-issuer-allow \\(Cilium FQDN\\)\n.*"),
        r.out());
    assertTrue(r.out().matches("(?s).*\n    entity kube-apiserver +TCP 6443 +seed-apiserver-allow "
        + "\\(Cilium entity\\)\n.*"), r.out());
    assertTrue(r.out().matches("(?s).*\n    pods app=dns-resolver,cluster=dev-tools in namespace cluster-dev-tools "
        + "+TCP 53,UDP 53 "
        + "+dns-allow, "
        + "dns-allow \\(Cilium\\)\n.*"), r.out());
    Cli.Result webhook = Cli.run("explain", q.toString(), "--cluster", "payments", "--profile", "least-privilege");
    assertTrue(webhook.out().matches("(?s).*\n    authz\\.example\\.com +TCP 8443 +authorization-webhook-allow "
        + "\\(Cilium FQDN\\)\n.*"), webhook.out());
  }

  /** README's second picture is what the command draws for the input its sentence describes. */
  @Test
  void theReadmesCiliumPictureIsWhatTheCommandDraws() throws IOException {
    Cli.Result r = Cli.run("explain", quickstartWithFlavour().toString(), "--cluster", "payments", "--profile",
        "least-privilege", "--format", "mermaid");
    assertEquals(Cli.readmeMermaidBlock(1), r.out(), "regenerate README's Cilium picture with the command it names");
  }

  @Test
  void renderWritesCiliumPolicyFilesAndCleanupDeletesThem() throws IOException {
    Path q = quickstartWithFlavour();
    Path out = tmp.resolve("manifests");
    Cli.Result r = Cli.run("render", q.toString(), "--out", out.toString());
    assertEquals(0, r.exit(), r::toString);
    Map<String, String> files = Cli.files(out);
    assertTrue(files.containsKey("europe-west/cluster-dev-tools/ciliumnetworkpolicy-oidc-issuer-allow.yaml"),
        files.keySet()::toString);
    assertTrue(files.get("europe-west/cluster-dev-tools/kustomization.yaml")
        .contains("ciliumnetworkpolicy-seed-apiserver-allow.yaml"));
    Cli.Result cleanup = Cli.run("cleanup", q.toString());
    assertEquals(0, cleanup.exit(), cleanup::toString);
    assertTrue(cleanup.out().contains("kubectl delete ciliumnetworkpolicy -n cluster-legacy-batch --ignore-not-found "
        + "audit-sink-allow authorization-webhook-allow dns-allow oidc-issuer-allow seed-apiserver-allow\n"),
        cleanup.out());
  }
}
