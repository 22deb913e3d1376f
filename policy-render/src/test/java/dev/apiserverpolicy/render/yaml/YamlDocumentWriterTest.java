package dev.apiserverpolicy.render.yaml;

import static dev.apiserverpolicy.model.Properties.qt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ClusterNetwork;
import dev.apiserverpolicy.model.ClusterSpec;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.model.IpBlock;
import dev.apiserverpolicy.model.IpFamily;
import dev.apiserverpolicy.model.LabelSelector;
import dev.apiserverpolicy.model.LabelSelectorRequirement;
import dev.apiserverpolicy.model.NetworkPolicyPeer;
import dev.apiserverpolicy.model.NetworkPolicyPort;
import dev.apiserverpolicy.model.Protocol;
import dev.apiserverpolicy.model.SecretKeyRef;
import dev.apiserverpolicy.model.manifest.KubernetesObject;
import dev.apiserverpolicy.model.manifest.NetworkPolicy;
import dev.apiserverpolicy.model.manifest.NetworkPolicyRule;
import dev.apiserverpolicy.model.manifest.ObjectMeta;
import dev.apiserverpolicy.model.manifest.PolicyType;
import dev.apiserverpolicy.model.manifest.Service;
import dev.apiserverpolicy.model.manifest.ServicePort;
import dev.apiserverpolicy.model.manifest.ServiceType;
import dev.apiserverpolicy.render.InputGeneratorsAccess;
import dev.apiserverpolicy.render.RenderOptions;
import dev.apiserverpolicy.render.engine.ManifestRenderer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** The writer produces exactly the bytes of the reference (sorted trees plus emitter), for any object. */
class YamlDocumentWriterTest {
  private static final List<String> KEYS = List.of("app", "kind", "spec", "metadata", "apiVersion", "z",
      "app.kubernetes.io/name", "kubernetes.io/metadata.name", "yes", "0123", "a b");
  private static final List<String> VALUES = List.of("etcd", "true", "", "10.0.0.1", "x: y", "no", "3600", "v");

  private static String pick(Random r, List<String> from) {
    return from.get(r.nextInt(from.size()));
  }

  private static LabelSelector selector(Random r) {
    LabelSelector.Builder b = LabelSelector.builder();
    for (int i = r.nextInt(3); i > 0; i--) {
      b.putMatchLabels(pick(r, KEYS), pick(r, VALUES));
    }
    for (int i = r.nextInt(2); i > 0; i--) {
      LabelSelectorRequirement.Operator op = LabelSelectorRequirement.Operator.values()[r.nextInt(4)];
      LabelSelectorRequirement.Builder req = LabelSelectorRequirement.builder().key(pick(r, KEYS)).operator(op);
      if (op == LabelSelectorRequirement.Operator.IN || op == LabelSelectorRequirement.Operator.NOT_IN) {
        req.addValues(pick(r, VALUES), pick(r, VALUES));
      }
      b.addMatchExpressions(req.build());
    }
    return b.build();
  }

  private static NetworkPolicyPeer peer(Random r) {
    if (r.nextInt(3) == 0) {
      IpBlock.Builder block = IpBlock.builder().cidr(Cidr.parse("10.0.0.0/8"));
      if (r.nextBoolean()) {
        block.addExcept(Cidr.parse("10.1.0.0/16"), Cidr.parse("10.0.0.0/16"));
      }
      return NetworkPolicyPeer.builder().ipBlock(block.build()).build();
    }
    NetworkPolicyPeer.Builder b = NetworkPolicyPeer.builder();
    int which = r.nextInt(3);
    if (which != 1) {
      b.podSelector(selector(r));
    }
    if (which != 0) {
      b.namespaceSelector(selector(r));
    }
    return b.build();
  }

  private static NetworkPolicyRule rule(Random r) {
    NetworkPolicyRule.Builder b = NetworkPolicyRule.builder();
    for (int i = r.nextInt(3); i > 0; i--) {
      b.addPeers(peer(r));
    }
    for (int i = r.nextInt(3); i > 0; i--) {
      NetworkPolicyPort.Builder p = NetworkPolicyPort.builder().protocol(Protocol.values()[r.nextInt(3)]);
      switch (r.nextInt(4)) {
        case 0 -> p.port(53);
        case 1 -> p.port(1000).endPort(2000);
        case 2 -> p.namedPort(pick(r, List.of("http", "yes", "on", "a0123")));
        default -> { }
      }
      b.addPorts(p.build());
    }
    return b.build();
  }

  private static ObjectMeta meta(Random r) {
    ObjectMeta.Builder b = ObjectMeta.builder().name(pick(r, List.of("etcd-allow", "no", "x"))).namespace("cluster-x");
    for (int i = r.nextInt(4); i > 0; i--) {
      b.putLabels(pick(r, KEYS), pick(r, VALUES));
      b.putAnnotations(pick(r, KEYS), pick(r, VALUES));
    }
    return b.build();
  }

