/**
 * The front door ({@code dev.apiserverpolicy.ApiserverPolicy}) and the renderer. Exported: the
 * packages docs/api.md calls public; the others (bind, catalogue, facts, lint, service) are the
 * renderer's own. The reader is not shown by this module's API: a consumer that calls
 * {@code ManifestReader} itself requires {@code dev.apiserverpolicy.read}.
 *
 * @since 0.1.0
 */
// Immutables' annotations (an automatic module) are read at compile time only: requires static.
@SuppressWarnings("requires-automatic")
module dev.apiserverpolicy.render {
  requires transitive dev.apiserverpolicy.model;
  requires dev.apiserverpolicy.read;
  requires static org.immutables.value;

  exports dev.apiserverpolicy;
  exports dev.apiserverpolicy.render;
  exports dev.apiserverpolicy.render.cleanup;
  exports dev.apiserverpolicy.render.engine;
  exports dev.apiserverpolicy.render.yaml;
}
