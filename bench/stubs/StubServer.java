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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Serves a pact on a random port until killed: "pactwire" as Pactwire's stubs, "wiremock" as plain
 * WireMock mappings that match each interaction's example literally. Both servers get the same
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
}
