package dev.apiserverpolicy.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Looks a host name up (A and AAAA). The one place apiserver-policy touches DNS; tests give their
 * own, or point the JDK at a hosts file ({@code -Djdk.net.hosts.file=...}).
 */
interface HostLookup {
  /** The host's addresses; never empty (no address is an {@link UnknownHostException}). */
  List<InetAddress> addresses(String host) throws UnknownHostException;

  /** The JDK's resolver: the system's, or the hosts file {@code jdk.net.hosts.file} names. */
  HostLookup SYSTEM = host -> List.of(InetAddress.getAllByName(host));
}
