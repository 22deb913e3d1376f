/**
 * Readers of YAML and JSON input: {@link dev.apiserverpolicy.read.ManifestReader}
 * turns text into model objects plus diagnostics and never throws on bad input.
 */
@Value.Style(
    typeAbstract = "Abstract*",
    typeImmutable = "*",
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    jdkOnly = true)
package dev.apiserverpolicy.read;

import org.immutables.value.Value;
