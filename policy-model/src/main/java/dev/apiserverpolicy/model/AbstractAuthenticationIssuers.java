package dev.apiserverpolicy.model;

import java.util.List;
import org.immutables.value.Value;

/**
 * {@code RenderContext.spec.authenticationConfigurations[]}: the issuers ({@code jwt[].issuer.url})
 * of the AuthenticationConfiguration that a Secret holds, declared so that nothing has to read
 * the Secret. A cluster, its datacenter or its seed name the Secret; KKP allows egress to each
 * issuer it holds.
 *
 * @since 0.1.0
 */
@Value.Immutable
abstract class AbstractAuthenticationIssuers {
  /**
   * The Secret's namespace: the cluster's; {@code kubermatic} for a datacenter's or a seed's,
   * whatever the Seed's namespace (KKP reads them there).
   */
  public abstract String namespace();

  /** The Secret's name. */
  public abstract String name();

  /** The key of the Secret that holds the AuthenticationConfiguration. */
  public abstract String key();

  /** Every {@code jwt[].issuer.url} in it, in its order. */
  public abstract List<String> issuers();

  /** {@code namespace/name[key]}, for messages. */
  public String describe() {
    return namespace() + "/" + name() + "[" + key() + "]";
  }
}
