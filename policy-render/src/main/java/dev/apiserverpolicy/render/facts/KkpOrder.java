package dev.apiserverpolicy.render.facts;

import dev.apiserverpolicy.model.Cidr;
import dev.apiserverpolicy.model.LoadBalancerBackend;
import java.util.Comparator;

/**
 * The orders KKP v2.31's controller writes lists in, where they are not input order, so that
 * the kkp-* profiles and KKP's controller agree byte for byte (docs/kkp.md, section 1).
 *
 * @since 0.1.0
 */
public final class KkpOrder {
  private KkpOrder() {}

  /**
   * A host's resolved addresses: {@code bytes.Compare} of the {@code net.IP}s Go's resolver
   * returns ({@code hostnameToIPList}, resources.go lines 1642-1644), where an A record is 4
   * bytes and an AAAA record 16: {@code 10.0.0.1 < 2001:db8::20 < 203.0.113.20}.
   */
  public static final Comparator<Cidr> RESOLVED_ADDRESSES = KkpOrder::compareBytes;

  /** The issuers: by host, then port ({@code urlsToOIDCIssuerDestinationsWithResolver}, line 1591). */
  public static final Comparator<OidcIssuers.Issuer> ISSUERS =
      Comparator.comparing(OidcIssuers.Issuer::host).thenComparingInt(OidcIssuers.Issuer::port);

  /**
   * The pods behind the seed load balancers that front an issuer: by the Service's namespace,
   * then name (line 998). A backend declared without its Service's name sorts first in its
   * namespace, in the order declared.
   */
  public static final Comparator<LoadBalancerBackend> BACKENDS = Comparator.comparing(LoadBalancerBackend::namespace)
      .thenComparing(b -> b.service().orElse(""));

  private static int compareBytes(Cidr a, Cidr b) {
    return java.util.Arrays.compareUnsigned(bytes(a), bytes(b));
  }

  /** The address as Go holds it: 4 bytes for IPv4, 16 for IPv6, big-endian. */
  private static byte[] bytes(Cidr address) {
    int length = address.family().bits() / 8;
    byte[] raw = address.firstAddress().toByteArray();
    byte[] out = new byte[length];
    int copy = Math.min(raw.length, length);
    System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
    return out;
  }
}
