package dev.apiserverpolicy.reach;

import java.util.List;
import java.util.Locale;

/**
 * One change between two renderings of a cluster, in terms of who may connect to what.
 *
 * @param kind what changed
 * @param subject what it is about: a destination, a path to the API server, a Service, a finding
 * @param before the state in BASE ({@code absent} when there was none)
 * @param after the state in HEAD ({@code absent} when there is none)
 * @param added what HEAD allows that BASE did not: source ranges, or connections to the subject
 * @param removed what BASE allowed that HEAD does not
 * @param allowedBy the policies of HEAD that allow what was added
 * @param allowedBefore the policies of BASE that allowed what was removed
 *
 * @since 0.1.0
 */
public record AccessChange(Kind kind, String subject, String before, String after, List<String> added,
    List<String> removed, List<String> allowedBy, List<String> allowedBefore) {
  /** The state of something one side does not have. */
  public static final String ABSENT = "absent";

  /** Defensive copies. */
  public AccessChange {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    allowedBy = List.copyOf(allowedBy);
    allowedBefore = List.copyOf(allowedBefore);
  }

  /** A change of state with nothing added or removed to list. */
  static AccessChange of(Kind kind, String subject, String before, String after) {
    return new AccessChange(kind, subject, before, after, List.of(), List.of(), List.of(), List.of());
  }

  /** What changes, grouped by the question a reviewer asks. */
  public enum Kind {
    /** The cluster is new, gone, or renders on one side only. */
    CLUSTER(Section.CLUSTER),
    /** The apiserverNetworkPolicy gate: NetworkPolicies rendered or not. */
    GATE(Section.CLUSTER),
    /** The effective expose strategy. */
    EXPOSE_STRATEGY(Section.CLIENTS),
    /** A Service's type. */
    SERVICE_TYPE(Section.CLIENTS),
    /** Whether a path admits every address of a family. */
    OPEN_TO_ANYONE(Section.CLIENTS),
    /** The NodePort of apiserver-external that goes around a front load balancer's allow-list. */
    NODEPORT_BYPASS(Section.CLIENTS),
    /** The source ranges a path to the API server admits. */
    SOURCE_RANGES(Section.CLIENTS),
    /** What the apiserver pods may connect to. */
    EGRESS(Section.EGRESS),
    /** A finding that appears or goes away. */
    FINDING(Section.FINDINGS);

    private final Section section;

    Kind(Section section) {
      this.section = section;
    }

    /** The section a report lists this kind under. */
    public Section section() {
      return section;
    }

    /** {@code source-ranges}: the name JSON and text use. */
    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** The questions a review answers, in the order reports list them. */
  public enum Section {
    /** The cluster itself. */
    CLUSTER("cluster"),
    /** Who may reach the API server. */
    CLIENTS("who may reach the API server"),
    /** Where the apiserver pods may connect. */
    EGRESS("egress of the apiserver pods"),
    /** Findings. */
    FINDINGS("findings");

    private final String title;

    Section(String title) {
      this.title = title;
    }

    /** The heading reports use. */
    public String title() {
      return title;
    }

    /** {@code clients}: the name JSON uses. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
