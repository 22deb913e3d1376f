package dev.apiserverpolicy.render.facts;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules for the URLs a RenderContext or cluster names (OIDC issuers, authorization
 * webhooks): absolute http or https, with a host and a port in range. And what such a URL
 * connects to, stated here once: its host as KKP compares it, and its own port, else 443 for
 * https and 80 for http (KKP's rule).
 *
 * @since 0.1.0
 */
public final class HttpUrls {
  private HttpUrls() {}

  /** Why the URL cannot be used for a host and port, or empty if it can. */
  public static Optional<String> problem(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equals("https") || scheme.equals("http"))) {
        return Optional.of("is not an http or https URL");
      }
      if (uri.getHost() == null || uri.getHost().isEmpty()) {
        return Optional.of("has no host");
      }
      if (uri.getPort() == 0 || uri.getPort() > 65535) {
        return Optional.of("has port " + uri.getPort() + ", outside 1-65535");
      }
      return Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.of("is not a valid URL (" + e.getReason() + ")");
    }
  }

  /** The host as KKP compares it (lower-cased, without a trailing dot or IPv6 brackets), if the URL is usable. */
  public static Optional<String> host(String url) {
    if (problem(url).isPresent()) {
      return Optional.empty();
    }
    String host = URI.create(url).getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return Optional.of(host.endsWith(".") ? host.substring(0, host.length() - 1) : host);
  }

  /** The port of a URL {@link #problem} accepts. */
  public static int port(String url) {
    URI uri = URI.create(url);
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return "http".equals(uri.getScheme()) ? 80 : 443;
  }
}
