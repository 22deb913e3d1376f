package dev.apiserverpolicy.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as a {@link PrintWriter} that also takes text already encoded as UTF-8.
 * Rendered YAML is encoded on the rendering threads; writing those bytes here spares the
 * output thread a second pass through a character encoder (a tenth of a large run).
 */
final class Utf8Output extends PrintWriter {
  private final BufferedOutputStream bytes;
  // Characters written since the last bytes: they sit in the encoder and must go first.
  private boolean charsPending;

  Utf8Output(OutputStream out) {
    this(new BufferedOutputStream(out, 1 << 16));
  }

  private Utf8Output(BufferedOutputStream buffered) {
    super(new OutputStreamWriter(buffered, StandardCharsets.UTF_8), false);
    this.bytes = buffered;
  }

  /** Writes UTF-8 bytes after whatever was printed before them. */
  void writeUtf8(byte[] utf8) {
    synchronized (lock) {
      try {
        if (charsPending) {
          ((OutputStreamWriter) out).flush();
          charsPending = false;
        }
        bytes.write(utf8);
      } catch (IOException e) {
        setError();
      }
    }
  }

  @Override
  public void write(int c) {
    synchronized (lock) {
      charsPending = true;
      super.write(c);
    }
  }

  @Override
  public void write(char[] buf, int off, int len) {
    synchronized (lock) {
      charsPending = true;
      super.write(buf, off, len);
    }
  }

  @Override
  public void write(String s, int off, int len) {
    synchronized (lock) {
      charsPending = true;
      super.write(s, off, len);
    }
  }
}
