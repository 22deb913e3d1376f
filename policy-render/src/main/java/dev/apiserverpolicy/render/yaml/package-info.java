/**
 * Writing: the shape of every rendered object, stated once ({@code ObjectShapes}), and the two
 * things written from it, deterministic YAML ({@link dev.apiserverpolicy.render.yaml.YamlManifestWriter})
 * and neutral trees ({@link dev.apiserverpolicy.render.yaml.ManifestTrees}); JSON quoting for
 * reports. It depends on the model alone. Nothing here touches files, the network, the clock or
 * the environment.
 */
package dev.apiserverpolicy.render.yaml;
