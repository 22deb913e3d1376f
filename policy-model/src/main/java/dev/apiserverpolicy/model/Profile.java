package dev.apiserverpolicy.model;

import java.util.Optional;

/** Which set of egress policies to render (docs/spec.md section 4). */
public enum Profile {
  /** Exactly the system of KKP v2.18: deny-all, etcd, dns-resolver, openvpn, webhook, metrics. */
  KKP_V2_18("kkp-v2.18", false),
  /** What KKP v2.31 renders today. */
  KKP_V2_31("kkp-v2.31", true),
  /** KKP v2.31's targets with every rule limited to explicit ports. */
  LEAST_PRIVILEGE("least-privilege", true);

  /** Used when neither the call nor the RenderContext names a profile. */
  public static final Profile DEFAULT = KKP_V2_31;

  private final String id;
  private final boolean needsSeedEndpoints;

  Profile(String id, boolean needsSeedEndpoints) {
    this.id = id;
    this.needsSeedEndpoints = needsSeedEndpoints;
  }

  /** The name used in RenderContext and on the command line. */
  public String id() {
    return id;
  }

  /** True if the profile renders {@code seed-apiserver-allow} and so needs the seed endpoints. */
  public boolean needsSeedEndpoints() {
    return needsSeedEndpoints;
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
