/**
 * The Services that expose a cluster's API server, shaped by its expose strategy as KKP shapes
 * them. Nothing here touches files, the network, the clock or the environment.
 */
package dev.apiserverpolicy.render.service;
