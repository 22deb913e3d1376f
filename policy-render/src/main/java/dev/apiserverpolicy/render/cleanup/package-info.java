/**
 * The {@code kubectl delete} lines for clusters whose gate is off, built from the engine's
 * public API alone. Nothing here touches files, the network, the clock or the environment.
 */
package dev.apiserverpolicy.render.cleanup;
