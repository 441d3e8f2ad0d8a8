package io.pactwire.cli;

import io.pactwire.evolve.EvolveException;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** What diff, usage and impact share: their formats and how they print a report or a failure. */
final class EvolveOutput {

  /** How a report is printed. */
  enum Format {
    text,
    json,
    markdown
  }

  private EvolveOutput() {}

  /**
   * Runs a command's work: prints the rendered report and returns {@code status}, or prints one
   * line for input it cannot use and returns {@link PactwireCommand#UNREADABLE}.
   */
  static int run(String command, PrintWriter out, PrintWriter err, Supplier<Result> work) {
    Result r;
    try {
      r = work.get();
    } catch (EvolveException e) {
      err.println("pactwire " + command + ": " + e.getMessage());
      err.flush();
      return PactwireCommand.UNREADABLE;
    }
    if (r.writer() != null) {
      write(r.writer(), out);
    } else {
      out.print(r.text());
    }
    out.flush();
    return r.status();
  }

  /**
   * Writes a report that {@code writer} writes as UTF-8: on standard output, straight to its stream
   * through a large buffer; elsewhere (a caller's writer), as text. As a {@link PrintWriter} does,
   * it reports no failure to write standard output (a reader such as {@code head} that has read
   * enough): it stops writing.
   */
  private static void write(Consumer<OutputStream> writer, PrintWriter out) {
    if (out instanceof Main.Stdout) {
      out.flush();
      try {
        BufferedOutputStream stream = new BufferedOutputStream(((Main.Stdout) out).stream, 1 << 16);
        writer.accept(stream);
        stream.flush();
      } catch (IOException | UncheckedIOException e) {
        // the reader went away
      }
    } else {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      writer.accept(bytes);
      out.print(bytes.toString(StandardCharsets.UTF_8));
    }
  }

  /**
   * A rendered report and the exit status it calls for; or, for a report too large to hold as one
   * text, what writes it in UTF-8.
   */
  record Result(String text, int status, Consumer<OutputStream> writer) {
    Result(String text, int status) {
      this(text, status, null);
    }
  }
}
