package dev.apiserverpolicy.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Cluster;
import dev.apiserverpolicy.model.ClusterSpec;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.Seed;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inputs built in code, as a consumer compiled with -Xlint:all -Werror builds them. */
class BuildInCodeTest {
  @Test
  void valuesBuildWithoutImmutablesOnTheClassPath() {
    Cluster cluster = Cluster.builder().name("c1").spec(ClusterSpec.builder().datacenter("dc")
        .exposeStrategy(ExposeStrategy.LOAD_BALANCER).apiServerAllowedIPRanges(List.of(Cidr.parse("10.0.0.0/8")))
        .build()).build();
    Seed seed = Seed.builder().name("s").addDatacenters("dc").build();
    RenderContext context = RenderContext.builder().name("s").build();
    assertEquals("cluster-c1", cluster.namespace());
    assertEquals(java.util.Set.of("dc"), java.util.Set.copyOf(seed.datacenters()));
    assertEquals("s", context.name());
  }
}
