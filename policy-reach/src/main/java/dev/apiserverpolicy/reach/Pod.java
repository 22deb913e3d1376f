package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Protocol;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A pod as NetworkPolicies see it: namespace, labels, named container ports, and (if
 * known) its address.
 *
 * @param namespace namespace
 * @param name name (for reports)
 * @param labels labels
 * @param ports container ports, for named ports in policies
 * @param ip the pod's address, if known
 */
public record Pod(String namespace, String name, Map<String, String> labels, List<ContainerPort> ports,
    Optional<Cidr> ip) {
  /** Defensive copies. */
  public Pod {
    labels = Map.copyOf(new TreeMap<>(labels));
    ports = List.copyOf(ports);
  }

  /** A pod without ports or address. */
  public static Pod of(String namespace, String name, Map<String, String> labels) {
    return new Pod(namespace, name, labels, List.of(), Optional.empty());
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
