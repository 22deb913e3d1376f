package dev.apiserverpolicy.read;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.FieldPath;
import dev.apiserverpolicy.model.SeedApiEndpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds the seed's {@code discovery.k8s.io/v1 EndpointSlice} and {@code v1 Endpoints} of Service
 * {@code default/kubernetes}, as kubectl prints them (status fields, uids and managed-by labels
 * included, and tolerated). Those of any other Service are skipped with a note. Every address is
 * kept, and those of endpoints that are not ready or are terminating are marked, with a note:
 * KKP's profiles render them as KKP does, least-privilege leaves them out. Kubernetes reads an
 * unset {@code ready} as ready and an unset {@code terminating} as not terminating, and so does this.
 */
final class SeedEndpointsBinder {
  static final String SERVICE_NAMESPACE = "default";
  static final String SERVICE_NAME = "kubernetes";
  static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
  private static final String NOT_READY_HINT = "nothing to do if that API server is going away; run kubectl "
      + "again once it is ready";

  private SeedEndpointsBinder() {}

  static Optional<SeedApiEndpoints> endpointSlice(FieldReader doc) {
    Optional<String> name = nameOf(doc, "EndpointSlice");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Optional<FieldReader> metadata = doc.object("metadata");
    String service = metadata.flatMap(m -> m.stringMap("labels")).map(l -> l.get(SERVICE_NAME_LABEL)).orElse("");
    if (!ofKubernetesService(doc, "EndpointSlice " + name.get(), service)) {
      return Optional.empty();
    }
    String addressType = doc.nonEmptyString("addressType").orElse("");
    if (!addressType.equals("IPv4") && !addressType.equals("IPv6")) {
      doc.report(DiagnosticCode.FIELD_VALUE, doc.value("addressType").orElse(doc.node()), doc.child("addressType"),
          "addressType " + (addressType.isEmpty() ? "is missing" : addressType + " is not read")
              + ": only IPv4 and IPv6 slices give addresses a NetworkPolicy can name",
          "list the seed API server's addresses in the RenderContext's seedAPIServerEndpoints instead");
      return Optional.empty();
    }
    List<Cidr> addresses = new ArrayList<>();
    List<Cidr> notReady = new ArrayList<>();
    doc.list("endpoints").ifPresent(items -> {
      for (FieldReader.Item item : items) {
        doc.asObject(item.node(), item.path()).ifPresent(endpoint -> {
          Optional<FieldReader> conditions = endpoint.object("conditions");
          boolean ready = conditions.flatMap(c -> c.bool("ready")).orElse(true);
          boolean terminating = conditions.flatMap(c -> c.bool("terminating")).orElse(false);
          List<Cidr> these = endpoint.hosts("addresses").orElse(List.of());
          addresses.addAll(these);
          if ((!ready || terminating) && !these.isEmpty()) {
            notReady.addAll(these);
            endpoint.report(DiagnosticCode.ENDPOINT_NOT_READY, item.node(), item.path(),
                notReadyNote(these, terminating ? "terminating" : "not ready"), NOT_READY_HINT);
          }
        });
      }
    });
    Optional<Integer> port = httpsPort(doc, "ports");
    return Optional.of(SeedApiEndpoints.builder().kind("EndpointSlice").name(name.get()).addAllAddresses(addresses)
        .addAllNotReadyAddresses(notReady).httpsPort(port).origin(doc.scope().origin()).build());
  }

