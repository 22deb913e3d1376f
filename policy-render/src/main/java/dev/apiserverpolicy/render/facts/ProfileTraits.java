package dev.apiserverpolicy.render.facts;

import static dev.apiserverpolicy.model.Profile.KKP_V2_18;
import static dev.apiserverpolicy.model.Profile.KKP_V2_31;
import static dev.apiserverpolicy.model.Profile.LEAST_PRIVILEGE;

import dev.apiserverpolicy.model.Profile;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What each profile is, beyond which targets it has (those are in the catalogue): how it writes
 * its rules. Adding a profile is its {@link Profile} constant, a line in {@link #PROFILES} and
 * its place in the catalogue's profile sets (docs/architecture.md, "Adding a profile").
 *
 * @since 0.1.0
 */
public final class ProfileTraits {
  /** How a profile writes its rules, beyond which targets it has. */
  public enum Trait {
    /**
     * Lists in KKP's order and spelling (ports as KKP writes them, addresses in the order given,
     * source ranges as written and sorted as strings), so that KKP's controller and a GitOps
     * controller agree byte for byte. Without it, this project's canonical forms.
     */
    KKP_FORM,
    /** Every rule limited to the ports its peers listen on. */
    EXPLICIT_PORTS,
    /** The KKP it follows refuses a cluster with Konnectivity off (a warning here). */
    KONNECTIVITY_REQUIRED,
    /** The KKP it follows predates Konnectivity: the OpenVPN-side targets are always there. */
    OPENVPN_ALWAYS
  }

  /** Every profile and its traits. */
  public static final Map<Profile, Set<Trait>> PROFILES = complete(Map.of(
      KKP_V2_18, EnumSet.of(Trait.KKP_FORM, Trait.OPENVPN_ALWAYS),
      KKP_V2_31, EnumSet.of(Trait.KKP_FORM, Trait.KONNECTIVITY_REQUIRED),
      LEAST_PRIVILEGE, EnumSet.of(Trait.EXPLICIT_PORTS)));

  private ProfileTraits() {}

  /** True if {@code profile} has {@code trait}. */
  public static boolean has(Profile profile, Trait trait) {
    return PROFILES.get(profile).contains(trait);
  }

  private static Map<Profile, Set<Trait>> complete(Map<Profile, Set<Trait>> traits) {
    for (Profile profile : Profile.values()) {
      if (!traits.containsKey(profile)) {
        throw new IllegalStateException("profile " + profile.id() + " has no traits in ProfileTraits.PROFILES");
      }
    }
    return Map.copyOf(traits);
  }
}
