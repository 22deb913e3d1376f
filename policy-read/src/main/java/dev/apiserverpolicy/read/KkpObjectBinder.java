package dev.apiserverpolicy.read;

import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ClusterNetwork;
import dev.apiserverpolicy.model.ClusterSpec;
import dev.apiserverpolicy.model.ClusterTemplate;
import dev.apiserverpolicy.model.DatacenterSettings;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.model.FieldError;
import dev.apiserverpolicy.model.IpFamily;
import dev.apiserverpolicy.model.KubermaticConfiguration;
import dev.apiserverpolicy.model.SecretKeyRef;
import dev.apiserverpolicy.model.Seed;
import dev.apiserverpolicy.model.manifest.ServiceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds KKP {@code kubermatic.k8c.io/v1} objects. Unknown fields are tolerated (real
 * objects carry many), unless one is a near miss of a field read here ({@link MisplacedFields});
 * the fields docs/spec.md section 2 lists are read strictly.
 */
final class KkpObjectBinder {
  private static final Set<String> CLOUD_NON_PROVIDER_KEYS = Set.of("dc", "providerName");

  private KkpObjectBinder() {}

  static Optional<Cluster> cluster(FieldReader doc) {
    MisplacedFields.check(doc, "Cluster");
    Optional<Cluster> bound = bindCluster(doc);
    // Last, so that a field the binder has reported is not reported again against the schema.
    KkpSchema.check(doc, "Cluster");
    return bound;
  }

  private static Optional<Cluster> bindCluster(FieldReader doc) {
    ReadScope scope = doc.scope();
    Optional<String> name = ObjectNames.name(doc, "Cluster");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> statusNamespace = doc.object("status").flatMap(status -> status.nonEmptyString("namespaceName"));
    if (refusedNames(doc, Cluster.validateNames(name.get(), statusNamespace))) {
      return Optional.empty();
    }
    Cluster.Builder b = Cluster.builder().name(name.get()).statusNamespace(statusNamespace);
    doc.object("metadata").flatMap(m -> m.stringMap("labels")).ifPresent(b::putAllLabels);
    doc.object("spec").ifPresent(spec -> b.spec(spec(spec)));
    doc.object("status").ifPresent(status -> {
      status.object("address").ifPresent(address -> {
        address.integer("port", 0, 65535).filter(p -> p > 0).ifPresent(b::statusPort);
        address.nonEmptyString("externalName").ifPresent(b::statusExternalName);
      });
    });
    return Optional.of(b.origin(scope.origin()).build());
  }

  /**
   * Names Kubernetes would refuse, reported at their lines: the object is left out (its builder
   * would refuse it too), and the finding says the input was not read whole, so nothing is pruned.
   */
  private static boolean refusedNames(FieldReader doc, List<FieldError> errors) {
    doc.report(errors);
    return !errors.isEmpty();
  }

  static Optional<ClusterTemplate> template(FieldReader doc) {
    MisplacedFields.check(doc, "ClusterTemplate");
    Optional<ClusterTemplate> bound = bindTemplate(doc);
    // Last, so that a field the binder has reported is not reported again against the schema.
    KkpSchema.check(doc, "ClusterTemplate");
    return bound;
  }

  private static Optional<ClusterTemplate> bindTemplate(FieldReader doc) {
    ReadScope scope = doc.scope();
    Optional<String> name = ObjectNames.name(doc, "ClusterTemplate");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    ClusterTemplate.Builder b = ClusterTemplate.builder().name(name.get());
    doc.object("metadata").flatMap(m -> m.stringMap("labels")).ifPresent(b::putAllLabels);
    doc.object("spec").ifPresent(spec -> b.spec(spec(spec)));
    return Optional.of(b.origin(scope.origin()).build());
  }

  static Optional<Seed> seed(FieldReader doc) {
    MisplacedFields.check(doc, "Seed");
    Optional<Seed> bound = bindSeed(doc);
    // Last, so that a field the binder has reported is not reported again against the schema.
    KkpSchema.check(doc, "Seed");
    return bound;
  }