  static Optional<SeedApiEndpoints> endpoints(FieldReader doc) {
    Optional<String> name = nameOf(doc, "Endpoints");
    if (name.isEmpty() || !ofKubernetesService(doc, "Endpoints " + name.get(), name.get())) {
      return Optional.empty();
    }
    List<Cidr> addresses = new ArrayList<>();
    List<Cidr> notReadyAll = new ArrayList<>();
    Optional<Integer> port = Optional.empty();
    boolean conflict = false;
    for (FieldReader.Item item : doc.list("subsets").orElse(List.of())) {
      Optional<FieldReader> subset = doc.asObject(item.node(), item.path());
      if (subset.isEmpty()) {
        continue;
      }
      addresses.addAll(ips(subset.get(), "addresses"));
      List<Cidr> notReady = ips(subset.get(), "notReadyAddresses");
      addresses.addAll(notReady);
      notReadyAll.addAll(notReady);
      if (!notReady.isEmpty()) {
        subset.get().report(DiagnosticCode.ENDPOINT_NOT_READY, subset.get().value("notReadyAddresses").get(),
            subset.get().child("notReadyAddresses"), notReadyNote(notReady, "not ready"), NOT_READY_HINT);
      }
      Optional<Integer> here = httpsPort(subset.get(), "ports");
      if (port.isEmpty()) {
        port = here;
      } else if (here.isPresent() && !here.equals(port)) {
        // One rule carries one port: rendering both addresses on the first would be a guess, so
        // this object gives the seed no endpoints at all (as two slices that disagree do).
        conflict = true;
        subset.get().report(DiagnosticCode.SEED_ENDPOINTS_CONFLICT, subset.get().value("ports").get(),
            subset.get().child("ports"), "the subsets name several https ports [" + port.get() + ", " + here.get()
                + "]; the seed's API endpoints are allowed on one port",
            "give the endpoints of one seed's default/kubernetes Service only, as kubectl prints them");
      }
    }
    if (conflict) {
      return Optional.empty();
    }
    return Optional.of(SeedApiEndpoints.builder().kind("Endpoints").name(name.get()).addAllAddresses(addresses)
        .addAllNotReadyAddresses(notReadyAll).httpsPort(port).origin(doc.scope().origin()).build());
  }

  private static String notReadyNote(List<Cidr> addresses, String state) {
    return addresses.stream().map(Cidr::firstAddressText).toList() + ": the endpoint is " + state + "; the kkp-* "
        + "profiles allow it, as KKP's controller does, and least-privilege leaves it out";
  }

  /** The name, with the object named {@code <kind>/<namespace>/<name>} in every diagnostic about it. */
  private static Optional<String> nameOf(FieldReader doc, String kind) {
    String namespace = doc.object("metadata").flatMap(m -> m.nonEmptyString("namespace")).orElse("");
    return ObjectNames.name(doc, kind, name -> kind + "/" + namespace + "/" + name);
  }

  /** True if it belongs to Service default/kubernetes; a note says why any other is skipped. */
  private static boolean ofKubernetesService(FieldReader doc, String what, String service) {
    String namespace = doc.object("metadata").flatMap(m -> m.nonEmptyString("namespace")).orElse("");
    if (namespace.equals(SERVICE_NAMESPACE) && service.equals(SERVICE_NAME)) {
      return true;
    }
    doc.report(DiagnosticCode.KIND_SKIPPED, doc.value("metadata").orElse(doc.node()), FieldPath.of("metadata"),
        what + " is not of Service default/kubernetes (the seed API server); skipped",
        "nothing to do; only the endpoints of default/kubernetes are read: kubectl get endpointslices -n default "
            + "-l kubernetes.io/service-name=kubernetes -o yaml");
    return false;
  }

  private static List<Cidr> ips(FieldReader subset, String key) {
    List<Cidr> out = new ArrayList<>();
    for (FieldReader.Item item : subset.list(key).orElse(List.of())) {
      subset.asObject(item.node(), item.path()).flatMap(a -> a.host("ip")).ifPresent(out::add);
    }
    return out;
  }

  /** The port named https; else the only port, if there is one. */
  private static Optional<Integer> httpsPort(FieldReader doc, String key) {
    List<FieldReader> ports = new ArrayList<>();
    for (FieldReader.Item item : doc.list(key).orElse(List.of())) {
      doc.asObject(item.node(), item.path()).ifPresent(ports::add);
    }
    Optional<FieldReader> https = ports.stream().filter(p -> p.string("name").filter("https"::equals).isPresent())
        .findFirst();
    if (https.isEmpty() && ports.size() == 1) {
      https = Optional.of(ports.get(0));
    }
    return https.flatMap(p -> p.integer("port", 1, 65535));
  }
}
