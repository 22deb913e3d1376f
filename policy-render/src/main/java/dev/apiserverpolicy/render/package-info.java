/**
 * The values embedders build and get back: a cluster's inputs, the options of a run (with the
 * rules for the profile and the label in force), the manifests of each cluster and the
 * rendering of all. The engine that produces them is {@code render.engine}, behind the front
 * door {@code dev.apiserverpolicy.ApiserverPolicy}.
 */
@Value.Style(
    typeAbstract = "Abstract*",
    typeImmutable = "*",
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    jdkOnly = true,
    // No @Generated on generated classes: a consumer without Immutables would get a warning per class.
    allowedClasspathAnnotations = {Override.class})
package dev.apiserverpolicy.render;

import org.immutables.value.Value;
