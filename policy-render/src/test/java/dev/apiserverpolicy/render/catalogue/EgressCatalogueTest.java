package dev.apiserverpolicy.render.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiserverpolicy.model.Profile;
import dev.apiserverpolicy.render.catalogue.EgressTarget.ContextNeed;
import dev.apiserverpolicy.render.facts.ProfileTraits;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The catalogue is consistent data, and what other code derives from it is what the spec says. */
class EgressCatalogueTest {
  @Test
  void noProfileHasTwoTargetsOfOneName() {
    List<String> clashes = new ArrayList<>();
    for (Profile profile : Profile.values()) {
      Set<String> names = new HashSet<>();
      EgressCatalogue.TARGETS.stream().filter(t -> t.profiles().contains(profile))
          .filter(t -> !names.add(t.policyName())).forEach(t -> clashes.add(profile + ": " + t.policyName()));
    }
    assertEquals(List.of(), clashes);
  }

  @Test
  void everyProfileHasTraitsAndEveryTargetSomeProfile() {
    assertEquals(EnumSet.allOf(Profile.class), EnumSet.copyOf(ProfileTraits.PROFILES.keySet()));
    EgressCatalogue.TARGETS.forEach(t -> assertTrue(!t.profiles().isEmpty(), t.policyName()));
  }

  @Test
  void whatEachProfileNeedsFromTheRenderContext() {
    assertEquals(Set.of(), EgressCatalogue.needs(Profile.KKP_V2_18));
    assertEquals(EnumSet.of(ContextNeed.SEED_ENDPOINTS, ContextNeed.ISSUER_ADDRESSES, ContextNeed.WEBHOOK_ADDRESSES),
        EgressCatalogue.needs(Profile.KKP_V2_31));
    assertEquals(EnumSet.allOf(ContextNeed.class), EgressCatalogue.needs(Profile.LEAST_PRIVILEGE));
  }

  /** docs/spec.md section 5: the names an extraEgress entry may not take. */
  @Test
  void reservedNamesAreTheTargetsAndKkpsLegacyPolicy() {
    assertEquals(new TreeSet<>(List.of("default-deny-all-egress", "dns-allow", "etcd-allow",
            "machine-controller-webhook-allow", "openvpn-server-allow", "metrics-server-allow",
            "apiserver-internal-allow", "usercluster-webhook-allow", "operating-system-manager-webhook-allow",
            "kyverno-webhook-allow", "seed-apiserver-allow", "oidc-issuer-allow", "authorization-webhook-allow",
            "cluster-external-addr-allow")),
        new TreeSet<>(EgressCatalogue.RESERVED_POLICY_NAMES));
  }

  @Test
  void profilesOfferingKyverno() {
    assertEquals(List.of(Profile.KKP_V2_31, Profile.LEAST_PRIVILEGE),
        EgressCatalogue.profilesOffering(EgressCatalogue.KYVERNO_WEBHOOK));
  }

  /** docs/spec.md section 4's table names every target the catalogue has, and no other policy. */
  @Test
  void theSpecsTableOfPoliciesIsTheCatalogue() throws java.io.IOException {
    String spec = java.nio.file.Files.readString(dev.apiserverpolicy.testing.ProjectFiles.root()
        .resolve("docs/spec.md"));
    String table = spec.substring(spec.indexOf("\n| policy | egress to |"), spec.indexOf("\n### 4.1 "));
    Set<String> rows = new TreeSet<>();
    java.util.regex.Matcher row = java.util.regex.Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\|").matcher(table);
    while (row.find()) {
      rows.add(row.group(1));
    }
    Set<String> targets = new TreeSet<>();
    EgressCatalogue.TARGETS.forEach(t -> targets.add(t.policyName()));
    assertEquals(targets, rows, "docs/spec.md section 4's table of policies against EgressCatalogue.TARGETS");
  }
}
