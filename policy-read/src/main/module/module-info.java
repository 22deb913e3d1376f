/**
 * The reader of KKP's and our own YAML and JSON. Only {@code dev.apiserverpolicy.read} is
 * exported; snakeyaml-engine lives inside this jar under {@code dev.apiserverpolicy.read.internal},
 * relocated by the shade plugin, so this module requires no YAML module and exports none of its
 * packages.
 *
 * <p>Why this file is not in src/main/java: the classes compile against snakeyaml-engine's own
 * packages, which a descriptor naming no snakeyaml module cannot read; the build compiles this
 * descriptor alone, after the classes (patched into the module), and shade puts it in the jar.
 *
 * @since 0.1.0
 */
// Immutables' annotations (an automatic module) are read at compile time only: requires static.
@SuppressWarnings("requires-automatic")
module dev.apiserverpolicy.read {
  requires transitive dev.apiserverpolicy.model;
  requires static org.immutables.value;

  exports dev.apiserverpolicy.read;
}