  private static Optional<Seed> bindSeed(FieldReader doc) {
    ReadScope scope = doc.scope();
    Optional<String> name = ObjectNames.name(doc, "Seed");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> namespace = doc.object("metadata").flatMap(m -> m.nonEmptyString("namespace"));
    if (refusedNames(doc, Seed.validateNames(name.get(), namespace))) {
      return Optional.empty();
    }
    Seed.Builder b = Seed.builder().name(name.get()).namespace(namespace);
    doc.object("spec").ifPresent(spec -> {
      spec.object("datacenters").ifPresent(dcs -> {
        b.addAllDatacenters(dcs.keys());
        for (String dc : dcs.keys()) {
          dcs.object(dc).flatMap(d -> d.object("spec")).flatMap(KkpObjectBinder::datacenter)
              .ifPresent(settings -> b.putDatacenterSettings(dc, settings));
        }
      });
      secretKeyRef(spec, "authenticationConfiguration").ifPresent(b::authenticationConfiguration);
      spec.object("oidcProviderConfiguration").flatMap(o -> o.nonEmptyString("issuerURL"))
          .ifPresent(b::oidcProviderIssuerURL);
      exposeStrategy(spec).ifPresent(b::exposeStrategy);
      spec.nonEmptyString("defaultClusterTemplate").ifPresent(b::defaultClusterTemplate);
      spec.cidrs("defaultAPIServerAllowedIPRanges").ifPresent(b::addAllDefaultAPIServerAllowedIPRanges);
      spec.object("nodeportProxy").ifPresent(proxy -> {
        proxy.stringMap("annotations").ifPresent(b::putAllNodeportProxyAnnotations);
        proxy.object("envoy").flatMap(e -> e.object("loadBalancerService")).ifPresent(lb -> {
          lb.cidrs("sourceRanges").ifPresent(b::addAllNodeportProxySourceRanges);
          lb.stringMap("annotations").ifPresent(b::putAllLoadBalancerServiceAnnotations);
        });
      });
    });
    return Optional.of(b.origin(scope.origin()).build());
  }

  private static Optional<DatacenterSettings> datacenter(FieldReader dc) {
    DatacenterSettings.Builder b = DatacenterSettings.builder();
    dc.nonEmptyString("apiServerServiceType").ifPresent(text -> {
      Optional<ServiceType> type = ServiceType.fromKubernetesName(text);
      if (type.isPresent()) {
        b.apiServerServiceType(type.get());
      } else {
        dc.report(DiagnosticCode.FIELD_VALUE, dc.value("apiServerServiceType").orElse(dc.node()),
            dc.child("apiServerServiceType"), "unknown Service type '" + text + "'",
            "use ClusterIP, NodePort or LoadBalancer (exact spelling)");
      }
    });
    secretKeyRef(dc, "authenticationConfiguration").ifPresent(b::authenticationConfiguration);
    DatacenterSettings settings = b.build();
    return settings.equals(DatacenterSettings.builder().build()) ? Optional.empty() : Optional.of(settings);
  }

  /** A {@code {secretName, secretKey}} object, when both are set (KKP ignores it otherwise). */
  private static Optional<SecretKeyRef> secretKeyRef(FieldReader parent, String key) {
    return parent.object(key).flatMap(ref -> {
      Optional<String> name = ref.nonEmptyString("secretName");
      Optional<String> secretKey = ref.nonEmptyString("secretKey");
      return name.isPresent() && secretKey.isPresent()
          ? Optional.of(SecretKeyRef.builder().name(name.get()).key(secretKey.get()).build()) : Optional.empty();
    });
  }

  static Optional<KubermaticConfiguration> kubermaticConfiguration(FieldReader doc) {
    MisplacedFields.check(doc, "KubermaticConfiguration");
    Optional<KubermaticConfiguration> bound = bindKubermaticConfiguration(doc);
    // Last, so that a field the binder has reported is not reported again against the schema.
    KkpSchema.check(doc, "KubermaticConfiguration");
    return bound;
  }

  private static Optional<KubermaticConfiguration> bindKubermaticConfiguration(FieldReader doc) {
    ReadScope scope = doc.scope();
    Optional<String> name = ObjectNames.name(doc, "KubermaticConfiguration");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    KubermaticConfiguration.Builder b = KubermaticConfiguration.builder().name(name.get());
    doc.object("spec").ifPresent(spec -> {
      spec.boolMap("featureGates").ifPresent(b::putAllFeatureGates);
      spec.object("auth").flatMap(auth -> auth.nonEmptyString("tokenIssuer")).ifPresent(b::tokenIssuer);
      spec.object("ingress").flatMap(i -> i.nonEmptyString("namespaceOverride")).ifPresent(b::ingressNamespaceOverride);
      spec.object("ingress").flatMap(i -> i.nonEmptyString("domain")).ifPresent(b::ingressDomain);
      exposeStrategy(spec).ifPresent(b::exposeStrategy);
    });
    return Optional.of(b.origin(scope.origin()).build());
  }

