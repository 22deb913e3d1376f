/**
 * Pure functions over the model: binding clusters to seeds and contexts, validation and
 * lints, defaulting, the egress catalogue, rendering and the YAML writer.
 * Nothing here touches files, the network, the clock or the environment.
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
