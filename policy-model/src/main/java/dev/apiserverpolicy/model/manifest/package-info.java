/**
 * The Kubernetes objects apiserver-policy renders, as small immutable values of its own
 * ({@link dev.apiserverpolicy.model.manifest.NetworkPolicy},
 * {@link dev.apiserverpolicy.model.manifest.Service}); no client library is needed to use them.
 */
@Value.Style(
    typeAbstract = "Abstract*",
    typeImmutable = "*",
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    jdkOnly = true,
    // No @Generated on generated classes: a consumer without Immutables would get a warning per class.
    allowedClasspathAnnotations = {Override.class})
package dev.apiserverpolicy.model.manifest;

import org.immutables.value.Value;
