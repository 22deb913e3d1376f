package dev.apiserverpolicy.read;

import dev.apiserverpolicy.model.AuthenticationIssuers;
import dev.apiserverpolicy.model.AuthorizationWebhook;
import dev.apiserverpolicy.model.CiliumFlavour;
import dev.apiserverpolicy.model.ClientNetworks;
import dev.apiserverpolicy.model.ClusterDns;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.ExtraEgressRule;
import dev.apiserverpolicy.model.FieldError;
import dev.apiserverpolicy.model.IpBlock;
import dev.apiserverpolicy.model.LabelSelector;
import dev.apiserverpolicy.model.LabelSelectorRequirement;
import dev.apiserverpolicy.model.LoadBalancerBackend;
import dev.apiserverpolicy.model.NetworkPolicyPeer;
import dev.apiserverpolicy.model.NetworkPolicyPort;
import dev.apiserverpolicy.model.OidcIssuer;
import dev.apiserverpolicy.model.Ports;
import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.model.Protocol;
import dev.apiserverpolicy.model.RenderContext;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Binds our own {@code apiserver-policy.dev/v1alpha1 RenderContext}. Unlike KKP objects,
 * unknown fields are errors here: a misspelt field would otherwise silently change what
 * the network allows.
 */
final class RenderContextBinder {
  private static final Set<String> TOP = Set.of("apiVersion", "kind", "metadata", "spec");
  private static final Set<String> METADATA = Set.of("name", "namespace", "labels", "annotations");
  private static final Set<String> SPEC = Set.of("profile", "seedAPIServerEndpoints",
      "seedAPIServerEndpointsFrom", "seedAPIServerPort",
      "clusterDNS", "ingressNamespace", "oidcIssuers", "authenticationConfigurations", "authorizationWebhooks",
      "clientNetworks", "cni", "cilium", "extraEgress", "managedByLabel");
  private static final Set<String> CLIENT_NETWORKS =
      Set.of("userClusterWorkers", "kkpMasterNodes", "seedNodes", "seedPods");

  private RenderContextBinder() {}

  static Optional<RenderContext> bind(FieldReader doc) {
    doc.rejectUnknown(TOP);
    Optional<String> name = ObjectNames.name(doc, "RenderContext");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    doc.object("metadata").ifPresent(m -> m.rejectUnknown(METADATA));
    RenderContext.Builder b = RenderContext.builder().name(name.get());
    doc.object("spec").ifPresent(spec -> bindSpec(spec, b));
    return Optional.of(b.origin(doc.scope().origin()).build());
  }

  // Fields are read in this order, so that findings come in it too.
  private static void bindSpec(FieldReader spec, RenderContext.Builder b) {
    spec.rejectUnknown(SPEC);
    spec.nonEmptyString("profile").ifPresent(text -> {
      Optional<Profile> p = Profile.fromId(text);
      if (p.isPresent()) {
        b.profile(p.get());
      } else {
        spec.report(DiagnosticCode.FIELD_VALUE, spec.value("profile").get(), spec.child("profile"),
            "unknown profile '" + text + "'", "use one of: " + profiles());
      }
    });
    bindSeedEndpoints(spec, b);
    spec.object("clusterDNS").flatMap(RenderContextBinder::clusterDns).ifPresent(b::clusterDNS);
    spec.nonEmptyString("ingressNamespace").ifPresent(b::ingressNamespace);
    spec.listOf("oidcIssuers", item -> spec.asObject(item.node(), item.path())
        .flatMap(RenderContextBinder::oidcIssuer)).ifPresent(b::addAllOidcIssuers);
    spec.listOf("authenticationConfigurations", item -> spec.asObject(item.node(), item.path())
        .flatMap(RenderContextBinder::authenticationIssuers)).ifPresent(b::addAllAuthenticationConfigurations);
    spec.listOf("authorizationWebhooks", item -> spec.asObject(item.node(), item.path())
        .flatMap(RenderContextBinder::authorizationWebhook)).ifPresent(b::addAllAuthorizationWebhooks);
    spec.object("clientNetworks").map(RenderContextBinder::clientNetworks).ifPresent(b::clientNetworks);
    spec.nonEmptyString("cni").ifPresent(b::cni);
    spec.bool("managedByLabel").ifPresent(b::managedByLabel);
    Optional<CiliumFlavour> cilium = spec.object("cilium").map(RenderContextBinder::cilium);
    cilium.ifPresent(b::cilium);
    boolean wildcards = cilium.filter(c -> c.fqdnEgress() && c.allowWildcardHosts()).isPresent();
    spec.listOf("extraEgress", item -> spec.asObject(item.node(), item.path())
        .flatMap(o -> extraEgress(o, wildcards))).ifPresent(b::addAllExtraEgress);
  }

