package org.example.shop;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonSchema;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pactwire.consumer.PactStub;
import io.pactwire.consumer.PactwireRuntimeInfo;
import io.pactwire.consumer.PactwireWireMockTest;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shop's contract with the carrier's rates API, captured from WireMock stubs. */
@PactwireWireMockTest(consumer = "shop", provider = "parcelpost-rates")
class RatesClientContractTests {

  /** What the shop promises to send: the stub accepts only a body of this shape. */
  private static final String QUOTE_REQUEST =
      """
      {"type": "object", "required": ["destination", "weightGrams"],
       "properties": {"destination": {"type": "string", "pattern": "^[A-Z]{2}$"},
                      "weightGrams": {"type": "integer", "minimum": 1}}}
      """;

  @Test
  void aParcelToFranceHasAPrice(PactwireRuntimeInfo carrier) throws Exception {
    stubFor(
        post(urlPathEqualTo("/v1/quotes"))
            .withHeader("X-Api-Key", matching(".+"))
            .withRequestBody(matchingJsonSchema(QUOTE_REQUEST))
            .withMetadata(
                // the carrier's spec narrows these two: the pact says so too
                PactStub.interaction("a quote for a parcel")
                    .regex("$.amount", "[0-9]+\\.[0-9]{2}")
                    .regex("$.currency", "EUR|GBP|USD")
                    .metadata())
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\": \"Q-81\", \"amount\": \"7.90\", \"currency\": \"EUR\","
                            + " \"expiresAt\": \"2026-12-07T18:00:00Z\"}")));

    assertEquals(Optional.of(new Quote("Q-81", "7.90", "EUR")), client(carrier).quote("FR", 1200));
  }

  @Test
  void aCountryTheCarrierDoesNotServeHasNoPrice(PactwireRuntimeInfo carrier) throws Exception {
    stubFor(
        post(urlPathEqualTo("/v1/quotes"))
            .withHeader("X-Api-Key", matching(".+"))
            .withRequestBody(matchingJsonPath("$.destination", matching("AQ")))
            .withMetadata(PactStub.interaction("a quote for a parcel to Antarctica").metadata())
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"code\": \"NO_SERVICE\", \"detail\": \"no service to AQ\"}")));

    assertEquals(Optional.empty(), client(carrier).quote("AQ", 300));
  }

  private static RatesClient client(PactwireRuntimeInfo carrier) {
    // The key a developer has locally; the pact keeps a placeholder, never the key.
    return new RatesClient(URI.create(carrier.getHttpBaseUrl()), "dev-key-not-for-pacts");
  }
}
