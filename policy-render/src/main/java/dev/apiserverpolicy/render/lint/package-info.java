/**
 * The warnings and infos: inputs that render, but probably not as meant; a list of independent
 * checks. Nothing here touches files, the network, the clock or the environment.
 */
package dev.apiserverpolicy.render.lint;
