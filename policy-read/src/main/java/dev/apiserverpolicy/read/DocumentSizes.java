package dev.apiserverpolicy.read;

import java.util.Optional;

/**
 * Finds a document over the size limit before any parser sees the input, so that a huge
 * document costs one pass over its text rather than a decode, a parse and its trees.
 *
 * <p>The input is cut at every line that starts with {@code ---} or {@code ...} followed by a
 * blank or the end. Every document boundary of a YAML stream is at such a line (YAML does
 * not let them appear inside content), so each document is one or more whole pieces: a
 * piece over the limit means a document over the limit. Size here is the document's text,
 * comments included, in UTF-16 characters; in UTF-8 bytes a piece is measured by counting
 * the bytes that start a character, a lower bound, so the check never refuses a document
 * that is within the limit.
 */
final class DocumentSizes {
  /** Where an oversized document starts: 1-based line, and at least how many characters it has. */
  record Oversized(int line, long chars) {}

  private DocumentSizes() {}

  static Optional<Oversized> firstOversized(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return Optional.empty();
    }
    return scan(new Input(text.length()) {
      @Override
      int at(int i) {
        return text.charAt(i);
      }

      @Override
      boolean startsCharacter(int c) {
        return true;
      }
    }, maxChars);
  }

  /** UTF-8 bytes from {@code offset}; a continuation byte ({@code 10xxxxxx}) is not counted. */
  static Optional<Oversized> firstOversized(byte[] bytes, int offset, int maxChars) {
    if (bytes.length - offset <= maxChars) {
      return Optional.empty();
    }
    return scan(new Input(bytes.length) {
      @Override
      int at(int i) {
        return bytes[i] & 0xFF;
      }

      @Override
      boolean startsCharacter(int b) {
        return (b & 0xC0) != 0x80;
      }
    }, offset, maxChars);
  }

  private abstract static class Input {
    final int length;

    Input(int length) {
      this.length = length;
    }

    abstract int at(int i);

    abstract boolean startsCharacter(int unit);
  }

  private static Optional<Oversized> scan(Input in, int maxChars) {
    return scan(in, 0, maxChars);
  }

  private static Optional<Oversized> scan(Input in, int from, int maxChars) {
    int pieceLine = 1;
    int line = 1;
    long chars = 0;
    for (int i = from; i < in.length; i++) {
      int c = in.at(i);
      if (in.startsCharacter(c)) {
        chars++;
      }
      if (c != '\n') {
        continue;
      }
      line++;
      if (isMarkerLine(in, i + 1)) {
        if (chars > maxChars) {
          return Optional.of(new Oversized(pieceLine, chars));
        }
        chars = 0;
        pieceLine = line;
      }
    }
    return chars > maxChars ? Optional.of(new Oversized(pieceLine, chars)) : Optional.empty();
  }

  private static boolean isMarkerLine(Input in, int at) {
    if (at + 3 > in.length) {
      return false;
    }
    int c = in.at(at);
    if ((c != '-' && c != '.') || in.at(at + 1) != c || in.at(at + 2) != c) {
      return false;
    }
    if (at + 3 == in.length) {
      return true;
    }
    int after = in.at(at + 3);
    return after == ' ' || after == '\t' || after == '\r' || after == '\n';
  }
}
