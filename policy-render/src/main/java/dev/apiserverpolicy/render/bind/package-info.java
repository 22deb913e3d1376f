/**
 * Binding clusters to their seeds and contexts, the run-time facts the inputs carry (seed
 * endpoints, resolved hosts), defaulting new clusters, and every validator, as validate
 * functions returning field errors. Nothing here touches files, the network, the clock or the
 * environment.
 */
package dev.apiserverpolicy.render.bind;