  private static void bindSeedEndpoints(FieldReader spec, RenderContext.Builder b) {
    spec.hosts("seedAPIServerEndpoints").ifPresent(b::seedAPIServerEndpoints);
    spec.nonEmptyString("seedAPIServerEndpointsFrom").ifPresent(from -> {
      if (from.startsWith("/") || List.of(from.split("/")).contains("..")) {
        spec.report(DiagnosticCode.FIELD_VALUE, spec.value("seedAPIServerEndpointsFrom").get(),
            spec.child("seedAPIServerEndpointsFrom"), "'" + from + "' leaves this RenderContext's folder",
            "name an input file beside this RenderContext or below its folder, e.g. endpoints/seed-eu.yaml");
      } else {
        b.seedAPIServerEndpointsFrom(from);
      }
    });
    spec.integer("seedAPIServerPort").ifPresent(port -> {
      List<FieldError> problems = Ports.validateNumber(port, spec.child("seedAPIServerPort"));
      spec.report(problems);
      if (problems.isEmpty()) {
        b.seedAPIServerPort(port);
      }
    });
  }

  private static Optional<ClusterDns> clusterDns(FieldReader dns) {
    dns.rejectUnknown(Set.of("namespace", "podLabels"));
    Optional<String> ns = dns.nonEmptyString("namespace");
    if (ns.isEmpty()) {
      dns.report(DiagnosticCode.FIELD_MISSING, dns.node(), dns.child("namespace"),
          "clusterDNS has no namespace", "name the namespace of the cluster DNS pods, e.g. kube-system");
      return Optional.empty();
    }
    return Optional.of(ClusterDns.builder().namespace(ns.get())
        .putAllPodLabels(dns.stringMap("podLabels").orElse(java.util.Map.of())).build());
  }

  private static Optional<OidcIssuer> oidcIssuer(FieldReader o) {
    o.rejectUnknown(Set.of("url", "ips", "loadBalancerBackends"));
    Optional<String> url = required(o, "url");
    List<LoadBalancerBackend> backends = o.listOf("loadBalancerBackends", backend -> o.asObject(backend.node(),
        backend.path()).flatMap(RenderContextBinder::loadBalancerBackend)).orElse(List.of());
    return url.map(u -> OidcIssuer.builder().url(u).addAllIps(o.hosts("ips").orElse(List.of()))
        .addAllLoadBalancerBackends(backends).build());
  }

