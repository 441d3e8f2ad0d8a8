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
 * WireMock mappings that match each interaction's example literally. Writes the port to a file.
 */
public class StubServer {
  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path pact = Path.of(args[1]);
    Path portFile = Path.of(args[2]);
    WireMockServer server;
    if (mode.equals("pactwire")) {
      PactStubs stubs = PactStubs.newInstance().pacts(pact).build();
      server = new WireMockServer(stubs.configure(options().dynamicPort().disableRequestJournal()));
      server.start();
      stubs.registerWith(server);
    } else {
      server = new WireMockServer(options().dynamicPort().disableRequestJournal());
      server.start();
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
    }
    Files.writeString(portFile, Integer.toString(server.port()), StandardCharsets.UTF_8);
    Thread.currentThread().join();
  }
}
