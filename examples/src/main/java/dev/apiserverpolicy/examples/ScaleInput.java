package dev.apiserverpolicy.examples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes a large input for benchmarks: {@code ScaleInput N [helm|mixed]}.
 *
 * <p>{@code helm} (the default) matches the Helm peer chart in {@code bench/helm-peer}: N
 * LoadBalancer clusters with Konnectivity and the gate on, profile kkp-v2.31, two allowed
 * ranges each, the same seed ranges and endpoints, so both tools render the same 12
 * objects per cluster. {@code mixed} spreads N clusters over three seeds (one per profile)
 * and every strategy, with range lists of both families, OIDC and webhooks on some.
 */
public final class ScaleInput {
  private ScaleInput() {}

  /** Writes the input for {@code n} clusters. */
  public static void write(Writer out, int n, boolean mixed) throws IOException {
    out.write("apiVersion: kubermatic.k8c.io/v1\nkind: KubermaticConfiguration\nmetadata: {name: kubermatic}\n"
        + "spec: {featureGates: {OpenIDAuthPlugin: false}}\n");
    if (!mixed) {
      seed(out, "europe-west", "dc-1", "kkp-v2.31", "NodePort");
      for (int i = 0; i < n; i++) {
        out.write("---\napiVersion: kubermatic.k8c.io/v1\nkind: Cluster\nmetadata: {name: c" + i + "}\nspec:\n"
            + "  cloud: {dc: dc-1, aws: {}}\n  exposeStrategy: LoadBalancer\n"
            + "  features: {apiserverNetworkPolicy: true}\n  clusterNetwork: {konnectivityEnabled: true}\n"
            + "  apiServerAllowedIPRanges: {cidrBlocks: [203.0." + (i % 250) + ".0/24, 198.51.100." + (i % 250)
            + "/32]}\nstatus: {address: {port: " + (30000 + i % 2768) + "}}\n");
      }
      return;
    }
    String[] profiles = {"kkp-v2.18", "kkp-v2.31", "least-privilege"};
    String[] strategies = {"NodePort", "LoadBalancer", "Tunneling"};
    for (int s = 0; s < 3; s++) {
      seed(out, "seed-" + s, "dc-" + s, profiles[s], strategies[s]);
    }
    for (int i = 0; i < n; i++) {
      String strategy = strategies[(i / 3) % 3];
      StringBuilder c = new StringBuilder("---\napiVersion: kubermatic.k8c.io/v1\nkind: Cluster\n")
          .append("metadata: {name: m").append(i).append(", labels: {team: t").append(i % 7).append("}}\nspec:\n")
          .append("  cloud: {dc: dc-").append(i % 3).append(i % 2 == 0 ? ", aws: {}}\n" : ", hetzner: {}}\n")
          .append("  exposeStrategy: ").append(strategy).append('\n')
          .append("  features: {apiserverNetworkPolicy: ").append(i % 10 != 0).append("}\n")
          .append("  clusterNetwork: {konnectivityEnabled: ").append(i % 5 != 0)
          .append(strategy.equals("Tunneling") ? ", tunnelingAgentIP: 100.64.30.10}\n" : "}\n");
      if (strategy.equals("LoadBalancer") && i % 4 != 0) {
        c.append("  apiServerAllowedIPRanges: {cidrBlocks: [172.16.0.0/16, 10.244.0.0/16, 192.0.2.")
            .append(i % 256).append("/32").append(i % 3 == 0 ? ", \"2001:db8:" + Integer.toHexString(i % 65536)
                + "::/48\"" : "")
            .append("]}\n");
      }
      if (i % 6 == 0) {
        c.append("  oidc: {issuerURL: \"https://dex.example.com/dex\"}\n");
      }
      if (i % 8 == 0) {
        c.append("  kyverno: {enabled: true}\n");
      }
      c.append("status: {address: {port: ").append(30000 + i % 2768).append(", externalName: m").append(i)
          .append(".example.com}}\n");
      out.write(c.toString());
    }
  }

  private static void seed(Writer out, String name, String dc, String profile, String strategy) throws IOException {
    out.write("---\napiVersion: kubermatic.k8c.io/v1\nkind: Seed\nmetadata: {name: " + name + "}\nspec:\n"
        + "  datacenters: {" + dc + ": {}}\n  exposeStrategy: " + strategy + "\n"
        + "  defaultAPIServerAllowedIPRanges: [10.250.0.0/16]\n"
        + "  nodeportProxy: {envoy: {loadBalancerService: {sourceRanges: [192.0.2.0/24]}}}\n"
        + "---\napiVersion: apiserver-policy.dev/v1alpha1\nkind: RenderContext\nmetadata: {name: " + name + "}\n"
        + "spec:\n  profile: " + profile + "\n  seedAPIServerEndpoints: [10.0.0.10, 10.0.0.11]\n"
        + "  clusterDNS: {namespace: kube-system, podLabels: {k8s-app: kube-dns}}\n"
        + "  oidcIssuers: [{url: \"https://dex.example.com/dex\", ips: [203.0.113.20]}]\n"
        + "  clientNetworks: {userClusterWorkers: [172.16.0.0/16], seedPods: [10.244.0.0/16]}\n");
  }

  /** Entry point: {@code ScaleInput N [helm|mixed]}, YAML on standard output. */
  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2 || !args[0].matches("\\d{1,7}")
        || args.length == 2 && !args[1].matches("helm|mixed")) {
      System.err.println("usage: ScaleInput N [helm|mixed]");
      System.exit(2);
    }
    Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    write(out, Integer.parseInt(args[0]), args.length == 2 && args[1].equals("mixed"));
    out.flush();
  }
}