  private static Optional<AuthorizationWebhook> authorizationWebhook(FieldReader o) {
    o.rejectUnknown(Set.of("cluster", "url", "ips"));
    Optional<String> cluster = required(o, "cluster");
    Optional<String> url = required(o, "url");
    if (cluster.isEmpty() || url.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(AuthorizationWebhook.builder().cluster(cluster.get()).url(url.get())
        .addAllIps(o.hosts("ips").orElse(List.of())).build());
  }

  private static ClientNetworks clientNetworks(FieldReader nets) {
    nets.rejectUnknown(CLIENT_NETWORKS);
    return ClientNetworks.builder()
        .addAllUserClusterWorkers(nets.cidrs("userClusterWorkers").orElse(List.of()))
        .addAllKkpMasterNodes(nets.cidrs("kkpMasterNodes").orElse(List.of()))
        .addAllSeedNodes(nets.cidrs("seedNodes").orElse(List.of()))
        .addAllSeedPods(nets.cidrs("seedPods").orElse(List.of()))
        .build();
  }

  private static String profiles() {
    return Arrays.stream(Profile.values()).map(Profile::id).collect(Collectors.joining(", "));
  }

  private static Optional<String> required(FieldReader o, String key) {
    Optional<String> v = o.nonEmptyString(key);
    if (v.isEmpty() && !o.has(key)) {
      o.report(DiagnosticCode.FIELD_MISSING, o.node(), o.child(key),
          "missing field '" + key + "'", "add " + key);
    }
    return v;
  }

  private static Optional<LoadBalancerBackend> loadBalancerBackend(FieldReader o) {
    o.rejectUnknown(Set.of("namespace", "service", "podLabels"));
    Optional<String> namespace = required(o, "namespace");
    Optional<String> service = o.nonEmptyString("service");
    if (service.isPresent() && !dev.apiserverpolicy.model.KubernetesNames.isLabel(service.get())) {
      o.report(DiagnosticCode.FIELD_VALUE, o.value("service").orElse(o.node()), o.child("service"),
          "service '" + service.get() + "' is not a Service name: "
              + dev.apiserverpolicy.model.KubernetesNames.LABEL_RULE,
          "give metadata.name of the LoadBalancer Service that fronts the issuer");
      return Optional.empty();
    }
    java.util.Map<String, String> labels = o.stringMap("podLabels").orElse(java.util.Map.of());
    if (labels.isEmpty()) {
      o.report(DiagnosticCode.FIELD_MISSING, o.node(), o.child("podLabels"),
          "a load balancer backend needs the Service's selector as podLabels",
          "copy spec.selector of the LoadBalancer Service that fronts the issuer");
      return Optional.empty();
    }
    return namespace.map(ns -> LoadBalancerBackend.builder().namespace(ns).service(service).putAllPodLabels(labels)
        .build());
  }

  private static Optional<AuthenticationIssuers> authenticationIssuers(FieldReader o) {
    o.rejectUnknown(Set.of("secret", "issuers"));
    Optional<FieldReader> secret = o.object("secret");
    if (secret.isEmpty()) {
      if (!o.has("secret")) {
        o.report(DiagnosticCode.FIELD_MISSING, o.node(), o.child("secret"), "missing field 'secret'",
            "name the Secret: secret: {namespace: ..., name: ..., key: ...}");
      }
      return Optional.empty();
    }
    secret.get().rejectUnknown(Set.of("namespace", "name", "key"));
    Optional<String> namespace = required(secret.get(), "namespace");
    Optional<String> name = required(secret.get(), "name");
    Optional<String> key = required(secret.get(), "key");
    Optional<List<String>> issuers = o.strings("issuers");
    if (!o.has("issuers")) {
      o.report(DiagnosticCode.FIELD_MISSING, o.node(), o.child("issuers"), "missing field 'issuers'",
          "list every jwt[].issuer.url of the AuthenticationConfiguration (an empty list if it has none)");
    }
    if (namespace.isEmpty() || name.isEmpty() || key.isEmpty() || issuers.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(AuthenticationIssuers.builder().namespace(namespace.get()).name(name.get()).key(key.get())
        .addAllIssuers(issuers.get()).build());
  }

  private static CiliumFlavour cilium(FieldReader c) {
    c.rejectUnknown(Set.of("fqdnEgress", "seedAPIServerEntity", "allowWildcardHosts"));
    CiliumFlavour.Builder b = CiliumFlavour.builder();
    c.bool("fqdnEgress").ifPresent(b::fqdnEgress);
    c.bool("seedAPIServerEntity").ifPresent(b::seedAPIServerEntity);
    c.bool("allowWildcardHosts").ifPresent(b::allowWildcardHosts);
    return b.build();
  }

  private static Optional<ExtraEgressRule> extraEgress(FieldReader o, boolean wildcards) {
    o.rejectUnknown(Set.of("name", "description", "to", "ports"));
    Optional<String> name = required(o, "name");
    Optional<String> description = required(o, "description");
    List<String> hosts = new java.util.ArrayList<>();
    List<NetworkPolicyPeer> to = o.listOf("to", item -> o.asObject(item.node(), item.path()).flatMap(p -> {
      if (!p.has("host")) {
        return peer(p);
      }
      p.rejectUnknown(Set.of("host"));
      p.nonEmptyString("host").ifPresent(host -> {
        List<FieldError> problems = ExtraEgressRule.validateHost(host, wildcards, p.child("host"));
        p.report(problems);
        if (problems.isEmpty()) {
          hosts.add(host);
        }
      });
      return Optional.empty();
    })).orElse(List.of());
    List<NetworkPolicyPort> ports = o.listOf("ports", item -> o.asObject(item.node(), item.path())
        .flatMap(RenderContextBinder::port)).orElse(List.of());
    if (name.isEmpty() || description.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ExtraEgressRule.builder().name(name.get()).description(description.get())
        .addAllTo(to).addAllHosts(hosts).addAllPorts(ports).build());
  }

  private static Optional<NetworkPolicyPeer> peer(FieldReader p) {
    p.rejectUnknown(Set.of("ipBlock", "podSelector", "namespaceSelector"));
    Optional<IpBlock> ipBlock = p.object("ipBlock").flatMap(RenderContextBinder::ipBlock);
    Optional<LabelSelector> pods = p.object("podSelector").flatMap(RenderContextBinder::selector);
    Optional<LabelSelector> namespaces = p.object("namespaceSelector").flatMap(RenderContextBinder::selector);
    boolean hasIp = p.has("ipBlock");
    List<FieldError> problems =
        NetworkPolicyPeer.validate(hasIp, p.has("podSelector") || p.has("namespaceSelector"), p.path());
    if (!problems.isEmpty()) {
      p.report(problems);
      return Optional.empty();
    }
    if (hasIp && ipBlock.isEmpty() || p.has("podSelector") && pods.isEmpty()
        || p.has("namespaceSelector") && namespaces.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(NetworkPolicyPeer.builder().ipBlock(ipBlock).podSelector(pods).namespaceSelector(namespaces)
        .build());
  }

  private static Optional<IpBlock> ipBlock(FieldReader b) {
    b.rejectUnknown(Set.of("cidr", "except"));
    if (!b.has("cidr")) {
      b.report(DiagnosticCode.FIELD_MISSING, b.node(), b.child("cidr"), "ipBlock has no cidr", "add cidr");
      return Optional.empty();
    }
    Optional<dev.apiserverpolicy.model.Cidr> cidr = b.value("cidr").flatMap(v -> b.asCidr(v, b.child("cidr"), false));
    List<dev.apiserverpolicy.model.Cidr> except = b.cidrs("except").orElse(List.of());
    if (cidr.isEmpty()) {
      return Optional.empty();
    }
    List<FieldError> problems = IpBlock.validate(cidr.get(), except, b.path());
    if (!problems.isEmpty()) {
      b.report(problems);
      return Optional.empty();
    }
    return Optional.of(IpBlock.builder().cidr(cidr.get()).addAllExcept(except).build());
  }

  private static Optional<LabelSelector> selector(FieldReader s) {
    s.rejectUnknown(Set.of("matchLabels", "matchExpressions"));
    LabelSelector.Builder b = LabelSelector.builder();
    s.stringMap("matchLabels").ifPresent(b::putAllMatchLabels);
    boolean[] ok = {true};
    s.listOf("matchExpressions", item -> s.asObject(item.node(), item.path()).flatMap(e -> {
      e.rejectUnknown(Set.of("key", "operator", "values"));
      Optional<String> key = required(e, "key");
      Optional<String> op = required(e, "operator");
      List<String> values = e.strings("values").orElse(List.of());
      if (key.isEmpty() || op.isEmpty()) {
        ok[0] = false;
        return Optional.empty();
      }
      Optional<LabelSelectorRequirement.Operator> operator = LabelSelectorRequirement.Operator.fromName(op.get());
      if (operator.isEmpty()) {
        e.report(DiagnosticCode.FIELD_VALUE, e.value("operator").get(), e.child("operator"),
            "unknown operator '" + op.get() + "'", "use In, NotIn, Exists or DoesNotExist");
        ok[0] = false;
        return Optional.empty();
      }
      List<FieldError> problems = LabelSelectorRequirement.validate(operator.get(), values, e.path());
      if (!problems.isEmpty()) {
        e.report(problems);
        ok[0] = false;
        return Optional.empty();
      }
      return Optional.of(LabelSelectorRequirement.builder().key(key.get()).operator(operator.get())
          .addAllValues(values).build());
    })).ifPresent(b::addAllMatchExpressions);
    return ok[0] ? Optional.of(b.build()) : Optional.empty();
  }

  private static Optional<NetworkPolicyPort> port(FieldReader p) {
    p.rejectUnknown(Set.of("protocol", "port", "endPort"));
    NetworkPolicyPort.Builder b = NetworkPolicyPort.builder();
    Optional<String> protocol = p.nonEmptyString("protocol");
    if (protocol.isPresent()) {
      Optional<Protocol> proto = Protocol.fromName(protocol.get());
      if (proto.isEmpty()) {
        p.report(DiagnosticCode.FIELD_VALUE, p.value("protocol").get(), p.child("protocol"),
            "unknown protocol '" + protocol.get() + "'", "use TCP, UDP or SCTP");
        return Optional.empty();
      }
      b.protocol(proto.get());
    }
    Optional<Integer> number = Optional.empty();
    Optional<String> name = Optional.empty();
    if (p.has("port")) {
      YamlNode v = p.value("port").get();
      if (v instanceof YamlNode.Scalar s && s.type() == YamlNode.Type.STRING) {
        name = Optional.of(s.value());
      } else {
        number = p.integer("port");
        if (number.isEmpty()) {
          return Optional.empty();
        }
      }
    }
    Optional<Integer> end = p.integer("endPort");
    if (end.isEmpty() && p.has("endPort")) {
      return Optional.empty();
    }
    List<FieldError> problems = NetworkPolicyPort.validate(number, name, end, p.path());
    if (!problems.isEmpty()) {
      p.report(problems);
      return Optional.empty();
    }
    return Optional.of(b.port(number).namedPort(name).endPort(end).build());
  }
}
