package dev.apiserverpolicy.render.bind;

import dev.apiserverpolicy.model.AuthorizationWebhook;
import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.Diagnostic;
import dev.apiserverpolicy.model.DiagnosticCode;
import dev.apiserverpolicy.model.ExtraEgressRule;
import dev.apiserverpolicy.model.FieldPath;
import dev.apiserverpolicy.model.OidcIssuer;
import dev.apiserverpolicy.model.Origin;
import dev.apiserverpolicy.model.RenderContext;
import dev.apiserverpolicy.model.ResolvedHosts;
import dev.apiserverpolicy.model.Seed;
import dev.apiserverpolicy.model.SeedApiEndpoints;
import dev.apiserverpolicy.render.ResolvedAddresses;
import dev.apiserverpolicy.render.facts.HttpUrls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Facts the seed states about itself, taken into the render: its {@code default/kubernetes}
 * EndpointSlices (or Endpoints) become the seed API endpoints of its RenderContext, and the
 * ResolvedHosts documents become {@link ResolvedAddresses}.
 *
 * <p>Which seed an EndpointSlice belongs to: with one Seed and no RenderContext naming a file,
 * every slice is that seed's. Otherwise a RenderContext names the input that holds its seed's
 * slices in {@code spec.seedAPIServerEndpointsFrom} (relative to its own file), and a slice in
 * an input no RenderContext names, or that two name, is an error. Typed-in endpoints and the
 * slices' must agree.
 */
final class RunTimeFacts {
  private RunTimeFacts() {}

  /**
   * The contexts by seed, with the seed's endpoints filled in from its slices. A seed with slices
   * and no RenderContext gets one of its own name.
   */
  static Map<String, RenderContext> withSeedEndpoints(List<Seed> seeds, Map<String, RenderContext> contextBySeed,
      List<SeedApiEndpoints> slices, List<Diagnostic> findings) {
    Map<String, List<SeedApiEndpoints>> bySeed = bindSlices(seeds, contextBySeed, slices, findings);
    Map<String, RenderContext> out = new HashMap<>(contextBySeed);
    bySeed.forEach((seed, own) -> apply(seed, Optional.ofNullable(contextBySeed.get(seed)), own, findings)
        .ifPresent(context -> out.put(seed, context)));
    return out;
  }

  private static Map<String, List<SeedApiEndpoints>> bindSlices(List<Seed> seeds,
      Map<String, RenderContext> contextBySeed, List<SeedApiEndpoints> slices, List<Diagnostic> findings) {
    Map<String, List<SeedApiEndpoints>> bySource = new LinkedHashMap<>();
    for (SeedApiEndpoints slice : slices) {
      bySource.computeIfAbsent(slice.origin().source().orElse(""), k -> new ArrayList<>()).add(slice);
    }
    // The input each context names, and which contexts name it.
    Map<String, List<RenderContext>> namedBy = new TreeMap<>();
    for (Seed seed : seeds) {
      RenderContext context = contextBySeed.get(seed.name());
      if (context != null && context.seedAPIServerEndpointsFrom().isPresent()) {
        namedBy.computeIfAbsent(named(context), k -> new ArrayList<>()).add(context);
      }
    }
    Map<String, List<SeedApiEndpoints>> bySeed = new LinkedHashMap<>();
    namedBy.forEach((source, contexts) -> {
      for (RenderContext context : contexts) {
        String from = context.seedAPIServerEndpointsFrom().get();
        if (contexts.size() > 1) {
          findings.add(fromError(context, "seedAPIServerEndpointsFrom " + from + " is also named by "
              + contexts.stream().filter(c -> c != context).map(RenderContext::ref).collect(Collectors.joining(", "))
              + "; one seed's API endpoints cannot be another's",
              "name each seed's own kubectl output"));
        } else if (!bySource.containsKey(source)) {
          findings.add(fromError(context, "seedAPIServerEndpointsFrom names " + source + ", which holds no "
              + "EndpointSlice or Endpoints of Service default/kubernetes among the inputs",
              "give that file as an input: kubectl get endpointslices -n default "
                  + "-l kubernetes.io/service-name=kubernetes -o yaml > " + source));
        } else {
          bySeed.put(context.name(), bySource.get(source));
        }
      }
    });
    boolean byName = !namedBy.isEmpty();
    bySource.forEach((source, own) -> {
      if (namedBy.containsKey(source)) {
        return;
      }
      if (!byName && seeds.size() == 1) {
        bySeed.computeIfAbsent(seeds.get(0).name(), k -> new ArrayList<>()).addAll(own);
        return;
      }
      for (SeedApiEndpoints slice : own) {
        findings.add(Diagnostic.at(DiagnosticCode.ENDPOINTS_BINDING, slice.origin(), FieldPath.of("metadata"))
            .object(slice.ref())
            .message(slice.ref() + " belongs to no seed: " + (seeds.isEmpty() ? "the input has no Seed"
                : byName ? "no RenderContext names " + (source.isEmpty() ? "it" : source) + " in "
                    + "seedAPIServerEndpointsFrom" : "the input has " + seeds.size() + " seeds"))
            .hint("in the RenderContext of the seed it was read from, set seedAPIServerEndpointsFrom: "
                + (source.isEmpty() ? "<its file>" : source) + " (relative to the RenderContext's file)")
            .build());
      }
    });
    return bySeed;
  }

