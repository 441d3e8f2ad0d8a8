package io.pactwire.cli;

import io.pactwire.core.PactFileException;
import io.pactwire.record.RecordingProxy;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pactwire record}: a recording proxy in front of a third party's sandbox, writing WireMock
 * stubs and a pact when stopped.
 *
 * @since 0.1.0
 */
@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    description = {
      "Proxies to a third party's sandbox and records every exchange into a WireMock mapping"
          + " (<out>/mappings) and a Pact V4 interaction (<out>/<consumer>-<provider>.json), with"
          + " matchers inferred and credentials redacted, until stopped (Ctrl-C, SIGTERM).",
      "Exit status: as any program a signal stops, 143 after SIGTERM and 130 after Ctrl-C, with"
          + " the stubs and the pact written; 1 when they could not be written (the message says"
          + " why); 2 a target that is no URL, a port that cannot be bound, an <out> that cannot be"
          + " written in, or a pact in <out> that cannot be read (refused before recording)."
    })
final class RecordCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--target",
      required = true,
      paramLabel = "URL",
      description = "The sandbox to record, e.g. https://api-m.sandbox.paypal.com.")
  String target;

  @Option(
      names = "--port",
      defaultValue = "0",
      paramLabel = "N",
      description = "The port to listen on; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      paramLabel = "H",
      description = "The address to bind. Default: ${DEFAULT-VALUE} (loopback only).")
  String host;

  @Option(
      names = "--consumer",
      required = true,
      paramLabel = "NAME",
      description = "The consumer's name in the pact.")
  String consumer;

  @Option(
      names = "--provider",
      required = true,
      paramLabel = "NAME",
      description = "The provider's name in the pact.")
  String provider;

  @Option(
      names = "--out",
      defaultValue = ".",
      paramLabel = "DIR",
      description = "Where mappings/ and the pact go. Default: the working folder.")
  Path out;

  @Option(
      names = "--secret-header",
      paramLabel = "NAME",
      description =
          "A header to redact (repeatable), besides Authorization, Proxy-Authorization, Cookie,"
              + " Set-Cookie, X-Api-Key, Api-Key, X-Auth-Token and any whose name ends in a"
              + " credential's word (X-Request-Token, X-Client-Secret, X-Session-Id: see"
              + " docs/capture.md).")
  List<String> secretHeaders = List.of();

  @Option(
      names = "--secret-path",
      paramLabel = "PATH",
      description = "A JSON path in bodies to redact (repeatable), e.g. $.access_token.")
  List<String> secretPaths = List.of();

  @Option(
      names = "--secret-query",
      paramLabel = "NAME",
      description =
          "A query parameter to redact (repeatable), besides access_token, api_key, apikey,"
              + " client_secret.")
  List<String> secretQuery = List.of();

  @Option(
      names = "--capture-header",
      paramLabel = "NAME",
      description = "A request header the stubs match on and the pact names (repeatable).")
  List<String> captureHeaders = List.of();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RecordingProxy proxy = start(err);
    if (proxy == null) {
      return PactwireCommand.UNREADABLE;
    }
    CountDownLatch written = new CountDownLatch(1);
    // SIGTERM and Ctrl-C run the hook: the files are written (atomically), then the JVM exits
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    out.println(summary(proxy.stop()));
                    out.flush();
                  } catch (RuntimeException | Error e) {
                    // a pact that cannot take the recording (a conflicting interaction recorded
                    // by a test), a folder removed while recording: one line, and an exit status
                    // a CI step can tell from a recording that was written (the signal's own)
                    err.println("pactwire record: " + e.getMessage());
                    err.flush();
                    written.countDown();
                    Runtime.getRuntime().halt(1);
                  } finally {
                    written.countDown();
                  }
                },
                "pactwire-record-shutdown"));
    out.println(banner(proxy));
    out.flush();
    try {
      written.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** Starts the proxy; on bad input prints one line and returns null. */
  RecordingProxy start(PrintWriter err) {
    try {
      java.net.InetAddress.getByName(host);
    } catch (java.net.UnknownHostException e) {
      err.println("pactwire record: " + host + ": no such host or address to listen on");
      err.flush();
      return null;
    }
    try {
      return RecordingProxy.newInstance(URI.create(target))
          .consumer(consumer)
          .provider(provider)
          .out(out)
          .host(host)
          .port(port)
          .secretHeaders(secretHeaders.toArray(String[]::new))
          .secretPaths(secretPaths.toArray(String[]::new))
          .secretQueryParameters(secretQuery.toArray(String[]::new))
          .captureHeaders(captureHeaders.toArray(String[]::new))
          .build()
          .start();
    } catch (IllegalArgumentException | IllegalStateException | PactFileException e) {
      // PactFileException: the pact in --out that the recording would be merged into is refused
      // now, not when the recording stops
      err.println("pactwire record: " + e.getMessage());
      err.flush();
      return null;
    }
  }

  String banner(RecordingProxy proxy) {
    return "Recording "
        + target
        + " at "
        + proxy.baseUrl()
        + " ("
        + consumer
        + " → "
        + provider
        + "); stop with Ctrl-C or SIGTERM to write the stubs and the pact";
  }

  static String summary(RecordingProxy.Recording recording) {
    if (recording.interactions() == 0) {
      return "Recorded nothing: no request passed through";
    }
    return "Recorded "
        + recording.interactions()
        + (recording.interactions() == 1 ? " interaction" : " interactions")
        + " into "
        + recording.pact()
        + " and "
        + recording.mappings().size()
        + (recording.mappings().size() == 1 ? " mapping" : " mappings")
        + " into "
        + recording.mappings().get(0).getParent();
  }
}
