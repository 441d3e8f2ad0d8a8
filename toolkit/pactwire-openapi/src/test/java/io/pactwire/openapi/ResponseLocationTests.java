package io.pactwire.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A finding's spec location names the response the status fell to ({@code 404}, {@code 4XX} or
 * {@code default}), so that it points at something the spec has.
 */
class ResponseLocationTests {

  static final String SPEC =
      """
      openapi: 3.0.3
      info: {title: Orders, version: 1.0.0}
      paths:
        /orders/{id}:
          get:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            responses:
              "200":
                description: an order
                content:
                  application/json:
                    schema: {type: object, properties: {id: {type: string}}}
              "404":
                description: no such order
                content:
                  application/json:
                    schema: {type: object, properties: {code: {type: string}}}
              "4XX":
                description: a client error
                content:
                  application/json:
                    schema: {type: object, properties: {code: {type: string}}}
              default:
                description: any other error
                content:
                  application/json:
                    schema: {type: object, properties: {code: {type: string}}}
      """;

  @TempDir Path dir;

  private List<Finding> check(int status) throws IOException {
    String pact =
        """
        {
          "consumer": {"name": "shop"}, "provider": {"name": "orders"},
          "interactions": [{
            "description": "an error",
            "request": {"method": "GET", "path": "/orders/1"},
            "response": {
              "status": %d,
              "headers": {"Content-Type": "application/json"},
              "body": {"code": 42}
            }
          }],
          "metadata": {"pactSpecification": {"version": "3.0.0"}}
        }
        """
            .formatted(status);
    Path spec = Files.writeString(dir.resolve("openapi.yaml"), SPEC);
    return OpenApiCheck.of(spec).check(Files.writeString(dir.resolve("pact.json"), pact));
  }

  @ParameterizedTest(name = "status {0} is described by responses.{1}")
  @CsvSource({
    // the status itself
    "404, 404",
    // its range, when the status has no entry of its own
    "409, 4XX",
    // default, when neither has
    "503, default"
  })
  void aBodyFindingPointsAtTheResponseThatDescribesTheStatus(int status, String key)
      throws IOException {
    assertThat(check(status))
        .filteredOn(f -> f.code().equals("response.body.incompatible"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.specDetails().location())
                    .isEqualTo(
                        "[root].paths./orders/{id}.get.responses."
                            + key
                            + ".content.application/json.schema.properties.code.type"));
  }
}
