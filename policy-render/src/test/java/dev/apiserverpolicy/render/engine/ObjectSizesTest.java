package dev.apiserverpolicy.render.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.ExposeStrategy;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.render.ClusterManifests;
import dev.apiserverpolicy.render.Scenarios;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 22, item 6: nothing the API server would refuse is rendered. */
class ObjectSizesTest {
  private static ClusterManifests withEndpoints(int count) {
    List<Cidr> endpoints = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      endpoints.add(Cidr.of(Cidr.Family.IPV4, BigInteger.valueOf(0x0A000000L + i), 32));
    }
    RenderContext context = RenderContext.builder().from(Scenarios.context()).seedAPIServerEndpoints(endpoints)
        .build();
    return ManifestRenderer.render(Scenarios.cluster(Scenarios.spec(ExposeStrategy.LOAD_BALANCER, true).build())
        .build(), Scenarios.seed(), context, Scenarios.INSTALLATION);
  }

  @Test
  void sixtyThousandEndpointsAreAnErrorWithTheSizeAndNothingIsRendered() {
    ClusterManifests m = withEndpoints(60_000);
    List<Diagnostic> errors = m.diagnostics().stream().filter(d -> d.code() == DiagnosticCode.OBJECT_TOO_LARGE)
        .toList();
    assertEquals(1, errors.size(), m.diagnostics()::toString);
    assertTrue(errors.get(0).message().matches("NetworkPolicy seed-apiserver-allow would be [0-9]+ bytes, over the "
        + "1048576 this tool renders .*"), errors.get(0).message());
    assertEquals(List.of(), m.objects());
  }

  @Test
  void twentyThousandEndpointsStayUnderTheLimitAndRender() {
    ClusterManifests m = withEndpoints(20_000);
    assertTrue(m.diagnostics().stream().noneMatch(d -> d.code() == DiagnosticCode.OBJECT_TOO_LARGE));
    assertTrue(m.objects().stream().anyMatch(o -> o.metadata().name().equals("seed-apiserver-allow")));
  }
}
