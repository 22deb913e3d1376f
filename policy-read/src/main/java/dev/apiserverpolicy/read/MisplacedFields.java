package dev.apiserverpolicy.read;

import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.FieldPath;
import dev.apiserverpolicy.model.Spelling;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds, in KKP's objects, a field that is almost one this tool reads: another case, a small
 * misspelling, or the right name one level too high or too low. KKP's API server prunes such a
 * field without a word (its CRDs are structural), so the object renders as if the field were
 * absent: {@code apiServerAllowedIpRanges} leaves the API server open to everyone. Each is an
 * error ({@code field-unknown}) at its line, naming the field it was probably meant to be.
 *
 * <p>The fields are data: {@link #FIELDS} lists, per kind, every field {@link KkpObjectBinder}
 * reads (each changes the output), with {@code *} for a map key. {@code MisplacedFieldsTest}
 * walks every field of KKP v2.31.0's CRD schemas and holds that none of them is taken for a
 * near miss.
 */
final class MisplacedFields {
  private static final List<String> CLUSTER_SPEC = List.of("spec", "spec.features", "spec.exposeStrategy",
      "spec.apiServerAllowedIPRanges", "spec.apiServerAllowedIPRanges.cidrBlocks", "spec.clusterNetwork",
      "spec.clusterNetwork.konnectivityEnabled", "spec.clusterNetwork.ipFamily", "spec.clusterNetwork.pods",
      "spec.clusterNetwork.pods.cidrBlocks", "spec.clusterNetwork.services", "spec.clusterNetwork.services.cidrBlocks",
      "spec.clusterNetwork.tunnelingAgentIP", "spec.cloud", "spec.cloud.dc", "spec.cloud.providerName", "spec.oidc",
      "spec.oidc.issuerURL", "spec.authenticationConfiguration", "spec.authenticationConfiguration.secretName",
      "spec.authenticationConfiguration.secretKey", "spec.authorizationConfig", "spec.authorizationConfig.enabledModes",
      "spec.authorizationConfig.authorizationWebhookConfiguration",
      "spec.authorizationConfig.authorizationWebhookConfiguration.secretName",
      "spec.authorizationConfig.authorizationWebhookConfiguration.secretKey", "spec.kyverno", "spec.kyverno.enabled");
  private static final List<String> METADATA = List.of("metadata", "metadata.name", "metadata.namespace",
      "metadata.labels");

  /** Per kind, every field the binder reads. */
  static final Map<String, Set<String>> FIELDS = Map.of(
      "Cluster", fields(METADATA, CLUSTER_SPEC, List.of("status", "status.namespaceName", "status.address",
          "status.address.port", "status.address.externalName")),
      "ClusterTemplate", fields(METADATA, CLUSTER_SPEC),
      "Seed", fields(METADATA, List.of("spec", "spec.datacenters", "spec.datacenters.*", "spec.datacenters.*.spec",
          "spec.datacenters.*.spec.apiServerServiceType", "spec.datacenters.*.spec.authenticationConfiguration",
          "spec.datacenters.*.spec.authenticationConfiguration.secretName",
          "spec.datacenters.*.spec.authenticationConfiguration.secretKey", "spec.authenticationConfiguration",
          "spec.authenticationConfiguration.secretName", "spec.authenticationConfiguration.secretKey",
          "spec.oidcProviderConfiguration", "spec.oidcProviderConfiguration.issuerURL", "spec.exposeStrategy",
          "spec.defaultClusterTemplate", "spec.defaultAPIServerAllowedIPRanges", "spec.nodeportProxy",
          "spec.nodeportProxy.annotations", "spec.nodeportProxy.envoy", "spec.nodeportProxy.envoy.loadBalancerService",
          "spec.nodeportProxy.envoy.loadBalancerService.sourceRanges",
          "spec.nodeportProxy.envoy.loadBalancerService.annotations")),
      "KubermaticConfiguration", fields(METADATA, List.of("spec", "spec.featureGates", "spec.auth",
          "spec.auth.tokenIssuer", "spec.ingress", "spec.ingress.namespaceOverride", "spec.exposeStrategy")));

  /** Maps whose keys are free text (labels, annotations): never looked into. */
  private static final Set<String> FREE_KEYS = Set.of("metadata.labels", "spec.nodeportProxy.annotations",
      "spec.nodeportProxy.envoy.loadBalancerService.annotations");

  /** Maps whose keys are names: the one that changes the output, which a near miss of is an error. */
  private static final Map<String, String> NAMED_KEYS = Map.of(
      "spec.features", "apiserverNetworkPolicy", "spec.featureGates", "OpenIDAuthPlugin");

  private MisplacedFields() {}

  @SafeVarargs
  private static Set<String> fields(List<String>... parts) {
    Set<String> all = new java.util.HashSet<>();
    for (List<String> part : parts) {
      all.addAll(part);
    }
    return Set.copyOf(all);
  }

  /** Reports every near miss in {@code doc}, an object of {@code kind}. */
  static void check(FieldReader doc, String kind) {
    Set<String> known = FIELDS.get(kind);
    if (known != null && doc.node() instanceof YamlNode.Mapping root) {
      walk(doc, known, root, FieldPath.root(), "");
    }
  }

  private static void walk(FieldReader doc, Set<String> known, YamlNode.Mapping mapping, FieldPath path,
      String pattern) {
    for (YamlNode.Entry entry : mapping.entries()) {
      if (!(entry.key() instanceof YamlNode.Scalar key) || key.type() != YamlNode.Type.STRING) {
        continue;
      }
      String name = key.value();
      String child = pattern.isEmpty() ? name : pattern + "." + (known.contains(pattern + ".*") ? "*" : name);
      if (NAMED_KEYS.containsKey(pattern)) {
        String meant = NAMED_KEYS.get(pattern);
        if (!name.equals(meant) && close(name, meant)) {
          report(doc, key, path.child(name), meant, pattern + "." + meant);
        }
      } else if (known.contains(child)) {
        if (!FREE_KEYS.contains(child) && entry.value() instanceof YamlNode.Mapping inner) {
          walk(doc, known, inner, path.child(name), child);
        }
      } else {
        nearMiss(known, pattern, name).ifPresent(meant -> report(doc, key, path.child(name),
            meant.substring(meant.lastIndexOf('.') + 1), meant));
      }
    }
  }

  /** The field {@code name} under {@code pattern} was probably meant to be: same level, one up or one down. */
  static Optional<String> nearMiss(Set<String> known, String pattern, String name) {
    String parentOfPattern = pattern.contains(".") ? pattern.substring(0, pattern.lastIndexOf('.')) : "";
    return known.stream().sorted().filter(field -> {
      String last = field.substring(field.lastIndexOf('.') + 1);
      String parent = field.contains(".") ? field.substring(0, field.lastIndexOf('.')) : "";
      boolean sameLevel = parent.equals(pattern) && close(name, last);
      boolean movedUp = isChild(parent, pattern);
      boolean movedDown = !pattern.isEmpty() && parent.equals(parentOfPattern);
      return sameLevel || (movedUp || movedDown) && last.equalsIgnoreCase(name);
    }).findFirst();
  }

  private static boolean isChild(String field, String of) {
    return of.isEmpty() ? !field.isEmpty() && !field.contains(".")
        : field.startsWith(of + ".") && field.indexOf('.', of.length() + 1) < 0;
  }

  /** Another case, or (for names of four letters or more) one or two letters off. */
  static boolean close(String written, String meant) {
    if (written.equalsIgnoreCase(meant)) {
      return true;
    }
    int allowed = meant.length() >= 8 ? 2 : meant.length() >= 4 ? 1 : 0;
    return allowed > 0 && Spelling.distance(written.toLowerCase(Locale.ROOT), meant.toLowerCase(Locale.ROOT))
        <= allowed;
  }

  private static void report(FieldReader doc, YamlNode at, FieldPath path, String meantName, String meantPath) {
    doc.report(DiagnosticCode.FIELD_UNKNOWN, at, path,
        "unknown field '" + path + "': KKP's API server drops it without a word, and the object would render "
            + "as if it were absent, though " + meantPath + " changes what is rendered",
        "did you mean '" + meantName + "' (" + meantPath + ")?");
  }
}
