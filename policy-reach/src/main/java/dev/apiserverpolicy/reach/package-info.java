/**
 * A NetworkPolicy evaluator with {@code networking.k8s.io/v1} semantics: which
 * connections (protocol, port) are allowed between pods, and between pods and addresses.
 * Pure: it reads only the pods, namespaces and policies it is given.
 */
package dev.apiserverpolicy.reach;
