/**
 * The values apiserver-policy reads and renders: KKP's objects, our own, diagnostics and the
 * rendered manifests. No dependency at run time (Immutables only generates the classes).
 *
 * @since 0.1.0
 */
// Immutables' annotations (an automatic module) are read at compile time only: requires static.
@SuppressWarnings("requires-automatic")
module dev.apiserverpolicy.model {
  requires static org.immutables.value;

  exports dev.apiserverpolicy.model;
  exports dev.apiserverpolicy.model.manifest;
}
