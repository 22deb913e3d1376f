/**
 * Readers of YAML and JSON input: {@link dev.apiserverpolicy.read.ManifestReader}
 * turns text into model objects plus diagnostics and never throws on bad input.
 */
@Value.Style(
    typeAbstract = "Abstract*",
    typeImmutable = "*",
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    jdkOnly = true,
    // No @Generated on generated classes: a consumer without Immutables would get a warning per class.
    allowedClasspathAnnotations = {Override.class})
package dev.apiserverpolicy.read;

import org.immutables.value.Value;
