/**
 * The rendered objects as fabric8 model objects. fabric8's model jars are the consumer's own, at
 * the version the consumer chose, and automatic modules named from their file names (fabric8 names
 * no module): {@code kubernetes.model.core}, as every module-path user of fabric8 must name it.
 * The API shows its {@code HasMetadata}, so a consumer reads it through this module.
 *
 * @since 0.1.0
 */
// "module": the name ends in a digit (fabric8's own); the others: fabric8 and Immutables name no module.
@SuppressWarnings({"module", "requires-automatic", "requires-transitive-automatic"})
module dev.apiserverpolicy.fabric8 {
  requires transitive dev.apiserverpolicy.render;
  requires transitive kubernetes.model.core;
  requires kubernetes.model.networking;
  requires com.fasterxml.jackson.databind;
  requires static org.immutables.value;

  exports dev.apiserverpolicy.fabric8;
}
