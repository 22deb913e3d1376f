package dev.apiserverpolicy.reach;

import java.util.List;

/**
 * What one cluster's manifests allow: where its apiserver pods may connect, and who may
 * connect to its API server.
 *
 * @param cluster cluster name
 * @param seed seed name
 * @param namespace control-plane namespace
 * @param profile profile rendered
 * @param strategy expose strategy
 * @param egress one line per destination, in the order of the policies' peers, then "anything else"
 * @param clients who may reach the API server: ranges, or one line saying anyone and why
 * @param notes further facts worth knowing (e.g. the NodePort bypass)
 * @param ingress each way in to the API server and whom it admits, as the pictures draw them
 *
 * @since 0.1.0
 */
public record AccessExplanation(String cluster, String seed, String namespace, String profile, String strategy,
    List<Destination> egress, List<String> clients, List<String> notes, List<Ingress> ingress) {
  /** Defensive copies. */
  public AccessExplanation {
    egress = List.copyOf(egress);
    clients = List.copyOf(clients);
    notes = List.copyOf(notes);
    ingress = List.copyOf(ingress);
  }

  /**
   * One way in to the API server.
   *
   * @param path the Service or proxy it goes through, e.g. {@code Service front-loadbalancer}
   * @param admits whom it admits: ranges, or {@code anyone}
   * @param bypass whether it goes around the allow-list of another path (apiserver-external's NodePort)
   */
  public record Ingress(String path, String admits, boolean bypass) {}

  /**
   * One destination of the apiserver pods.
   *
   * @param target what it is, e.g. {@code pods app=etcd,cluster=prod-1}
   * @param connections what is allowed
   * @param allowedBy the policies whose rules allow it (empty when no policy restricts egress)
   */
  public record Destination(String target, ConnectionSet connections, List<String> allowedBy) {
    /** Defensive copy. */
    public Destination {
      allowedBy = List.copyOf(allowedBy);
    }
  }
}
