package dev.apiserverpolicy.reach;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.manifest.ServiceType;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** What changes in who may reach a cluster's API server, path by path. */
final class ClientChanges {
  private ClientChanges() {}

  static List<AccessChange> between(ClientPaths base, ClientPaths head) {
    List<AccessChange> changes = new ArrayList<>();
    if (base.gate() != head.gate()) {
      changes.add(AccessChange.of(AccessChange.Kind.GATE, "apiserverNetworkPolicy", onOff(base.gate()),
          onOff(head.gate())));
    }
    if (base.strategy() != head.strategy()) {
      changes.add(AccessChange.of(AccessChange.Kind.EXPOSE_STRATEGY, "expose strategy", base.strategy().kkpName(),
          head.strategy().kkpName()));
    }
    TreeSet<String> services = new TreeSet<>(base.serviceTypes().keySet());
    services.addAll(head.serviceTypes().keySet());
    for (String service : services) {
      String before = type(base.serviceTypes().get(service));
      String after = type(head.serviceTypes().get(service));
      if (!before.equals(after)) {
        changes.add(AccessChange.of(AccessChange.Kind.SERVICE_TYPE, "Service " + service, before, after));
      }
    }
    if (base.openToAnyone() != head.openToAnyone()) {
      changes.add(AccessChange.of(AccessChange.Kind.OPEN_TO_ANYONE, "reachable from anyone",
          yesNo(base.openToAnyone()), yesNo(head.openToAnyone())));
    }
    if (base.bypass() != head.bypass()) {
      changes.add(AccessChange.of(AccessChange.Kind.NODEPORT_BYPASS,
          "apiserver-external's NodePort around the front load balancer's allow-list",
          base.bypass() ? "present" : AccessChange.ABSENT, head.bypass() ? "present" : AccessChange.ABSENT));
    }
    changes.addAll(sourceRanges(base, head));
    return changes;
  }

  /** Per path: the ranges HEAD admits that BASE did not, and the other way round. */
  private static List<AccessChange> sourceRanges(ClientPaths base, ClientPaths head) {
    List<AccessChange> changes = new ArrayList<>();
    TreeSet<String> paths = new TreeSet<>(base.paths().keySet());
    paths.addAll(head.paths().keySet());
    for (String path : paths) {
      List<Cidr> before = base.paths().getOrDefault(path, List.of());
      List<Cidr> after = head.paths().getOrDefault(path, List.of());
      if (before.equals(after)) {
        continue;
      }
      changes.add(new AccessChange(AccessChange.Kind.SOURCE_RANGES, path, ranges(base, path), ranges(head, path),
          text(Cidr.subtract(after, before)), text(Cidr.subtract(before, after)), List.of(), List.of()));
    }
    return changes;
  }

  private static List<String> text(List<Cidr> ranges) {
    return ranges.equals(ClientPaths.ANYONE) ? List.of("anyone") : AddressText.of(ranges);
  }

  private static String ranges(ClientPaths paths, String path) {
    List<Cidr> ranges = paths.paths().get(path);
    return ranges == null ? AccessChange.ABSENT : ranges.equals(ClientPaths.ANYONE) ? "anyone"
        : AddressText.line(ranges);
  }

  private static String type(ServiceType type) {
    return type == null ? AccessChange.ABSENT : type.kubernetesName();
  }

  private static String onOff(boolean on) {
    return on ? "on" : "off";
  }

  private static String yesNo(boolean yes) {
    return yes ? "yes" : "no";
  }
}
