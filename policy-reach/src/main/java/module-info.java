/**
 * What a set of rendered manifests lets reach the API server, and what changes between two.
 *
 * @since 0.1.0
 */
// Immutables' annotations (an automatic module) are read at compile time only: requires static.
@SuppressWarnings("requires-automatic")
module dev.apiserverpolicy.reach {
  requires transitive dev.apiserverpolicy.render;
  requires static org.immutables.value;

  exports dev.apiserverpolicy.reach;
}
