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

  /**
   * Puts scrubbing streams in place of {@code System.out} and {@code System.err}, to be undone by
   * {@link Swap#restore()}.
   */
  static Swap install(UnaryOperator<String> scrubber) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ScrubbedConsole outLines = new ScrubbedConsole(out, scrubber);
    ScrubbedConsole errLines = new ScrubbedConsole(err, scrubber);
    Swap swap =
        new Swap(
            out,
            err,
            outLines,
            errLines,
            new PrintStream(outLines, true, StandardCharsets.UTF_8),
            new PrintStream(errLines, true, StandardCharsets.UTF_8));
    System.setOut(swap.scrubbedOut);
    System.setErr(swap.scrubbedErr);
    return swap;
  }

  /**
   * The streams one swap replaced and put in place. Restoring puts the replaced ones back only
   * where the swap's own are still in place (a test class run in parallel may have swapped since),
   * and prints what is left of a line; the swap's streams stay open, so that whoever still holds
   * one loses no output.
   */
  static final class Swap {
    private final PrintStream out;
    private final PrintStream err;
    private final ScrubbedConsole outLines;
    private final ScrubbedConsole errLines;
    private final PrintStream scrubbedOut;
    private final PrintStream scrubbedErr;

    private Swap(
        PrintStream out,
        PrintStream err,
        ScrubbedConsole outLines,
        ScrubbedConsole errLines,
        PrintStream scrubbedOut,
        PrintStream scrubbedErr) {
      this.out = out;
      this.err = err;
      this.outLines = outLines;
      this.errLines = errLines;
      this.scrubbedOut = scrubbedOut;
      this.scrubbedErr = scrubbedErr;
    }

    void restore() {
      scrubbedOut.flush();
      scrubbedErr.flush();
      outLines.drain();
      errLines.drain();
      if (System.out == scrubbedOut) {
        System.setOut(out);
      }
      if (System.err == scrubbedErr) {
        System.setErr(err);
      }
    }
  }

  /** Prints what is left of a line, scrubbed. */
  synchronized void drain() {
    flushLine();
    target.flush();
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