  /**
   * The input a context names, relative to the context's own input and spelled as inputs are
   * named (an absolute name stays absolute; {@code .} and {@code dir/..} are taken out), so that
   * {@code ./in}, {@code in} and {@code /abs/in} bind alike.
   */
  static String named(RenderContext context) {
    String from = context.seedAPIServerEndpointsFrom().orElseThrow();
    String own = context.origin().source().orElse("");
    int slash = own.lastIndexOf('/');
    String folder = slash < 0 ? "" : own.substring(0, slash + 1);
    List<String> parts = new ArrayList<>();
    for (String part : (folder + from).split("/")) {
      if (part.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
        parts.remove(parts.size() - 1);
      } else if (!part.isEmpty() && !part.equals(".")) {
        parts.add(part);
      }
    }
    return (own.startsWith("/") ? "/" : "") + String.join("/", parts);
  }

  private static Diagnostic fromError(RenderContext context, String message, String hint) {
    return Diagnostic.at(DiagnosticCode.ENDPOINTS_BINDING, context.origin(), FieldPath.of("spec",
        "seedAPIServerEndpointsFrom")).object(context.ref()).message(message).hint(hint).build();
  }

  /** What the seed's slices say together: every address, the ready ones, the https ports. */
  private record Gathered(Set<Cidr> addresses, Set<Cidr> ready, Set<Integer> ports, String where) {
    static Gathered of(List<SeedApiEndpoints> slices) {
      Set<Cidr> addresses = new LinkedHashSet<>();
      Set<Cidr> ready = new LinkedHashSet<>();
      Set<Integer> ports = new TreeSet<>();
      for (SeedApiEndpoints slice : slices) {
        addresses.addAll(slice.addresses());
        ready.addAll(slice.readyAddresses());
        slice.httpsPort().ifPresent(ports::add);
      }
      String where = slices.stream().map(s -> s.ref() + " (" + describe(s.origin()) + ")")
          .collect(Collectors.joining(", "));
      return new Gathered(addresses, ready, ports, where);
    }

    Optional<Integer> port() {
      return ports.stream().findFirst();
    }
  }

