package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.testing.ProjectFiles;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The quick start, and the quick start with four changes a reviewer must see: one cluster's
 * ranges widened, one cluster moved from NodePort to LoadBalancer, one gate turned off, and an
 * extraEgress rule added.
 */
final class QuickstartChanges {
  private QuickstartChanges() {}

  static Map<String, byte[]> base() {
    return ProjectFiles.quickstartFiles();
  }

  static Map<String, byte[]> fourChanges() {
    Map<String, byte[]> head = new TreeMap<>(base());
    edit(head, "clusters/loadbalancer-restricted.yaml", "    - 192.0.2.0/24        # office VPN\n",
        "    - 192.0.2.0/24        # office VPN\n    - 198.18.0.0/15       # the new lab\n");
    edit(head, "clusters/nodeport.yaml", "  exposeStrategy: NodePort", "  exposeStrategy: LoadBalancer");
    edit(head, "clusters/tunneling.yaml", "    apiserverNetworkPolicy: true", "    apiserverNetworkPolicy: false");
    edit(head, "render-context.yaml", "    - {protocol: TCP, port: 514}\n", "    - {protocol: TCP, port: 514}\n"
        + "  - name: metrics-sink-allow\n    description: Metrics backend.\n    to:\n"
        + "    - ipBlock: {cidr: 203.0.113.64/26}\n    ports:\n    - {protocol: TCP, port: 9090}\n");
    return head;
  }

  /** Replaces {@code from} by {@code to} in file {@code name}; fails unless {@code from} is there once. */
  static void edit(Map<String, byte[]> files, String name, String from, String to) {
    String text = new String(files.get(name), StandardCharsets.UTF_8);
    if (text.indexOf(from) < 0 || text.indexOf(from) != text.lastIndexOf(from)) {
      throw new IllegalStateException(name + " does not hold exactly one '" + from + "'");
    }
    files.put(name, text.replace(from, to).getBytes(StandardCharsets.UTF_8));
  }
}
