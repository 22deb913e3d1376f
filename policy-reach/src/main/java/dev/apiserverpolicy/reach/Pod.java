package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.model.Protocol;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pod as NetworkPolicies see it: namespace, labels and named container ports. (Policies
 * select pods by labels; the evaluator never matches a pod by an ipBlock: docs/spec.md.)
 *
 * @param namespace namespace
 * @param name name (for reports)
 * @param labels labels
 * @param ports container ports, for named ports in policies
 *
 * @since 0.1.0
 */
public record Pod(String namespace, String name, Map<String, String> labels, List<ContainerPort> ports) {
  /** Defensive copies. */
  public Pod {
    labels = Map.copyOf(new TreeMap<>(labels));
    ports = List.copyOf(ports);
  }

  /** A pod without ports. */
  public static Pod of(String namespace, String name, Map<String, String> labels) {
    return new Pod(namespace, name, labels, List.of());
  }

  /**
   * One container port.
   *
   * @param name its name, or empty
   * @param protocol protocol
   * @param port number
   */
  public record ContainerPort(String name, Protocol protocol, int port) {}
}
