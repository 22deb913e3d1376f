package dev.apiserverpolicy.reach;

import java.util.List;

/**
 * The Markdown form of a diff, for a pull-request comment: the summary, a table of the changed
 * clusters, then each cluster's changes and a Mermaid picture of its changed edges. GitHub
 * refuses a comment over 65,536 characters, so a long diff is summarised: first without
 * pictures, then with as many clusters as fit and a count of the rest.
 */
final class DiffMarkdown {
  /** The most characters the Markdown ever has, with room under GitHub's 65,536 for a caller's own lines. */
  static final int LIMIT = 60_000;

  /** The most rows the summary table has. */
  static final int TABLE_ROWS = 100;

  private DiffMarkdown() {}

  static String write(AccessDiff diff) {
    return write(diff, LIMIT);
  }

  /** The Markdown, never over {@code limit} characters (for tests, a smaller limit). */
  static String write(AccessDiff diff, int limit) {
    String head = head(diff);
    String full = head + sections(diff, true, Integer.MAX_VALUE);
    if (full.length() <= limit) {
      return full;
    }
    String withoutPictures = head + sections(diff, false, Integer.MAX_VALUE);
    if (withoutPictures.length() <= limit) {
      return withoutPictures;
    }
    return head + sections(diff, false, limit - head.length());
  }

  private static String head(AccessDiff diff) {
    StringBuilder out = new StringBuilder("## apiserver-policy diff\n\n")
        .append(MarkdownText.escape(DiffText.summary(diff).substring("apiserver-policy diff: ".length())))
        .append("\n");
    if (diff.clusters().isEmpty()) {
      return out.toString();
    }
    out.append("\n| cluster | seed | status | cluster and gate | who may reach the API server | egress | findings |\n")
        .append("| --- | --- | --- | --- | --- | --- | --- |\n");
    List<ClusterDiff> rows = diff.clusters().subList(0, Math.min(TABLE_ROWS, diff.clusters().size()));
    for (ClusterDiff c : rows) {
      out.append("| ").append(MarkdownText.escape(c.cluster())).append(" | ").append(MarkdownText.escape(c.seed()))
          .append(" | ").append(c.status().id()).append(" | ").append(count(c, AccessChange.Section.CLUSTER))
          .append(" | ").append(count(c, AccessChange.Section.CLIENTS))
          .append(" | ").append(count(c, AccessChange.Section.EGRESS)).append(" | ")
          .append(count(c, AccessChange.Section.FINDINGS)).append(" |\n");
    }
    if (rows.size() < diff.clusters().size()) {
      out.append("\nand ").append(diff.clusters().size() - rows.size())
          .append(" more clusters; `apiserver-policy diff -o json` lists every one.\n");
    }
    return out.toString();
  }

  private static long count(ClusterDiff c, AccessChange.Section section) {
    return c.changes().stream().filter(ch -> ch.kind().section() == section).count();
  }

  /** Each cluster's section while they fit in {@code room}, then how many were left out. */
  private static String sections(AccessDiff diff, boolean pictures, int room) {
    StringBuilder out = new StringBuilder();
    int shown = 0;
    String general = general(diff);
    for (ClusterDiff c : diff.clusters()) {
      String section = section(c, pictures);
      // Room for this section, the general findings, and the line that counts the rest.
      if (out.length() + section.length() + general.length() + 200 > room) {
        break;
      }
      out.append(section);
      shown++;
    }
    if (shown < diff.clusters().size()) {
      out.append("\n").append(diff.clusters().size() - shown).append(" of ").append(diff.clusters().size())
          .append(" clusters are not shown here, to keep this comment under GitHub's limit; "
              + "`apiserver-policy diff` prints them all.\n");
    }
    return out.append(general).toString();
  }

  private static String general(AccessDiff diff) {
    if (diff.findings().isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("\n### Findings that name no cluster\n\n");
    diff.findings().forEach(f -> DiffText.lines(f).forEach(l -> out.append("- ").append(item(l, f)).append('\n')));
    return out.toString();
  }

  private static String section(ClusterDiff c, boolean pictures) {
    StringBuilder out = new StringBuilder("\n### ").append(MarkdownText.escape(c.cluster())).append(" (seed ")
        .append(MarkdownText.escape(c.seed())).append("): ").append(c.status().id()).append('\n');
    AccessChange.Section section = null;
    for (AccessChange change : c.changes()) {
      if (change.kind().section() != section) {
        section = change.kind().section();
        out.append("\n**").append(MarkdownText.escape(capitalised(section.title()))).append("**\n\n");
      }
      DiffText.lines(change).forEach(l -> out.append("- ").append(item(l, change)).append('\n'));
    }
    String picture = pictures ? DiffMermaid.picture(c) : "";
    if (!picture.isEmpty()) {
      out.append("\n```mermaid\n").append(picture).append("```\n");
    }
    return out.toString();
  }

  /** A text line as a list item: its {@code +} or {@code -} as a word, the rest escaped. */
  private static String item(String line, AccessChange change) {
    boolean finding = change.kind() == AccessChange.Kind.FINDING;
    String text = line.strip().replace(" -> ", " \u2192 ");
    if (text.startsWith("+ ")) {
      return (finding ? "**new** " : "**added** ") + MarkdownText.escape(text.substring(2));
    }
    if (text.startsWith("- ")) {
      return (finding ? "**gone** " : "**removed** ") + MarkdownText.escape(text.substring(2));
    }
    return MarkdownText.escape(text);
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
