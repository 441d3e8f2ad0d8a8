package io.pactwire.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.sun.net.httpserver.HttpServer;
import io.pactwire.consumer.PactwireWireMockExtension;
import io.pactwire.hardening.Inputs;
import io.pactwire.record.RecordingProxy;
import io.pactwire.stubs.PactwireStubsExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import picocli.CommandLine;

/**
 * Security defaults: servers listen on loopback unless told otherwise, nothing is written outside
 * the configured folders, and a planted secret appears in no output.
 */
class SecurityDefaultsTests {

  static final String SECRET = "Bearer PLANTED-SECRET-8c1f2e";

  /** Whether a server on {@code port} answers on an address of this machine other than loopback. */
  static boolean reachableBeyondLoopback(int port) {
    List<InetAddress> others = new ArrayList<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (nic.isUp() && !nic.isLoopback()) {
          Collections.list(nic.getInetAddresses()).stream()
              .filter(a -> a instanceof Inet4Address)
              .forEach(others::add);
        }
      }
    } catch (SocketException e) {
      throw new UncheckedIOException(e);
    }
    Assumptions.assumeFalse(
        others.isEmpty(), "this machine has no address but loopback: nothing to check from");
    for (InetAddress address : others) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(address, port), 500);
        return true;
      } catch (IOException refused) {
        // not listening there: as it should be
      }
    }
    return false;
  }

  @Nested
  class ServersListenOnLoopback {

    @Test
    void theStubCommand() {
      StubCommand command = new StubCommand();
      Path pacts = Inputs.write(tempDir().resolve("pacts/c-p.json"), Inputs.PACT).getParent();
      new CommandLine(command)
          .parseArgs("--pacts", pacts.toString(), "--provider", Inputs.PROVIDER);
      StubCommand.Serving serving = command.start(new PrintWriter(new StringWriter()));
      try {
        assertThat(serving.url()).startsWith("http://127.0.0.1:");
        int port = URI.create(serving.url()).getPort();
        assertThat(reachableBeyondLoopback(port)).as("pactwire stub beyond loopback").isFalse();
      } finally {
        serving.stop();
      }
    }

    @Test
    void theRecordingProxy() {
      RecordingProxy proxy =
          RecordingProxy.newInstance(URI.create("http://127.0.0.1:9"))
              .consumer(Inputs.CONSUMER)
              .provider(Inputs.PROVIDER)
              .out(tempDir())
              .build()
              .start();
      try {
        assertThat(proxy.baseUrl()).contains("127.0.0.1");
        assertThat(reachableBeyondLoopback(proxy.port())).as("the recording proxy").isFalse();
      } finally {
        proxy.close();
      }
    }

    @Test
    void theCaptureAndStubsExtensions() {
      ServerTestCase.reachable.clear();

      var events =
          EngineTestKit.engine("junit-jupiter")
              .selectors(selectClass(ServerTestCase.class))
              .execute()
              .allEvents();
      assertThat(events.failed().stream().map(e -> String.valueOf(e.getPayload())).toList())
          .as("failures of the servers' test case")
          .isEmpty();

      assertThat(ServerTestCase.reachable)
          .containsExactly(Map.entry("capture", false), Map.entry("stubs", false));
    }
  }

  @Nested
  class NothingIsWrittenOutsideTheConfiguredFolders {

    @Test
    void captureRefusesAConsumerNameThatLeavesThePactsFolder() {
      Throwable thrown =
          catchThrowable(
              () ->
                  PactwireWireMockExtension.newInstance()
                      .consumer("../../x")
                      .provider(Inputs.PROVIDER)
                      .pactsDir(tempDir())
                      .build());

      assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
      assertThat(thrown.getMessage()).contains("../../x").contains("cannot name a pact file");
    }

    @Test
    void publishKeepsAPactNamedToEscapeInsideTheStore() throws IOException {
      Path work = tempDir();
      Path pacts = work.resolve("a/b/pacts");
      Path store = work.resolve("a/b/store");
      Inputs.write(
          pacts.resolve("x-hardening-provider.json"),
          Inputs.PACT.replace("\"hardening-consumer\"", "\"../../x\""));
      Map<String, String> before = Inputs.snapshot(work);

      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int status =
          Main.run(
              new String[] {
                "publish",
                "--consumer-version",
                "1.0.0",
                "--consumer",
                "../../x",
                "--pacts",
                pacts.toString(),
                "--store",
                store.toString()
              },
              new PrintWriter(out, true),
              new PrintWriter(err, true));

      Map<String, String> after = Inputs.snapshot(work);
      after.keySet().removeAll(before.keySet());
      assertThat(after.keySet())
          .as("files written by publish (exit %d, %s%s)", status, out, err)
          .allMatch(name -> name.startsWith("a/b/store"));
    }
  }

  @Nested
  class APlantedSecretAppearsInNoOutput {

    @Test
    void verifyOutputsAndReports() throws IOException {
      HttpServer provider =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      provider.createContext(
          "/products/A-1",
          exchange -> {
            // a mismatch, so that every report has a failure to show, and the secret echoed
            byte[] body =
                ("{\"sku\": 7, \"auth\": \""
                        + exchange.getRequestHeaders().getFirst("Authorization")
                        + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Set-Cookie", "session=" + SECRET);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream o = exchange.getResponseBody()) {
              o.write(body);
            }
          });
      provider.start();
      Path work = tempDir();
      try {
        Path pact =
            Inputs.write(
                work.resolve("pacts/hardening-consumer-hardening-provider.json"),
                Inputs.PACT.replace(
                    "\"path\": \"/products/A-1\"",
                    "\"path\": \"/products/A-1\", \"headers\": {\"Authorization\": [\""
                        + SECRET
                        + "\"]}"));
        List<String> outputs = new ArrayList<>();
        for (String format : List.of("text", "json", "junit", "markdown")) {
          StringWriter out = new StringWriter();
          StringWriter err = new StringWriter();
          Main.run(
              new String[] {
                "verify",
                "--provider",
                Inputs.PROVIDER,
                "--base-url",
                "http://127.0.0.1:" + provider.getAddress().getPort(),
                "--pact",
                pact.toString(),
                "--format",
                format,
                "--out",
                work.resolve("reports-" + format).toString(),
                "--store",
                work.resolve("store-" + format).toString()
              },
              new PrintWriter(out, true),
              new PrintWriter(err, true));
          outputs.add("stdout (" + format + "):\n" + out);
          outputs.add("stderr (" + format + "):\n" + err);
        }
        try (Stream<Path> files = Files.walk(work)) {
          for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
            if (!file.equals(pact)) {
              outputs.add(file + ":\n" + Files.readString(file, StandardCharsets.ISO_8859_1));
            }
          }
        }
        assertThat(outputs).as("outputs of pactwire verify").hasSizeGreaterThan(8);
        for (String output : outputs) {
          assertThat(output).doesNotContain("PLANTED-SECRET");
        }
      } finally {
        provider.stop(0);
      }
    }
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("pactwire-security").toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Run by {@link ServersListenOnLoopback}: both extensions' servers, checked from outside. */
  static class ServerTestCase {

    static final Map<String, Boolean> reachable =
        Collections.synchronizedMap(new java.util.LinkedHashMap<>());

    @RegisterExtension
    static PactwireWireMockExtension capture =
        PactwireWireMockExtension.newInstance()
            .consumer("security-consumer")
            .provider("security-provider")
            .pactsDir(tempDir())
            .build();

    @RegisterExtension
    static PactwireStubsExtension stubs =
        PactwireStubsExtension.newInstance()
            .pacts(Inputs.write(tempDir().resolve("c-p.json"), Inputs.PACT).getParent())
            .provider(Inputs.PROVIDER)
            .build();

    @Test
    void servers() {
      reachable.put("capture", reachableBeyondLoopback(capture.getPort()));
      reachable.put("stubs", reachableBeyondLoopback(stubs.runtimeInfo().port()));
    }
  }
}
