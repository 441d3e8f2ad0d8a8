package io.pactwire.provider.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * A console stream that passes each line through a scrubber before the real stream prints it:
 * pact-jvm prints a failed body comparison with the provider's values as received.
 */
final class ScrubbedConsole extends OutputStream {

  private final PrintStream target;
  private final UnaryOperator<String> scrubber;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  private ScrubbedConsole(PrintStream target, UnaryOperator<String> scrubber) {
    this.target = target;
    this.scrubber = scrubber;
  }

  /** A stream printing to {@code target} what {@code scrubber} leaves of each line. */
  static PrintStream wrap(PrintStream target, UnaryOperator<String> scrubber) {
    return new PrintStream(new ScrubbedConsole(target, scrubber), true, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void write(int b) {
    line.write(b);
    if (b == '\n') {
      flushLine();
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      write(bytes[i]);
    }
  }

  @Override
  public synchronized void flush() {
    // a partial line waits for its end, so that a secret split across writes is still seen whole
    target.flush();
  }

  @Override
  public synchronized void close() {
    flushLine();
    target.flush();
  }

  private void flushLine() {
    if (line.size() > 0) {
      target.print(scrubber.apply(line.toString(StandardCharsets.UTF_8)));
      line.reset();
    }
  }
}
