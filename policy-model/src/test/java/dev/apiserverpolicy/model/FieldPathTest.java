package dev.apiserverpolicy.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Paths are written one way, as Kubernetes' field.Path writes them, and lead back to their lines. */
class FieldPathTest {
  @Test
  void plainKeysFollowADotAndEverythingElseIsInBrackets() {
    FieldPath selector = FieldPath.of("spec", "extraEgress").index(0).child("to").index(1).child("podSelector");
    assertEquals("spec.extraEgress[0].to[1].podSelector", selector.toString());
    assertEquals("spec.extraEgress[0].to[1].podSelector.matchLabels[app.kubernetes.io/name]",
        selector.child("matchLabels").child("app.kubernetes.io/name").toString());
    assertEquals("metadata.labels.scope", FieldPath.of("metadata", "labels", "scope").toString());
    assertEquals("a[]", FieldPath.of("a").child("").toString());
    assertEquals("", FieldPath.root().toString());
    assertTrue(FieldPath.root().isRoot());
    assertFalse(FieldPath.of("a").isRoot());
    assertEquals(FieldPath.of("spec", "extraEgress"), FieldPath.of("spec", "extraEgress").index(3).parent().get());
    assertEquals(Optional.empty(), FieldPath.root().parent());
  }

  /** A key with dots falls back to its parent as a whole, never to a piece of itself. */
  @Test
  void positionsFallBackToTheNearestReadParent() {
    Position labels = Position.builder().line(7).column(3).build();
    Position start = Position.builder().line(1).column(1).build();
    Origin origin = Origin.builder().start(start).putFields("spec.podLabels", labels)
        .putFields("spec.podLabels[app.kubernetes", Position.builder().line(99).column(1).build()).build();
    assertEquals(Optional.of(labels), origin.positionOf(FieldPath.of("spec", "podLabels", "app.kubernetes.io/name")));
    assertEquals(Optional.of(start), origin.positionOf(FieldPath.of("status")));
    Diagnostic d = Diagnostic.at(DiagnosticCode.FIELD_VALUE, origin, FieldPath.of("spec", "podLabels").child("a/b"))
        .message("m").hint("h").build();
    assertEquals(7, d.line());
    assertEquals("spec.podLabels[a/b]", d.path());
    assertEquals(Map.of(), Origin.none().fields());
  }
}
