/**
 * The engine behind the front door: renders one cluster or every cluster in order, caps
 * findings, checks sizes and applies the managed-by label. Nothing here touches files, the
 * network, the clock or the environment.
 */
package dev.apiserverpolicy.render.engine;
