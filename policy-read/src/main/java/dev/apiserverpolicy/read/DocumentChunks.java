package dev.apiserverpolicy.read;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a YAML stream into runs of whole documents at {@code ---} lines, so they can be read
 * on several cores. In the subset {@link SubsetYamlParser} reads, a line that starts with
 * {@code ---} and a blank always starts a document (no scalar or flow collection may span
 * it), so each chunk parses to exactly the documents a single pass would find.
 */
final class DocumentChunks {
  /** Characters {@code [start, end)} of the text; {@code firstLine} is the line at {@code start}. */
  record Chunk(int start, int end, int firstLine) {}

  private DocumentChunks() {}

  static Chunk whole(int length) {
    return new Chunk(0, length, 1);
  }

  /** Chunks of about {@code size} characters or more, each cut just before a {@code ---} line. */
  static List<Chunk> split(char[] text, int size) {
    List<Chunk> chunks = new ArrayList<>();
    int start = 0;
    int startLine = 1;
    int line = 1;
    int n = text.length;
    for (int i = 0; i + 1 < n; i++) {
      if (text[i] != '\n') {
        continue;
      }
      line++;
      int next = i + 1;
      if (next - start >= size && next + 3 <= n && text[next] == '-' && text[next + 1] == '-' && text[next + 2] == '-'
          && (next + 3 == n || text[next + 3] == ' ' || text[next + 3] == '\n')) {
        chunks.add(new Chunk(start, next, startLine));
        start = next;
        startLine = line;
      }
    }
    chunks.add(new Chunk(start, n, startLine));
    return chunks;
  }
}