  private static KubernetesObject object(long seed) {
    Random r = new Random(seed);
    if (r.nextInt(3) == 0) {
      Service.Builder s = Service.builder().metadata(meta(r)).type(ServiceType.values()[r.nextInt(3)]);
      for (int i = r.nextInt(3); i > 0; i--) {
        s.putSelector(pick(r, KEYS), pick(r, VALUES));
      }
      for (int i = r.nextInt(3); i > 0; i--) {
        ServicePort.Builder p = ServicePort.builder().name(pick(r, List.of("secure", "yes"))).port(443)
            .targetPort(8132);
        if (r.nextBoolean()) {
          p.nodePort(30000);
        }
        s.addPorts(p.build());
      }
      if (r.nextBoolean()) {
        s.addLoadBalancerSourceRanges(Cidr.parse("192.0.2.0/24"), Cidr.parse("2001:db8::/32"));
      }
      return s.build();
    }
    NetworkPolicy.Builder p = NetworkPolicy.builder().metadata(meta(r)).podSelector(selector(r));
    for (int i = r.nextInt(3); i > 0; i--) {
      p.addIngress(rule(r));
    }
    for (int i = r.nextInt(3); i > 0; i--) {
      p.addEgress(rule(r));
    }
    if (r.nextBoolean()) {
      p.addPolicyTypes(PolicyType.INGRESS);
    }
    if (r.nextBoolean()) {
      p.addPolicyTypes(PolicyType.EGRESS);
    }
    return p.build();
  }

  private static String reference(Map<String, Object> tree) {
    StringBuilder out = new StringBuilder();
    YamlEmitter.emitMap(out, tree, 0);
    return out.toString();
  }

  private static String written(KubernetesObject o) {
    StringBuilder out = new StringBuilder();
    YamlDocumentWriter.write(out, o);
    return out.toString();
  }

  @Test
  void anyObjectIsWrittenExactlyAsTheReferenceWritesIt() {
    qt(3000).forAll(Generate.longRange(0, Long.MAX_VALUE)).checkAssert(seed -> {
      KubernetesObject o = object(seed);
      assertEquals(reference(ManifestTrees.of(o)), written(o));
    });
  }

  @Test
  void everyRenderedObjectOfTheGeneratedInputsToo() {
    qt(1000).forAll(InputGeneratorsAccess.inputs()).checkAssert(in -> {
      for (KubernetesObject o : ManifestRenderer.render(in, RenderOptions.defaults()).objects()) {
        assertEquals(reference(ManifestTrees.of(o)), written(o), o.ref());
      }
    });
  }

  @Test
  void anyClusterOfTheGeneratedInputs() {
    qt(1000).forAll(InputGeneratorsAccess.inputs()).checkAssert(in -> {
      StringBuilder out = new StringBuilder();
      YamlDocumentWriter.writeCluster(out, in.cluster());
      assertEquals(reference(ReferenceTrees.cluster(in.cluster())), out.toString());
    });
  }

  @Test
  void clustersWithEveryFieldAndWithNone() {
    Cluster none = Cluster.builder().name("bare").spec(ClusterSpec.builder().build()).build();
    StringBuilder out = new StringBuilder();
    YamlDocumentWriter.writeCluster(out, none);
    assertEquals("apiVersion: kubermatic.k8c.io/v1\nkind: Cluster\nmetadata:\n  name: bare\nspec: {}\n",
        out.toString());
    Cluster full = Cluster.builder().name("full").putLabels("yes", "no").spec(ClusterSpec.builder()
        .datacenter("dc").cloudProvider("aws").exposeStrategy(ExposeStrategy.LOAD_BALANCER)
        .putFeatures("apiserverNetworkPolicy", true).putFeatures("on", false)
        .apiServerAllowedIPRanges(List.of()).oidcIssuerURL("https://issuer").kyvernoEnabled(true)
        .authenticationConfiguration(SecretKeyRef.builder().name("s").key("k").build())
        .clusterNetwork(ClusterNetwork.builder().konnectivityEnabled(false).ipFamily(IpFamily.DUAL_STACK)
            .addPodCidrs(Cidr.parse("10.0.0.0/16")).addServiceCidrs(Cidr.parse("fd00::/108"))
            .tunnelingAgentIP(Cidr.parse("100.64.30.10/32")).build())
        .build()).build();
    out.setLength(0);
    YamlDocumentWriter.writeCluster(out, full);
    assertEquals(reference(ReferenceTrees.cluster(full)), out.toString());
  }

  @Test
  void kustomizations() {
    for (List<String> resources : List.of(List.<String>of(), List.of("a.yaml", "yes.yaml", "0123.yaml"))) {
      StringBuilder out = new StringBuilder();
      YamlDocumentWriter.writeKustomization(out, resources);
      assertEquals(reference(ReferenceTrees.kustomization(resources)), out.toString());
    }
  }
}
