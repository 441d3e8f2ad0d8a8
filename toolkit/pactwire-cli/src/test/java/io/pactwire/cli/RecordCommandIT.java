package io.pactwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pactwire record} run from the shaded {@code pactwire.jar} as a process: SIGTERM writes the
 * stubs and the pact, whole, before the JVM ends, which exits as a signal's (143); a recording that
 * cannot be written exits 1.
 */
class RecordCommandIT {

  private static final Path JAR = Path.of("target/pactwire.jar");

  @Test
  void sigtermWritesTheStubsAndThePactThenExits(@TempDir Path out) throws Exception {
    Recorded run = recordOneOrderThenStop(out, () -> {});

    assertThat(run.exit()).isEqualTo(143);
    assertThat(run.lastLine()).startsWith("Recorded 1 interaction into ");
    assertThat(run.err()).isEmpty();
    assertThat(out.resolve("shop-vendor.json"))
        .content()
        .containsPattern("\"status\" ?: \"APPROVED\"");
    assertThat(out.resolve("mappings/get-orders-ord-1.json")).exists();
    try (Stream<Path> files = Files.walk(out)) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.endsWith(".tmp"));
    }
  }

  // the folder removed while recording, a file in its place: the one line says why, and the exit
  // status is not the one of a recording that was written
  @Test
  void aRecordingThatCannotBeWrittenExitsOne(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("recorded");
    Recorded run =
        recordOneOrderThenStop(
            out,
            () -> {
              if (Files.exists(out)) {
                try (Stream<Path> files = Files.walk(out)) {
                  for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                  }
                }
              }
              Files.writeString(out, "not a folder");
            });

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).startsWith("pactwire record: ").contains(out.toString()).hasLineCount(1);
    assertThat(out).hasContent("not a folder");
  }

  private record Recorded(int exit, String lastLine, String err) {}

  private interface Step {
    void run() throws Exception;
  }

  /**
   * Starts the jar's record in front of a sandbox of one order, gets the order through it, runs
   * {@code beforeStop}, and stops it with SIGTERM.
   */
  private static Recorded recordOneOrderThenStop(Path out, Step beforeStop) throws Exception {
    HttpServer sandbox =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    sandbox.createContext(
        "/orders/ORD-1",
        exchange -> {
          byte[] body = "{\"id\": \"ORD-1\", \"status\": \"APPROVED\"}".getBytes();
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream o = exchange.getResponseBody()) {
            o.write(body);
          }
        });
    sandbox.start();
    try {
      List<String> command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  JAR.toString(),
                  "record",
                  "--target",
                  "http://127.0.0.1:" + sandbox.getAddress().getPort(),
                  "--consumer",
                  "shop",
                  "--provider",
                  "vendor",
                  "--out",
                  out.toString()));
      Process p = new ProcessBuilder(command).start();
      CompletableFuture<String> err =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      BufferedReader stdout =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String banner = stdout.readLine();
      assertThat(banner).as(err.getNow("")).isNotNull();
      Matcher m =
          Pattern.compile(".* at (http://127\\.0\\.0\\.1:\\d+) \\(shop → vendor\\).*")
              .matcher(banner);
      assertThat(m.matches()).as(banner).isTrue();

      HttpResponse<String> order =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(m.group(1) + "/orders/ORD-1")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(order.body()).contains("APPROVED");
      beforeStop.run();

      // SIGTERM; Process.destroy() would also close the output this test still reads
      p.toHandle().destroy();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      return new Recorded(p.exitValue(), stdout.readLine(), err.get());
    } finally {
      sandbox.stop(0);
    }
  }
}
