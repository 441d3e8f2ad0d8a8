package io.pactwire.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactwire.core.PactFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pact's version is its contract: the same content in any order has one version. */
class PactVersionTests {

  static final String PACT =
      """
      {
        "consumer": {"name": "checkout-service"},
        "provider": {"name": "inventory-service"},
        "interactions": [
          {"description": "a request for a product", "request": {"method": "GET", "path": "/p/1"},
           "response": {"status": 200, "body": {"price": 24.90, "tags": ["a", "b"]}}},
          {"description": "a missing product", "request": {"method": "GET", "path": "/p/2"},
           "response": {"status": 404}}
        ],
        "metadata": {"pactSpecification": {"version": "3.0.0"}, "pact-jvm": {"version": "4.7.5"}}
      }
      """;

  @TempDir Path dir;
  StoreFixture f;
  PactVersion original;

  @BeforeEach
  void original() {
    f = new StoreFixture(dir);
    original = PactVersion.of(f.write("a.json", PACT));
  }

  @Test
  void keyOrderDoesNotChangeIt() {
    String reordered =
        """
        {
          "metadata": {"pact-jvm": {"version": "4.7.5"}, "pactSpecification": {"version": "3.0.0"}},
          "provider": {"name": "inventory-service"},
          "interactions": [
            {"response": {"body": {"tags": ["a", "b"], "price": 24.90}, "status": 200},
             "request": {"path": "/p/1", "method": "GET"}, "description": "a request for a product"},
            {"request": {"path": "/p/2", "method": "GET"}, "description": "a missing product",
             "response": {"status": 404}}
          ],
          "consumer": {"name": "checkout-service"}
        }
        """;

    assertThat(PactVersion.of(f.write("b.json", reordered))).isEqualTo(original);
  }

  @Test
  void interactionOrderDoesNotChangeIt() {
    String swapped =
        PACT.replace("\"a request for a product\"", "\"X\"")
            .replace("\"a missing product\"", "\"a request for a product\"")
            .replace("\"X\"", "\"a missing product\"")
            .replace("/p/1", "/p/X")
            .replace("/p/2", "/p/1")
            .replace("/p/X", "/p/2")
            .replace(
                "\"status\": 200, \"body\": {\"price\": 24.90, \"tags\": [\"a\", \"b\"]}", "S1")
            .replace(
                "\"status\": 404",
                "\"status\": 200, \"body\": {\"price\": 24.90, \"tags\": [\"a\", \"b\"]}")
            .replace("S1", "\"status\": 404");

    assertThat(PactVersion.of(f.write("b.json", swapped))).isEqualTo(original);
  }

  @Test
  void theToolThatWroteItDoesNotChangeIt() {
    assertThat(PactVersion.of(f.write("b.json", PACT.replace("4.7.5", "4.8.0"))))
        .isEqualTo(original);
  }

  @Test
  void aChangedContractChangesIt() {
    assertThat(PactVersion.of(f.write("b.json", PACT.replace("24.90", "24.9"))))
        .as("a decimal's scale is part of the example")
        .isNotEqualTo(original);
    assertThat(PactVersion.of(f.write("c.json", PACT.replace("[\"a\", \"b\"]", "[\"b\", \"a\"]"))))
        .as("arrays in a body keep their order")
        .isNotEqualTo(original);
    assertThat(PactVersion.of(f.write("d.json", PACT.replace("\"3.0.0\"", "\"4.0\""))))
        .as("the specification version is part of the contract")
        .isNotEqualTo(original);
  }

  @Test
  void itIsShownByItsFirstEightDigits() {
    assertThat(original.hash()).hasSize(64);
    assertThat(original.shortHash()).isEqualTo(original.hash().substring(0, 8));
  }

  @Test
  void aFileThatIsNotAPactIsNamed() {
    Path file = f.write("bad.json", "{\"consumer\": {}}");

    assertThatThrownBy(() -> PactVersion.of(file))
        .isInstanceOf(PactFileException.class)
        .hasMessageStartingWith(file + ":$.consumer.name");
  }
}
