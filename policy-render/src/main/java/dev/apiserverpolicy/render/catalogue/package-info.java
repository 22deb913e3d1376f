/**
 * The egress targets as data: the NetworkPolicy catalogue, the Cilium flavour's, the rules and
 * peers they build, and the last guard that refuses a rule without peers no entry declares.
 * Nothing here touches files, the network, the clock or the environment.
 */
package dev.apiserverpolicy.render.catalogue;