  static ClusterSpec spec(FieldReader spec) {
    ClusterSpec.Builder b = ClusterSpec.builder();
    spec.boolMap("features").ifPresent(b::putAllFeatures);
    exposeStrategy(spec).ifPresent(b::exposeStrategy);
    // Present (even with a null or empty list) is not absent: KKP then appends the seed defaults.
    spec.object("apiServerAllowedIPRanges").ifPresent(ranges ->
        b.apiServerAllowedIPRanges(ranges.cidrs("cidrBlocks").orElse(List.of())));
    spec.object("clusterNetwork").ifPresent(net -> b.clusterNetwork(network(net)));
    spec.object("cloud").ifPresent(cloud -> {
      cloud.nonEmptyString("dc").ifPresent(b::datacenter);
      provider(cloud).ifPresent(b::cloudProvider);
    });
    spec.object("oidc").flatMap(oidc -> oidc.nonEmptyString("issuerURL")).ifPresent(b::oidcIssuerURL);
    secretKeyRef(spec, "authenticationConfiguration").ifPresent(b::authenticationConfiguration);
    spec.object("authorizationConfig").ifPresent(authz -> {
      // KKP's IsWebhookAuthorizationEnabled: the mode, and a webhook configuration naming both secret and key.
      boolean webhookMode = authz.strings("enabledModes").orElse(List.of()).contains("Webhook");
      boolean webhookConfig = secretKeyRef(authz, "authorizationWebhookConfiguration").isPresent();
      b.authorizationWebhook(webhookMode && webhookConfig);
    });
    spec.object("kyverno").flatMap(k -> k.bool("enabled")).ifPresent(b::kyvernoEnabled);
    return b.build();
  }

  private static ClusterNetwork network(FieldReader net) {
    ClusterNetwork.Builder b = ClusterNetwork.builder();
    net.bool("konnectivityEnabled").ifPresent(b::konnectivityEnabled);
    net.nonEmptyString("ipFamily").ifPresent(text -> {
      Optional<IpFamily> family = IpFamily.fromKkpName(text);
      if (family.isPresent()) {
        b.ipFamily(family.get());
      } else {
        net.report(DiagnosticCode.FIELD_VALUE, net.value("ipFamily").orElse(net.node()),
            net.child("ipFamily"), "unknown IP family '" + text + "'", "use IPv4 or IPv4+IPv6");
      }
    });
    net.object("pods").flatMap(p -> p.cidrs("cidrBlocks")).ifPresent(b::addAllPodCidrs);
    net.object("services").flatMap(s -> s.cidrs("cidrBlocks")).ifPresent(b::addAllServiceCidrs);
    if (net.nonEmptyString("tunnelingAgentIP").isPresent()) {
      net.host("tunnelingAgentIP").ifPresent(b::tunnelingAgentIP);
    }
    return b.build();
  }

  static Optional<ExposeStrategy> exposeStrategy(FieldReader spec) {
    return spec.nonEmptyString("exposeStrategy").flatMap(text -> {
      Optional<ExposeStrategy> s = ExposeStrategy.fromKkpName(text);
      if (s.isEmpty()) {
        spec.report(DiagnosticCode.EXPOSE_STRATEGY_UNKNOWN, spec.value("exposeStrategy").orElse(spec.node()),
            spec.child("exposeStrategy"),
            "Unsupported value: \"" + text + "\": supported values: \"NodePort\", \"LoadBalancer\", \"Tunneling\"",
            "use NodePort, LoadBalancer or Tunneling (exact spelling)");
      }
      return s;
    });
  }

  private static Optional<String> provider(FieldReader cloud) {
    Optional<String> named = cloud.nonEmptyString("providerName");
    List<String> keyed = new ArrayList<>();
    for (String key : cloud.keys()) {
      if (!CLOUD_NON_PROVIDER_KEYS.contains(key)
          && cloud.value(key).filter(v -> v instanceof YamlNode.Mapping).isPresent()) {
        keyed.add(key);
      }
    }
    if (named.isPresent()) {
      return named;
    }
    if (keyed.size() > 1) {
      cloud.report(DiagnosticCode.FIELD_VALUE, cloud.node(), cloud.path(),
          "spec.cloud configures several providers: " + String.join(", ", keyed),
          "keep one provider, or set spec.cloud.providerName");
      return Optional.empty();
    }
    return keyed.stream().findFirst();
  }
}
