package io.pactwire.consumer.testcases;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonSchema;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.consumer.PactStub;
import io.pactwire.consumer.PactwireRuntimeInfo;
import io.pactwire.consumer.PactwireWireMockTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request body stubbed with WireMock's JSON Schema pattern: one body it admits, one it refuses.
 */
@PactwireWireMockTest(consumer = "checkout-service", provider = "schema-service")
public class JsonSchemaBodyTestCase {

  public static final String SCHEMA =
      """
      {"type": "object", "required": ["sku", "quantity"],
       "properties": {"sku": {"type": "string", "pattern": "^SKU-[0-9]+$"},
                      "quantity": {"type": "integer", "minimum": 1}}}
      """;

  @BeforeEach
  void stubTheReservations() {
    stubFor(
        post(urlPathEqualTo("/reservations"))
            .withRequestBody(matchingJsonSchema(SCHEMA))
            .withMetadata(PactStub.interaction("a reservation the schema admits").metadata())
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\": \"R-1\"}")));
  }

  @Test
  void sendsAReservationTheSchemaAdmits(PactwireRuntimeInfo wm) {
    var response =
        Http.post(
            wm.getHttpBaseUrl() + "/reservations",
            "{\"sku\": \"SKU-1001\", \"quantity\": 2}",
            "Content-Type",
            "application/json");
    assertThat(response.statusCode()).isEqualTo(201);
  }

  @Test
  void sendsAReservationTheSchemaRefuses(PactwireRuntimeInfo wm) {
    var response =
        Http.post(
            wm.getHttpBaseUrl() + "/reservations",
            "{\"sku\": \"SKU-1001\", \"quantity\": 0}",
            "Content-Type",
            "application/json");
    assertThat(response.statusCode()).isEqualTo(404);
  }
}