  /** The seed's context with its slices' addresses and port, unless it lists other ones. */
  private static Optional<RenderContext> apply(String seed, Optional<RenderContext> context,
      List<SeedApiEndpoints> slices, List<Diagnostic> findings) {
    Gathered g = Gathered.of(slices);
    Origin origin = context.map(RenderContext::origin).orElse(slices.get(0).origin());
    Optional<Diagnostic> conflict = conflict(context, g, slices.get(0).origin(), origin,
        context.map(RenderContext::ref).orElse("RenderContext/" + seed));
    if (conflict.isPresent()) {
      findings.add(conflict.get());
      return Optional.empty();
    }
    if (g.addresses().isEmpty()) {
      return context;
    }
    RenderContext.Builder b = context.map(c -> RenderContext.builder().from(c))
        .orElseGet(() -> RenderContext.builder().name(seed).origin(origin));
    // A typed-in list keeps its order; one of the ready ones only gets the others after it, which
    // KKP's profiles allow as KKP does.
    List<Cidr> notReady = g.addresses().stream().filter(a -> !g.ready().contains(a)).toList();
    Optional<List<Cidr>> typed = context.flatMap(RenderContext::seedAPIServerEndpoints).filter(l -> !l.isEmpty());
    List<Cidr> rendered = typed.map(t -> new TreeSet<>(t).equals(new TreeSet<>(g.addresses())) ? t
        : java.util.stream.Stream.concat(t.stream(), notReady.stream()).toList()).orElse(List.copyOf(g.addresses()));
    b.seedAPIServerEndpoints(rendered);
    b.seedAPIServerEndpointsNotReady(notReady);
    if (context.flatMap(RenderContext::seedAPIServerPort).isEmpty()) {
      b.seedAPIServerPort(g.port());
    }
    return Optional.of(b.build());
  }

  /** Slices that disagree on the port, or typed-in endpoints or port that disagree with them. */
  private static Optional<Diagnostic> conflict(Optional<RenderContext> context, Gathered g, Origin slicesAt,
      Origin origin, String ref) {
    if (g.ports().size() > 1) {
      return Optional.of(Diagnostic.at(DiagnosticCode.SEED_ENDPOINTS_CONFLICT, slicesAt, FieldPath.of("ports"))
          .object(ref)
          .message("the seed's endpoints name several https ports " + g.ports() + ": " + g.where())
          .hint("give the endpoints of one seed's default/kubernetes Service only")
          .build());
    }
    Optional<List<Cidr>> typed = context.flatMap(RenderContext::seedAPIServerEndpoints).filter(l -> !l.isEmpty());
    // Typed-in endpoints agree when they are the ready ones, or all of them.
    if (typed.isPresent() && !new TreeSet<>(typed.get()).equals(new TreeSet<>(g.addresses()))
        && !new TreeSet<>(typed.get()).equals(new TreeSet<>(g.ready()))) {
      return Optional.of(Diagnostic.at(DiagnosticCode.SEED_ENDPOINTS_CONFLICT, origin, FieldPath.of("spec",
          "seedAPIServerEndpoints"))
          .object(ref)
          .message(ref + " lists seedAPIServerEndpoints " + typed.get() + ", and " + g.where() + " give "
              + List.copyOf(g.addresses()) + "; which is right is unknown")
          .hint("remove seedAPIServerEndpoints to use the seed's own endpoints, or give the current kubectl output")
          .build());
    }
    Optional<Integer> typedPort = context.flatMap(RenderContext::seedAPIServerPort);
    if (typedPort.isPresent() && g.port().isPresent() && !typedPort.equals(g.port())) {
      return Optional.of(Diagnostic.at(DiagnosticCode.SEED_ENDPOINTS_CONFLICT, origin, FieldPath.of("spec",
          "seedAPIServerPort"))
          .object(ref)
          .message(ref + " says seedAPIServerPort " + typedPort.get() + ", and " + g.where() + " give https port "
              + g.port().get() + "; which is right is unknown")
          .hint("remove seedAPIServerPort to use the seed's own port")
          .build());
    }
    return Optional.empty();
  }

  private static String describe(Origin origin) {
    return origin.source().map(s -> s + origin.start().map(p -> ":" + p.line()).orElse("")).orElse("in code");
  }

