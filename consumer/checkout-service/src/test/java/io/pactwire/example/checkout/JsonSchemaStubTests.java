package io.pactwire.example.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonSchema;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.pactwire.openapi.Finding;
import io.pactwire.openapi.OpenApiCheck;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test classpath of a service that stubs with WireMock and checks its contracts with the
 * OpenAPI check: both run JSON Schema on the same validator, WireMock's {@code matchesJsonSchema}
 * stubs and the check's body validation alike.
 */
class JsonSchemaStubTests {

  static final String SCHEMA =
      """
      {"type": "object", "required": ["sku", "quantity"],
       "properties": {"sku": {"type": "string"}, "quantity": {"type": "integer", "minimum": 1}}}
      """;

  @RegisterExtension
  static WireMockExtension inventory =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  private static int reserve(String body) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(inventory.baseUrl() + "/reservations"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void aWireMockStubMatchesRequestBodiesAgainstItsJsonSchema() throws Exception {
    inventory.stubFor(
        post(urlPathEqualTo("/reservations"))
            .withRequestBody(matchingJsonSchema(SCHEMA))
            .willReturn(aResponse().withStatus(201)));

    assertThat(reserve("{\"sku\": \"SKU-1001\", \"quantity\": 2}")).isEqualTo(201);
    assertThat(reserve("{\"sku\": \"SKU-1001\", \"quantity\": 0}")).isEqualTo(404);
  }

  @Test
  void theOpenApiCheckValidatesBodiesInTheSameJvm() throws IOException {
    Path spec =
        Files.writeString(
            dir.resolve("openapi.yaml"),
            """
            openapi: 3.0.3
            info: {title: Inventory, version: 1.0.0}
            paths:
              /reservations:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            sku: {type: string}
                            quantity: {type: integer, minimum: 1}
                  responses:
                    "201": {description: reserved}
            """);
    Path pact =
        Files.writeString(
            dir.resolve("pact.json"),
            """
            {"consumer": {"name": "checkout-service"}, "provider": {"name": "inventory-service"},
             "interactions": [{
               "description": "a reservation of none",
               "request": {"method": "POST", "path": "/reservations",
                           "headers": {"Content-Type": "application/json"},
                           "body": {"sku": "SKU-1001", "quantity": 0}},
               "response": {"status": 201}}],
             "metadata": {"pactSpecification": {"version": "3.0.0"}}}
            """);

    assertThat(OpenApiCheck.of(spec).check(pact))
        .extracting(Finding::message)
        .singleElement()
        .asString()
        .endsWith("must be >= 1");
  }
}
