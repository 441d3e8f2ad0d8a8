package io.pactwire.evolve.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.core.internal.JsonText;
import java.io.IOException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ContractReaderTests {

  static JsonNode pact(String version, String interactions) throws IOException {
    return JsonText.MAPPER.readTree(
        """
        {"consumer": {"name": "c"}, "provider": {"name": "p"},
         "metadata": {"pactSpecification": {"version": "%s"}},
         "interactions": [%s]}
        """
            .formatted(version, interactions));
  }

  static final String FIRST =
      """
      {"type": "Synchronous/HTTP", "description": "first",
       "request": {"method": "GET", "path": "/a"},
       "response": {"status": 200,
         "body": {"content": {"id": 1}, "contentType": "application/json"},
         "matchingRules": {"body": {"$.id": {"combine": "AND", "matchers": [{"match": "type"}]}}}}}
      """;

  static final String FIRST_REORDERED =
      """
      {"response": {
         "matchingRules": {"body": {"$.id": {"matchers": [{"match": "type"}], "combine": "AND"}}},
         "body": {"contentType": "application/json", "content": {"id": 1}}, "status": 200},
       "request": {"path": "/a", "method": "GET"},
       "description": "first", "type": "Synchronous/HTTP"}
      """;

  static final String SECOND =
      """
      {"type": "Synchronous/HTTP", "description": "second",
       "request": {"method": "GET", "path": "/b"}, "response": {"status": 404}}
      """;

  @Nested
  class SameInteractions {

    @Test
    void theSameInteractionsInAnotherOrderWithKeysInAnotherOrderAreTheSame() throws IOException {
      JsonNode before = pact("4.0", FIRST + "," + SECOND);
      JsonNode after = pact("4.0", SECOND + "," + FIRST_REORDERED);

      assertThat(ContractReader.sameInteractions(before, after)).isTrue();
    }

    // what the diff's shortcut must never pass over: a change of one matcher only
    @Test
    void aMatcherChangedIsNotTheSame() throws IOException {
      JsonNode before = pact("4.0", FIRST + "," + SECOND);
      JsonNode after = pact("4.0", SECOND + "," + FIRST.replace("\"type\"", "\"integer\""));

      assertThat(ContractReader.sameInteractions(before, after)).isFalse();
    }

    // as many interactions, but one of them twice
    @Test
    void anInteractionTwiceInPlaceOfAnotherIsNotTheSame() throws IOException {
      JsonNode before = pact("4.0", FIRST + "," + SECOND);
      JsonNode after = pact("4.0", FIRST + "," + FIRST_REORDERED);

      assertThat(ContractReader.sameInteractions(before, after)).isFalse();
    }

    // entries are paired by description first: two of one description, told apart by their
    // states, are the same in either order, and a change to one of them is still seen
    @Test
    void interactionsOfOneDescriptionArePairedByTheirWholeContent() throws IOException {
      String inStock =
          FIRST.replace("\"first\",", "\"first\", \"providerStates\": [{\"name\": \"A\"}],");
      String outOfStock =
          FIRST.replace("\"first\",", "\"first\", \"providerStates\": [{\"name\": \"B\"}],");
      assertThat(inStock).isNotEqualTo(FIRST);

      JsonNode before = pact("4.0", inStock + "," + outOfStock);
      JsonNode swapped = pact("4.0", outOfStock + "," + inStock);
      JsonNode changed = pact("4.0", inStock + "," + outOfStock.replace("\"B\"", "\"C\""));

      assertThat(ContractReader.sameInteractions(before, swapped)).isTrue();
      assertThat(ContractReader.sameInteractions(before, changed)).isFalse();
    }

    // a V3 pact reads a body as it is, a V4 pact as content and content type
    @Test
    void anotherSpecificationVersionIsNotTheSame() throws IOException {
      JsonNode before = pact("4.0", FIRST);
      JsonNode after = pact("3.0.0", FIRST);

      assertThat(ContractReader.sameInteractions(before, after)).isFalse();
    }
  }

  @Nested
  class RulesReadOncePerFile {

    // Two rules of one length apply to $.a: the first in the file's order is the one used. Rules
    // that differ only in order are read apart, not as one set of rules.
    @Test
    void rulesInAnotherOrderAreReadApart() throws IOException {
      String template =
          """
          {"type": "Synchronous/HTTP", "description": "%s",
           "request": {"method": "GET", "path": "/a"},
           "response": {"status": 200,
             "body": {"content": {"a": 1}, "contentType": "application/json"},
             "matchingRules": {"body": {%s}}}}
          """;
      String integer = "\"$.a\": {\"matchers\": [{\"match\": \"integer\"}]}";
      String type = "\"$.*\": {\"matchers\": [{\"match\": \"type\"}]}";
      JsonNode tree =
          pact(
              "4.0",
              template.formatted("integer first", integer + "," + type)
                  + ","
                  + template.formatted("type first", type + "," + integer)
                  + ","
                  + template.formatted("integer first again", integer + "," + type));

      Contract contract = ContractReader.read("pact.json", tree);

      assertThat(contract.interactions())
          .extracting(i -> i.part("response").elements().get("body $.a").matcher().text())
          .containsExactly("integer", "type", "integer");
    }
  }
}
