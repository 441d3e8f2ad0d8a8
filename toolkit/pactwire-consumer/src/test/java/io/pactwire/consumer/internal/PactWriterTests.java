package io.pactwire.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactwire.core.ContractId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PactWriterTests {

  static final ContractId CONTRACT = new ContractId("c", "p");

  @TempDir Path dir;

  static RecordedInteraction interaction(String test, String body) throws Exception {
    var stub =
        new ObjectMapper()
            .readTree(
                """
                {"request": {"method": "GET", "urlPath": "/products/1", "queryParameters": {"a": {"equalTo": "1"}}},
                 "response": {"status": 200, "headers": {"Content-Type": "application/json"}, "jsonBody": %s},
                 "metadata": {"pact": {"description": "a product", "providerState": "it exists",
                                       "params": {"sku": "SKU-1", "stock": 12, "price": 24.90}}}}
                """
                    .formatted(body));
    Map<String, List<String>> query = new LinkedHashMap<>();
    query.put("a", List.of("1"));
    query.put("b", List.of("2"));
    return InteractionBuilder.build(
        stub,
        new ExampleRequest("GET", "/products/1", query, Map.of(), null),
        new ExampleResponse(200, Map.of("Content-Type", List.of("application/json")), body),
        CaptureSettings.of(List.of(), List.of()),
        List.of(),
        test);
  }

  @Nested
  class MergingIntoAFile {

    @Test
    void theSameContentFromAnotherTestIsANoOpThatKeepsTheFirstTestsName() throws Exception {
      Path pact = dir.resolve("c-p.json");
      PactWriter.merge(
          pact, CONTRACT, List.of(interaction("A#first", "{\"name\": \"x\", \"price\": 24.90}")));
      String before = Files.readString(pact);

      PactWriter.merge(
          pact, CONTRACT, List.of(interaction("B#second", "{\"name\": \"x\", \"price\": 24.90}")));

      assertThat(Files.readString(pact))
          .isEqualTo(before)
          .contains("A#first")
          .doesNotContain("B#second");
    }

    @Test
    void differentContentFromAnotherTestIsAConflictNamingBothAndTheFileStays() throws Exception {
      Path pact = dir.resolve("c-p.json");
      PactWriter.merge(pact, CONTRACT, List.of(interaction("A#first", "{\"name\": \"x\"}")));
      String before = Files.readString(pact);

      assertThatThrownBy(
              () ->
                  PactWriter.merge(
                      pact, CONTRACT, List.of(interaction("B#second", "{\"title\": \"x\"}"))))
          .isInstanceOf(InteractionConflict.class)
          .hasMessage(
              "conflicting interaction 'a product' given 'it exists' {price=24.9, sku=SKU-1, stock=12} in "
                  + pact
                  + ": recorded by A#first and, with different content, by B#second; give one of"
                  + " them another description or provider state, or make them agree");
      assertThat(Files.readString(pact)).isEqualTo(before);
    }

    @Test
    void differentContentFromTheSameTestReplacesIt() throws Exception {
      Path pact = dir.resolve("c-p.json");
      PactWriter.merge(pact, CONTRACT, List.of(interaction("A#first", "{\"name\": \"x\"}")));

      PactWriter.merge(pact, CONTRACT, List.of(interaction("A#first", "{\"title\": \"x\"}")));

      assertThat(Files.readString(pact)).contains("\"title\"").doesNotContain("\"name\" : \"x\"");
    }
  }
}
