package dev.apiserverpolicy.render;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The rules for the URLs a RenderContext or cluster names (OIDC issuers, authorization
 * webhooks): absolute http or https, with a host and a port in range. And the port such a URL
 * connects to: its own, else 443 for https and 80 for http (KKP's rule).
 */
final class HttpUrls {
  private HttpUrls() {}

  /** Why the URL cannot be used for a host and port, or empty if it can. */
  static Optional<String> problem(String url) {
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

  /** The port of a URL {@link #problem} accepts. */
  static int port(String url) {
    URI uri = URI.create(url);
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return "http".equals(uri.getScheme()) ? 80 : 443;
  }
}
