package dev.apiserverpolicy.model;

import java.util.Optional;

/**
 * Which set of egress policies to render (docs/spec.md section 4). What each profile renders,
 * and how, is data in the renderer's egress catalogue; this is only its name.
 *
 * @since 0.1.0
 */
public enum Profile {
  /** Exactly the system of KKP v2.18: deny-all, etcd, dns-resolver, openvpn, webhook, metrics. */
  KKP_V2_18("kkp-v2.18", "v2.18.0"),
  /** What KKP v2.31 renders today. */
  KKP_V2_31("kkp-v2.31", "v2.31.0"),
  /** KKP v2.31's targets with every rule limited to explicit ports. */
  LEAST_PRIVILEGE("least-privilege", "v2.31.0");

  /** Used when neither the call nor the RenderContext names a profile. */
  public static final Profile DEFAULT = KKP_V2_31;

  private final String id;
  private final String kkpSchema;

  Profile(String id, String kkpSchema) {
    this.id = id;
    this.kkpSchema = kkpSchema;
  }

  /** The KKP version whose CRD schemas the objects are read against under this profile. */
  public String kkpSchema() {
    return kkpSchema;
  }

  /** True if {@code finding} holds under this profile: it names no schema, or this profile's. */
  public boolean reports(Diagnostic finding) {
    return finding.kkpSchema().map(kkpSchema::equals).orElse(true);
  }

  /** The name used in RenderContext and on the command line. */
  public String id() {
    return id;
  }

  /** The id, as a command line shows and reads it. */
  @Override
  public String toString() {
    return id;
  }

  /** The profile called {@code id}. */
  public static Optional<Profile> fromId(String id) {
    for (Profile p : values()) {
      if (p.id.equals(id)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
