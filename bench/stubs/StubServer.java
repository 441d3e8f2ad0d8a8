import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.pactwire.core.PactFiles;
import io.pactwire.stubs.PactStubs;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Serves a pact on a random port until killed: "pactwire" as Pactwire's stubs, "wiremock" as plain
 * WireMock mappings that match each interaction's example literally, "floor" as no stub server at
 * all: the Jetty that WireMock runs on (the same version, the same 25 threads), answering every
 * request with one fixed response (200 to a GET, 201 otherwise, a JSON body the size of the
 * pact's) after reading its body, with no matching: what the machine, the client and the HTTP
 * server cost before any stub is asked. Both servers get the same
 * options: no request journal, no per-request log line (WireMock otherwise formats every request
 * and response as JSON for a notifier that drops it). Writes the port to a file, and the time each
 * start-up phase took to standard error.
 */
public class StubServer {
  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path pact = Path.of(args[1]);
    Path portFile = Path.of(args[2]);
    long t0 = System.nanoTime();
    if (mode.equals("floor")) {
      Files.writeString(portFile, Integer.toString(floor()), StandardCharsets.UTF_8);
      Thread.currentThread().join();
    }
    WireMockServer server;
    if (mode.equals("pactwire")) {
      // the stubs are built while the server is made; it listens once they are registered
      server = PactStubs.newInstance().pacts(pact)
          .start(options().dynamicPort().disableRequestJournal().stubRequestLoggingDisabled(true))
          .server();
      System.err.printf(
          "pactwire: stubs built and registered, server started %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    } else {
      server = new WireMockServer(options().dynamicPort().disableRequestJournal().stubRequestLoggingDisabled(true));
      server.start();
      long t1 = System.nanoTime();
      Pact read = PactFiles.read(pact);
      for (Interaction interaction : read.getInteractions()) {
        IRequest request = interaction.asSynchronousRequestResponse().getRequest();
        IResponse response = interaction.asSynchronousRequestResponse().getResponse();
        MappingBuilder mapping = WireMock.request(request.getMethod(), urlPathEqualTo(request.getPath()));
        for (Map.Entry<String, List<String>> q : request.getQuery().entrySet()) {
          mapping.withQueryParam(q.getKey(), equalTo(q.getValue().get(0)));
        }
        for (Map.Entry<String, List<String>> h : request.getHeaders().entrySet()) {
          mapping.withHeader(h.getKey(), equalTo(String.join(", ", h.getValue())));
        }
        if (request.getBody().isPresent()) {
          mapping.withRequestBody(equalToJson(request.getBody().valueAsString()));
        }
        ResponseDefinitionBuilder answer = aResponse().withStatus(response.getStatus());
        response.getHeaders().forEach((k, v) -> answer.withHeader(k, v.toArray(String[]::new)));
        answer.withBody(response.getBody().getValue());
        server.stubFor(mapping.willReturn(answer));
      }
      System.err.printf(
          "wiremock: server started %d ms, pact read and mappings added %d ms%n",
          (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
    }
    Files.writeString(portFile, Integer.toString(server.port()), StandardCharsets.UTF_8);
    Thread.currentThread().join();
  }

  /** Starts the floor server; returns its port. */
  private static int floor() throws Exception {
    byte[] get = "{\"id\":1,\"name\":\"item 1\",\"price\":10.5,\"tags\":[\"a\",\"b\"]}"
        .getBytes(StandardCharsets.UTF_8);
    byte[] post = "{\"order\":1,\"accepted\":true}".getBytes(StandardCharsets.UTF_8);
    Server jetty = new Server(new QueuedThreadPool(25));
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    jetty.setHandler(new AbstractHandler() {
      @Override
      public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
          throws IOException {
        request.getInputStream().readAllBytes();
        boolean isGet = request.getMethod().equals("GET");
        byte[] body = isGet ? get : post;
        response.setStatus(isGet ? 200 : 201);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        base.setHandled(true);
      }
    });
    jetty.start();
    return connector.getLocalPort();
  }
}
