package dev.apiserverpolicy.render.service;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.model.Seed;
import dev.apiserverpolicy.model.manifest.ObjectMeta;
import dev.apiserverpolicy.model.manifest.Service;
import dev.apiserverpolicy.model.manifest.ServicePort;
import dev.apiserverpolicy.model.manifest.ServiceType;
import dev.apiserverpolicy.render.facts.ClusterFacts;
import dev.apiserverpolicy.render.yaml.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Services that expose one cluster's API server, shaped by its expose strategy as
 * KKP v2.31 shapes them (docs/kkp.md section 2; {@code pkg/resources/apiserver/service.go},
 * {@code konnectivity/proxyservice.go}, {@code nodeportproxy/nodeportproxy.go}).
 *
 * @since 0.1.0
 */
public final class ServiceRenderer {
  static final String EXPOSE = "nodeport-proxy.k8s.io/expose";
  static final String EXPOSE_NAMESPACED = "nodeport-proxy.k8s.io/expose-namespaced";
  static final String PORT_MAPPING = "nodeport-proxy.k8s.io/port-mapping";
  public static final String SOURCE_RANGES = "service.beta.kubernetes.io/load-balancer-source-ranges";
  public static final String AWS_LB_TYPE = "service.beta.kubernetes.io/aws-load-balancer-type";
  static final String AWS_IDLE_TIMEOUT = "service.beta.kubernetes.io/aws-load-balancer-connection-idle-timeout";
  static final String AWS_CROSS_ZONE = "service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled";
  /** What KKP's seed defaulting puts into an empty {@code loadBalancerService.annotations}, on every provider. */
  static final Map<String, String> DEFAULT_LB_ANNOTATIONS = Map.of(AWS_LB_TYPE, "nlb", AWS_IDLE_TIMEOUT, "3600");
  private static final int KONNECTIVITY_PORT = 8132;

  private ServiceRenderer() {}

  /**
   * apiserver-external, konnectivity-server (when on) and front-loadbalancer (LoadBalancer), in
   * that order, which is KKP's and not alphabetical.
   */
  public static List<Service> render(ClusterFacts facts) {
    List<Service> services = new ArrayList<>();
    services.add(apiserverExternal(facts));
    if (facts.konnectivity()) {
      services.add(konnectivityServer(facts));
    }
    if (facts.strategy() == ExposeStrategy.LOAD_BALANCER) {
      services.add(frontLoadBalancer(facts));
    }
    return List.copyOf(services);
  }

  private static Service apiserverExternal(ClusterFacts facts) {
    ServicePort.Builder port = ServicePort.builder().name("secure").port(443);
    if (facts.strategy() == ExposeStrategy.TUNNELING) {
      port.targetPort(ClusterFacts.DEFAULT_APISERVER_PORT);
    } else if (facts.cluster().statusPort().isPresent()) {
      // Once allocated, the NodePort is also the port the apiserver listens on.
      int nodePort = facts.cluster().statusPort().get();
      port.targetPort(nodePort).nodePort(nodePort);
    } else {
      port.targetPort(ClusterFacts.DEFAULT_APISERVER_PORT);
    }
    Service service = exposed(facts, "apiserver-external", port.build(), "");
    if (facts.apiserverServiceType().isEmpty()) {
      return service;
    }
    // The datacenter's apiServerServiceType replaces the type the strategy chose (KKP's service.go); a
    // ClusterIP Service has no node port.
    ServiceType type = facts.apiserverServiceType().get();
    List<ServicePort> ports = type == ServiceType.CLUSTER_IP
        ? service.ports().stream().map(p -> ServicePort.builder().from(p).nodePort(java.util.Optional.empty())
            .build()).toList()
        : service.ports();
    return Service.builder().from(service).type(type).ports(ports).build();
  }

  private static Service konnectivityServer(ClusterFacts facts) {
    ServicePort port = ServicePort.builder().name("secure").port(443).targetPort(KONNECTIVITY_PORT).build();
    return exposed(facts, "konnectivity-server", port, "konnectivity-server.");
  }

  private static Service exposed(ClusterFacts facts, String name, ServicePort port, String hostPrefix) {
    SortedMap<String, String> annotations = new TreeMap<>();
    ServiceType type;
    switch (facts.strategy()) {
      case NODE_PORT -> {
        type = ServiceType.NODE_PORT;
        annotations.put(EXPOSE, "NodePort");
      }
      case LOAD_BALANCER -> {
        type = ServiceType.NODE_PORT;
        annotations.put(EXPOSE_NAMESPACED, "true");
      }
      default -> {
        type = ServiceType.CLUSTER_IP;
        annotations.put(EXPOSE, "SNI,Tunneling");
        String host = hostPrefix + facts.cluster().statusExternalName().orElseThrow();
        // A YAML double-quoted string, as the emitter writes it, is also a valid JSON string. KKP writes a
        // space after the colon; the least-privilege profile keeps the compact form.
        annotations.put(PORT_MAPPING, "{\"secure\":" + (facts.kkpForm() ? " " : "") + JsonString.quote(host) + "}");
      }
    }
    return Service.builder()
        .metadata(ObjectMeta.builder().name(name).namespace(facts.namespace()).putAllAnnotations(annotations).build())
        .type(type)
        .putSelector("app", "apiserver")
        .addPorts(port)
        .build();
  }

  /** Kubernetes refuses an object whose annotations (keys and values, in bytes) exceed this. */
  public static final int MAX_ANNOTATION_BYTES = 256 * 1024;

  /** The size Kubernetes counts for {@code annotations}: every key and value, in UTF-8 bytes. */
  public static long annotationBytes(Map<String, String> annotations) {
    long total = 0;
    for (Map.Entry<String, String> e : annotations.entrySet()) {
      total += e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
          + e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
    return total;
  }

  private static Service frontLoadBalancer(ClusterFacts facts) {
    List<Cidr> ranges = facts.writtenSourceRanges();
    return Service.builder()
        .metadata(ObjectMeta.builder().name("front-loadbalancer").namespace(facts.namespace())
            .putAllAnnotations(frontLoadBalancerAnnotations(facts, ranges)).build())
        .type(ServiceType.LOAD_BALANCER)
        .putSelector("app", "nodeport-proxy-envoy")
        .addPorts(ServicePort.builder().name("secure").port(443).targetPort(443).build())
        .addAllLoadBalancerSourceRanges(ranges)
        .build();
  }

  /** The annotations of front-loadbalancer for these source ranges. */
  public static SortedMap<String, String> frontLoadBalancerAnnotations(ClusterFacts facts, List<Cidr> ranges) {
    Seed seed = facts.inputs().seed();
    SortedMap<String, String> annotations = new TreeMap<>(seed.nodeportProxyAnnotations());
    annotations.putAll(seed.loadBalancerServiceAnnotations().isEmpty()
        ? DEFAULT_LB_ANNOTATIONS : seed.loadBalancerServiceAnnotations());
    if ("aws".equals(facts.cluster().spec().cloudProvider().orElse(""))) {
      annotations.put(AWS_LB_TYPE, "nlb");
      annotations.put(AWS_IDLE_TIMEOUT, "3600");
      annotations.put(AWS_CROSS_ZONE, "true");
    }
    if (ranges.isEmpty()) {
      // An empty list is "anyone"; a stale annotation must not say otherwise.
      annotations.remove(SOURCE_RANGES);
    } else {
      annotations.put(SOURCE_RANGES, ranges.stream().map(Cidr::asWritten).collect(Collectors.joining(",")));
    }
    return annotations;
  }
}
