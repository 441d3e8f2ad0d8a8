package io.pactwire.openapi;

import static io.pactwire.openapi.ExpectedFindings.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.openapi.internal.Findings;
import io.pactwire.openapi.internal.Findings.Validated;
import io.pactwire.testsupport.Corpora;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * checkout-service's PayPal pact against PayPal's real Orders v2 spec: the stub as written
 * conforms, and each way a stub drifts from PayPal fails with a finding that says where.
 */
class PayPalOrdersTests {

  static final Path PACT = Path.of("src/test/resources/paypal/checkout-service-paypal-orders.json");
  static OpenApiCheck paypal;

  @TempDir Path dir;

  @BeforeAll
  static void readSpec() {
    paypal =
        OpenApiCheck.of(
            Corpora.require(
                "openapi-third-party/paypal/openapi/checkout_orders_v2.json",
                "PayPal OpenAPI spec checks"));
  }

  @Test
  void theStubConformsToPayPalsSpec() {
    List<Finding> findings = paypal.check(PACT);

    assertThat(findings).filteredOn(Finding::isError).isEmpty();
    paypal.assertConforms(PACT);
  }

  /** Writes the pact with one interaction changed. */
  private Path drift(int interaction, Consumer<ObjectNode> change) throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode pact = json.readTree(PACT.toFile());
    change.accept((ObjectNode) pact.get("interactions").get(interaction));
    Path file = dir.resolve("drifted.json");
    json.writeValue(file.toFile(), pact);
    return file;
  }

  private static List<Finding> errors(Path pact) {
    return paypal.check(pact).stream().filter(Finding::isError).toList();
  }

  @Nested
  class DriftedStubs {

    @Test
    void aWrongStatusIsAnError() throws IOException {
      // PayPal answers a capture with 200 or 201; any other status falls to its `default`
      // response, which is an error body, so the stub's order body no longer fits
      Path pact = drift(1, i -> ((ObjectNode) i.get("response")).put("status", 202));
      List<Finding> findings = paypal.check(pact);

      assertThat(findings)
          .filteredOn(f -> !f.isError())
          .singleElement()
          .satisfies(
              f -> {
                assertThat(draft(f)).isEqualTo(Findings.responseStatusDefault(202));
                assertThat(f.mockDetails().location())
                    .isEqualTo("[root].interactions[1].response.status");
                assertThat(f.specDetails().location())
                    .isEqualTo("[root].paths./v2/checkout/orders/{id}/capture.post.responses");
              });
      assertThat(errors(pact))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(draft(f))
                    .isEqualTo(bodyIncompatible("must match exactly one schema in oneOf"));
                assertThat(f.specDetails().location())
                    .endsWith(".components.schemas.error_default.oneOf");
              });
    }

    @Test
    void anUndefinedStatusOfAnOperationWithoutDefaultIsAnError() throws IOException {
      Path spec =
          Corpora.require(
              "openapi-pact-comparator/oas/response-status/oas.yaml", "a response-status check");
      Path pact =
          Corpora.require(
              "openapi-pact-comparator/oas/response-status/pact.json", "a response-status check");

      assertThat(OpenApiCheck.of(spec).check(pact))
          .filteredOn(Finding::isError)
          .extracting(ExpectedFindings::draft)
          .containsExactly(Findings.responseStatusUnknown(302));
    }

    @Test
    void aRetypedFieldIsAnError() throws IOException {
      Path pact = drift(2, i -> ((ObjectNode) i.at("/response/body")).put("status", 3));

      assertThat(errors(pact))
          .isNotEmpty()
          .allSatisfy(
              f -> {
                assertThat(f.code()).isEqualTo("response.body.incompatible");
                assertThat(f.mockDetails().location())
                    .isEqualTo("[root].interactions[2].response.body.status");
              });
      assertThat(errors(pact))
          .extracting(ExpectedFindings::draft)
          .contains(bodyIncompatible("must be string"));
    }

    @Test
    void aStatusOutsidePayPalsEnumIsAnError() throws IOException {
      Path pact = drift(2, i -> ((ObjectNode) i.at("/response/body")).put("status", "PAID"));

      assertThat(errors(pact))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(draft(f))
                    .isEqualTo(bodyIncompatible("must be equal to one of the allowed values"));
                assertThat(f.specDetails().location())
                    .isEqualTo(
                        "[root].paths./v2/checkout/orders/{id}.get.responses.200.content.application/json"
                            + ".schema.components.schemas.order_status.enum");
              });
    }

    @Test
    void anInventedFieldIsAnError() throws IOException {
      Path pact = drift(0, i -> ((ObjectNode) i.at("/response/body")).put("paid", true));

      assertThat(errors(pact))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(draft(f))
                    .isEqualTo(bodyIncompatible("must NOT have additional properties - paid"));
                assertThat(f.mockDetails().location())
                    .isEqualTo("[root].interactions[0].response.body");
              });
    }

    @Test
    void anUnknownPathIsAnError() throws IOException {
      Path pact =
          drift(
              2,
              i ->
                  ((ObjectNode) i.get("request"))
                      .put("path", "/v2/checkout/order/5O190127TN364715T"));

      assertThat(errors(pact))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(draft(f))
                    .isEqualTo(
                        Findings.pathOrMethodUnknown(
                            "GET", "/v2/checkout/order/5O190127TN364715T"));
              });
    }

    @Test
    void theAssertionListsTheFindings() throws IOException {
      Path pact = drift(1, i -> ((ObjectNode) i.get("response")).put("status", 202));

      assertThatThrownBy(() -> paypal.assertConforms(pact))
          .isInstanceOf(AssertionFailedError.class)
          .hasMessageContaining("but found 1 error:")
          .hasMessageContaining("error  response.body.incompatible")
          .hasMessageContaining(
              "pact: [root].interactions[1].response.body  (\"capture an approved order\"");
    }

    // no errors because nothing was judged is no pass
    @Test
    void aPactTheSpecDescribesNothingOfFailsTheAssertion(@org.junit.jupiter.api.io.TempDir Path dir)
        throws IOException {
      Path pact =
          java.nio.file.Files.writeString(
              dir.resolve("events.json"),
              "{\"consumer\": {\"name\": \"a\"}, \"provider\": {\"name\": \"b\"},"
                  + " \"interactions\": [{\"type\": \"Asynchronous/Messages\", \"description\":"
                  + " \"an event\", \"contents\": {\"content\": {}, \"contentType\":"
                  + " \"application/json\"}}],"
                  + " \"metadata\": {\"pactSpecification\": {\"version\": \"4.0\"}}}");

      assertThatThrownBy(() -> paypal.assertConforms(pact))
          .isInstanceOf(AssertionFailedError.class)
          .hasMessageEndingWith(
              "but the documents describe none of its interactions: nothing was checked");
    }
  }

  /** A response body that fails the spec's schema, as the validator words the failure. */
  static Findings.Draft bodyIncompatible(String violation) {
    return Findings.incompatible(Validated.RESPONSE_BODY, violation);
  }
}
