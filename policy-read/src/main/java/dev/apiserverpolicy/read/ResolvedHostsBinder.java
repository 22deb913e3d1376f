package dev.apiserverpolicy.read;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.CidrFormatException;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.KubernetesNames;
import dev.apiserverpolicy.model.ResolvedHosts;
import dev.apiserverpolicy.model.SpecialPurposeAddresses;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds {@code apiserver-policy.dev/v1alpha1 ResolvedHosts}, the file {@code apiserver-policy
 * resolve} writes. Strict, as for every kind of ours: an unknown field, a host twice or a host
 * without addresses is an error (an empty list would read as "allow all" or "allow none").
 */
final class ResolvedHostsBinder {
  private ResolvedHostsBinder() {}

  static Optional<ResolvedHosts> bind(FieldReader doc) {
    doc.rejectUnknown(Set.of("apiVersion", "kind", "metadata", "spec"));
    Optional<String> name = ObjectNames.name(doc, "ResolvedHosts");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    doc.object("metadata").ifPresent(m -> m.rejectUnknown(Set.of("name", "namespace", "labels", "annotations")));
    ResolvedHosts.Builder b = ResolvedHosts.builder().name(name.get());
    java.util.Map<String, List<Cidr>> seen = new java.util.HashMap<>();
    doc.object("spec").ifPresent(spec -> {
      spec.rejectUnknown(Set.of("hosts"));
      for (FieldReader.Item item : spec.list("hosts").orElse(List.of())) {
        spec.asObject(item.node(), item.path()).ifPresent(entry -> {
          entry.rejectUnknown(Set.of("name", "addresses"));
          Optional<String> host = entry.nonEmptyString("name");
          List<Cidr> addresses = entry.hosts("addresses").orElse(List.of());
          if (host.isEmpty()) {
            entry.report(DiagnosticCode.FIELD_MISSING, entry.node(), entry.child("name"), "a host without a name",
                "run apiserver-policy resolve again rather than editing the file");
            return;
          }
          if (!KubernetesNames.isSubdomain(host.get())) {
            entry.report(DiagnosticCode.FIELD_VALUE, entry.value("name").get(), entry.child("name"),
                "host name '" + host.get() + "' is not a lower-case DNS name",
                "run apiserver-policy resolve again rather than editing the file");
            return;
          }
          if (addresses.isEmpty()) {
            entry.report(DiagnosticCode.FIELD_MISSING, entry.node(), entry.child("addresses"),
                "host " + host.get() + " has no addresses; an empty list is never used",
                "run apiserver-policy resolve again; a host that does not resolve is an error there");
            return;
          }
          if (specialPurpose(entry, host.get())) {
            return;
          }
          if (seen.putIfAbsent(host.get(), addresses) != null) {
            entry.report(DiagnosticCode.FIELD_VALUE, entry.value("name").get(), entry.child("name"),
                "host " + host.get() + " is listed twice", "keep one entry per host");
            return;
          }
          b.putHosts(host.get(), addresses);
        });
      }
    });
    return Optional.of(b.origin(doc.scope().origin()).build());
  }

  /** Reports each special-purpose address of {@code host} (loopback, link-local, ...); true if there is one. */
  private static boolean specialPurpose(FieldReader entry, String host) {
    boolean found = false;
    List<FieldReader.Item> items = entry.list("addresses").orElse(List.of());
    for (FieldReader.Item item : items) {
      // Each item was read (and any error in it reported) by hosts("addresses") already.
      Optional<Cidr> address = item.node() instanceof YamlNode.Scalar text ? parsedHost(text.value())
          : Optional.empty();
      Optional<SpecialPurposeAddresses.Range> range = address.flatMap(SpecialPurposeAddresses::containing);
      if (range.isPresent()) {
        found = true;
        entry.report(DiagnosticCode.ADDRESS_SPECIAL_PURPOSE, item.node(), item.path(),
            "host " + host + " has address " + SpecialPurposeAddresses.describe(address.get(), range.get())
                + "; an allow rule to it would open what no API server needs",
            "check the DNS record of " + host + ", then run apiserver-policy resolve again");
      }
    }
    return found;
  }

  private static Optional<Cidr> parsedHost(String text) {
    try {
      return Optional.of(Cidr.parseHost(text));
    } catch (CidrFormatException e) {
      return Optional.empty();
    }
  }
}
