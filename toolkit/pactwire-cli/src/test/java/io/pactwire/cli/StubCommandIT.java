package io.pactwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pactwire stub} run from the shaded {@code pactwire.jar} as a process: WireMock and its
 * Jetty start from the one jar, and SIGTERM stops the server and frees its port.
 */
class StubCommandIT {

  private static final Path JAR = Path.of("target/pactwire.jar");

  private static Process start(String... args) throws Exception {
    return start(null, args);
  }

  /** The command run in {@code workingDirectory} (null: this module's). */
  private static Process start(Path workingDirectory, String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder process = new ProcessBuilder(command);
    if (workingDirectory != null) {
      process.directory(workingDirectory.toFile());
    }
    return process.start();
  }

  private static CompletableFuture<String> drain(java.io.InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  @Test
  void servesTheStubsUntilSigtermThenFreesThePort() throws Exception {
    Process p = start("stub", "--pacts", StubCommandTests.PACTS, "--provider", "inventory-service");
    CompletableFuture<String> err = drain(p.getErrorStream());
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String banner = out.readLine();
    assertThat(banner).isNotNull();
    Matcher m =
        Pattern.compile(
                "Serving 4 interactions of inventory-service at http://127\\.0\\.0\\.1:(\\d+)")
            .matcher(banner);
    assertThat(m.matches()).as(banner).isTrue();
    int port = Integer.parseInt(m.group(1));

    HttpResponse<String> product =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/products/SKU-1001"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(product.statusCode()).isEqualTo(200);
    assertThat(product.body()).contains("Espresso beans 1kg");
    assertThat(p.isAlive()).isTrue();

    p.destroy(); // SIGTERM
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

    // 128 + SIGTERM: the JVM ended by the signal, after the shutdown hook stopped the server
    assertThat(p.exitValue()).isEqualTo(143);
    assertThat(err.get()).isEmpty();
    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void aProjectsOwnWireMockMappingFilesAreNeitherServedNorTouched(@TempDir Path project)
      throws Exception {
    // where a project that stubs its other dependencies with WireMock keeps their mappings, and
    // where WireMock's defaults load mapping files from
    Path mappings = Files.createDirectories(project.resolve("src/test/resources/mappings"));
    Path handWritten =
        Files.writeString(
            mappings.resolve("hand-written.json"),
            "{\"request\": {\"method\": \"GET\", \"url\": \"/hand-written\"},"
                + " \"response\": {\"status\": 200, \"body\": \"not from any pact\"}}");
    String pacts = Path.of(StubCommandTests.PACTS).toAbsolutePath().normalize().toString();
    Process p = start(project, "stub", "--pacts", pacts, "--provider", "inventory-service");
    CompletableFuture<String> err = drain(p.getErrorStream());
    try {
      String banner =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      Matcher m = Pattern.compile(".* at http://127\\.0\\.0\\.1:(\\d+)").matcher(banner);
      assertThat(m.matches()).as(banner).isTrue();
      String base = "http://127.0.0.1:" + m.group(1);
      HttpClient http = HttpClient.newHttpClient();

      HttpResponse<String> other =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/hand-written")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(other.statusCode()).isEqualTo(404);
      assertThat(other.body()).doesNotContain("not from any pact");
      // removing every stub through WireMock's admin API deletes no file of the project's
      HttpResponse<String> reset =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/__admin/mappings")).DELETE().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(reset.statusCode()).isEqualTo(200);
      assertThat(handWritten).exists();
    } finally {
      p.destroy();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(err.get()).isEmpty();
  }

  @Test
  void badInputIsOneLineOnStderrAndExitTwo() throws Exception {
    Process p = start("stub", "--pacts", StubCommandTests.PACTS, "--provider", "nobody");
    CompletableFuture<String> err = drain(p.getErrorStream());
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(out).isEmpty();
    assertThat(err.get())
        .isEqualTo(
            "pactwire stub: "
                + StubCommandTests.PACTS
                + ": no HTTP interaction with provider \"nobody\" to serve"
                + System.lineSeparator());
  }
}
