package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.model.Protocol;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;

/**
 * A set of (protocol, port) pairs, ports 1-65535, kept per protocol as sorted, disjoint,
 * non-adjacent intervals. Immutable.
 *
 * @since 0.1.0
 */
public final class ConnectionSet {
  /** Lowest port. */
  public static final int MIN_PORT = 1;
  /** Highest port. */
  public static final int MAX_PORT = 65535;

  private static final ConnectionSet NONE = new ConnectionSet(new EnumMap<>(Protocol.class));
  private static final ConnectionSet ALL;

  static {
    EnumMap<Protocol, List<int[]>> all = new EnumMap<>(Protocol.class);
    for (Protocol p : Protocol.values()) {
      all.put(p, List.of(new int[] {MIN_PORT, MAX_PORT}));
    }
    ALL = new ConnectionSet(all);
  }

  private final EnumMap<Protocol, List<int[]>> ports;

  private ConnectionSet(EnumMap<Protocol, List<int[]>> ports) {
    this.ports = ports;
  }

  /** Nothing allowed. */
  public static ConnectionSet none() {
    return NONE;
  }

  /** Every protocol, every port. */
  public static ConnectionSet all() {
    return ALL;
  }

  /** One protocol, ports {@code from} to {@code to} inclusive. */
  public static ConnectionSet of(Protocol protocol, int from, int to) {
    if (from < MIN_PORT || to > MAX_PORT || from > to) {
      throw new IllegalArgumentException("bad port range " + from + "-" + to);
    }
    EnumMap<Protocol, List<int[]>> m = new EnumMap<>(Protocol.class);
    m.put(protocol, List.of(new int[] {from, to}));
    return new ConnectionSet(m);
  }

  /** Every port of one protocol. */
  public static ConnectionSet allPorts(Protocol protocol) {
    return of(protocol, MIN_PORT, MAX_PORT);
  }

  /** True if nothing is allowed. */
  public boolean isEmpty() {
    return ports.values().stream().allMatch(List::isEmpty);
  }

  /** True if everything is allowed. */
  public boolean isAll() {
    return equals(ALL);
  }

  /** True if {@code port} of {@code protocol} is in the set. */
  public boolean contains(Protocol protocol, int port) {
    for (int[] r : ports.getOrDefault(protocol, List.of())) {
      if (port >= r[0] && port <= r[1]) {
        return true;
      }
    }
    return false;
  }

  /** The intervals of one protocol, as {@code [from, to]} pairs. */
  public List<int[]> ranges(Protocol protocol) {
    return ports.getOrDefault(protocol, List.of()).stream().map(int[]::clone).toList();
  }

  /** The union. */
  public ConnectionSet union(ConnectionSet other) {
    EnumMap<Protocol, List<int[]>> m = new EnumMap<>(Protocol.class);
    for (Protocol p : Protocol.values()) {
      List<int[]> merged = new ArrayList<>(ports.getOrDefault(p, List.of()));
      merged.addAll(other.ports.getOrDefault(p, List.of()));
      List<int[]> normal = normalise(merged);
      if (!normal.isEmpty()) {
        m.put(p, normal);
      }
    }
    return new ConnectionSet(m);
  }

  /** The intersection. */
  public ConnectionSet intersect(ConnectionSet other) {
    EnumMap<Protocol, List<int[]>> m = new EnumMap<>(Protocol.class);
    for (Protocol p : Protocol.values()) {
      List<int[]> out = new ArrayList<>();
      for (int[] a : ports.getOrDefault(p, List.of())) {
        for (int[] b : other.ports.getOrDefault(p, List.of())) {
          int lo = Math.max(a[0], b[0]);
          int hi = Math.min(a[1], b[1]);
          if (lo <= hi) {
            out.add(new int[] {lo, hi});
          }
        }
      }
      List<int[]> normal = normalise(out);
      if (!normal.isEmpty()) {
        m.put(p, normal);
      }
    }
    return new ConnectionSet(m);
  }

  /** What this set allows and {@code other} does not. */
  public ConnectionSet minus(ConnectionSet other) {
    EnumMap<Protocol, List<int[]>> m = new EnumMap<>(Protocol.class);
    for (Protocol p : Protocol.values()) {
      List<int[]> out = new ArrayList<>();
      List<int[]> cuts = other.ports.getOrDefault(p, List.of());
      for (int[] a : ports.getOrDefault(p, List.of())) {
        int from = a[0];
        // Both lists are sorted and disjoint: each cut that overlaps a leaves what lies before it.
        for (int[] cut : cuts) {
          if (cut[1] < from || cut[0] > a[1]) {
            continue;
          }
          if (cut[0] > from) {
            out.add(new int[] {from, cut[0] - 1});
          }
          from = cut[1] + 1;
        }
        if (from <= a[1]) {
          out.add(new int[] {from, a[1]});
        }
      }
      if (!out.isEmpty()) {
        m.put(p, List.copyOf(out));
      }
    }
    return new ConnectionSet(m);
  }

  private static List<int[]> normalise(List<int[]> ranges) {
    List<int[]> sorted = new ArrayList<>(ranges);
    sorted.sort((x, y) -> Integer.compare(x[0], y[0]));
    List<int[]> out = new ArrayList<>();
    for (int[] r : sorted) {
      int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && r[0] <= last[1] + 1) {
        last[1] = Math.max(last[1], r[1]);
      } else {
        out.add(new int[] {r[0], r[1]});
      }
    }
    return List.copyOf(out);
  }

  /**
   * {@code All Connections}, or per protocol (alphabetically) its ports, adjacent ports as
   * ranges: {@code SCTP 7070,TCP 8080-8081,UDP 9090}. Empty: {@code No Connections}.
   */
  @Override
  public String toString() {
    if (isAll()) {
      return "All Connections";
    }
    if (isEmpty()) {
      return "No Connections";
    }
    List<String> parts = new ArrayList<>();
    for (Protocol p : List.of(Protocol.SCTP, Protocol.TCP, Protocol.UDP)) {
      List<int[]> ranges = ports.getOrDefault(p, List.of());
      if (ranges.isEmpty()) {
        continue;
      }
      List<String> items = new ArrayList<>();
      for (int[] r : ranges) {
        items.add(r[0] == r[1] ? String.valueOf(r[0]) : r[0] + "-" + r[1]);
      }
      parts.add(p.name() + " " + String.join(",", items));
    }
    return String.join(",", parts);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ConnectionSet other)) {
      return false;
    }
    for (Protocol p : Protocol.values()) {
      List<int[]> a = ports.getOrDefault(p, List.of());
      List<int[]> b = other.ports.getOrDefault(p, List.of());
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i)[0] != b.get(i)[0] || a.get(i)[1] != b.get(i)[1]) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(toString());
  }
}
