package dev.apiserverpolicy.reach;

import java.util.Locale;
import java.util.function.Function;

/**
 * Writes an {@link AccessDiff} as text for terminals, Markdown for a pull-request comment, or
 * versioned JSON. Adding a format is one constant with its writer.
 *
 * @since 0.1.0
 */
public enum DiffFormat {
  /** Plain text for terminals and CI logs. */
  TEXT(DiffText::write),
  /**
   * Markdown for a pull-request comment: a summary table, then each cluster with a Mermaid
   * picture of the changed edges; never longer than {@link DiffMarkdown#LIMIT} characters.
   */
  MARKDOWN(DiffMarkdown::write),
  /** JSON of the shape {@link AccessDiff#JSON_VERSION} (docs/spec.md, "diff"). */
  JSON(DiffJson::write);

  private final Function<AccessDiff, String> writer;

  DiffFormat(Function<AccessDiff, String> writer) {
    this.writer = writer;
  }

  /** The lower-case name, as {@code diff --format} takes it. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The diff in this format. */
  public String write(AccessDiff diff) {
    return writer.apply(diff);
  }
}
