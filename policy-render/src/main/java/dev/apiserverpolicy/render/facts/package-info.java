/**
 * What is known about one cluster rendered with one profile, found once ({@code
 * ClusterFacts}): the OIDC issuers as KKP finds them, URL hosts and ports, KKP's list orders,
 * the source-range union and each profile's traits. Nothing here touches files, the network,
 * the clock or the environment.
 */
package dev.apiserverpolicy.render.facts;
