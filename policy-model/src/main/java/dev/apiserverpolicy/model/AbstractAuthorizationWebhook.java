package dev.apiserverpolicy.model;

import java.util.List;
import org.immutables.value.Value;

/**
 * A cluster's authorization webhook: its URL (for the port) and resolved addresses.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractAuthorizationWebhook {
  /** Name of the cluster that uses it. */
  public abstract String cluster();

  /** Webhook URL. */
  public abstract String url();

  /** Resolved addresses, as host ranges. */
  public abstract List<Cidr> ips();
}