  /**
   * Every ResolvedHosts document as one lookup. A host two documents resolve differently is an
   * error and is left out, so nothing is rendered from a guess.
   */
  static ResolvedAddresses resolvedAddresses(List<ResolvedHosts> documents, List<Diagnostic> findings) {
    Map<String, List<Cidr>> merged = new TreeMap<>();
    Map<String, ResolvedHosts> firstSeenIn = new HashMap<>();
    Set<String> conflicting = new TreeSet<>();
    for (ResolvedHosts document : documents) {
      document.hosts().forEach((host, addresses) -> {
        List<Cidr> earlier = merged.putIfAbsent(host, addresses);
        if (earlier == null) {
          firstSeenIn.put(host, document);
        } else if (!new TreeSet<>(earlier).equals(new TreeSet<>(addresses))) {
          conflicting.add(host);
          findings.add(Diagnostic.at(DiagnosticCode.FIELD_VALUE, document.origin(), FieldPath.of("spec", "hosts"))
              .object(document.ref())
              .message("host " + host + " resolves to " + addresses + " here and to " + earlier + " in "
                  + firstSeenIn.get(host).ref() + " (" + describe(firstSeenIn.get(host).origin()) + ")")
              .hint("keep one ResolvedHosts file: run apiserver-policy resolve once for all inputs")
              .build());
        }
      });
    }
    conflicting.forEach(merged::remove);
    return ResolvedAddresses.of(merged);
  }

  /**
   * A warning for each typed-in list of addresses that differs from what the host resolved to
   * (the typed-in one is used), and an error for each extraEgress host without addresses.
   */
  static List<Diagnostic> checkContext(RenderContext context, ResolvedAddresses resolved) {
    List<Diagnostic> out = new ArrayList<>();
    FieldPath spec = FieldPath.of("spec");
    for (int i = 0; i < context.oidcIssuers().size(); i++) {
      OidcIssuer issuer = context.oidcIssuers().get(i);
      differs(context, HttpUrls.host(issuer.url()), issuer.ips(), resolved,
          spec.child("oidcIssuers").index(i).child("ips")).ifPresent(out::add);
    }
    for (int i = 0; i < context.authorizationWebhooks().size(); i++) {
      AuthorizationWebhook webhook = context.authorizationWebhooks().get(i);
      differs(context, HttpUrls.host(webhook.url()), webhook.ips(), resolved,
          spec.child("authorizationWebhooks").index(i).child("ips")).ifPresent(out::add);
    }
    for (int i = 0; i < context.extraEgress().size(); i++) {
      ExtraEgressRule rule = context.extraEgress().get(i);
      for (String host : rule.hosts()) {
        // The Cilium flavour's fqdnEgress reaches hosts by name: no addresses needed.
        if (!context.fqdnEgress() && resolved.of(host).isEmpty()) {
          out.add(Diagnostic.at(DiagnosticCode.HOST_UNRESOLVED, context.origin(), spec.child("extraEgress").index(i)
              .child("to"))
              .object(context.ref())
              .message("extraEgress " + rule.name() + " names host " + host + ", whose addresses are not known")
              .hint("run apiserver-policy resolve on these inputs and give its file with them, or write the "
                  + "addresses as ipBlocks")
              .build());
        }
      }
    }
    return out;
  }

  private static Optional<Diagnostic> differs(RenderContext context, Optional<String> host, List<Cidr> typed,
      ResolvedAddresses resolved, FieldPath at) {
    Optional<List<Cidr>> found = host.flatMap(resolved::of);
    if (typed.isEmpty() || found.isEmpty() || new TreeSet<>(typed).equals(new TreeSet<>(found.get()))) {
      return Optional.empty();
    }
    return Optional.of(Diagnostic.at(DiagnosticCode.RESOLVED_ADDRESSES_DIFFER, context.origin(), at)
        .object(context.ref())
        .message("the typed-in ips " + typed + " of " + host.get() + " differ from what it resolved to, "
            + found.get() + "; the typed-in ones are used")
        .hint("remove the ips to use the resolved addresses, or correct them")
        .build());
  }
}
