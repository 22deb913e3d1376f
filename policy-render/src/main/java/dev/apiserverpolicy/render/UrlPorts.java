package dev.apiserverpolicy.render;

import java.net.URI;

/** The TCP port a URL connects to: explicit, else 443 for https and 80 for http (KKP's rule). */
final class UrlPorts {
  private UrlPorts() {}

  /** Assumes a URL that {@link RenderContextValidator} accepted. */
  static int port(String url) {
    URI uri = URI.create(url);
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return "http".equals(uri.getScheme()) ? 80 : 443;
  }
}
