package io.pactwire.evolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.core.PactsDirectory;
import io.pactwire.core.internal.JsonText;
import io.pactwire.testsupport.Corpora;
import io.pactwire.testsupport.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ContractDiffTests {

  /** checkout-service's pact with inventory-service as each commit that changed it left it. */
  static final Path HISTORY = Path.of("src", "test", "resources", "history");

  static Path version(int n) {
    return HISTORY.resolve("checkout-service-inventory-service." + n + ".json");
  }

  static ObjectNode read(Path file) throws IOException {
    return (ObjectNode) JsonText.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
  }

  static Path write(Path file, JsonNode tree) throws IOException {
    Files.writeString(file, JsonText.MAPPER.writeValueAsString(tree), StandardCharsets.UTF_8);
    return file;
  }

  /** Every object's keys in another order; the interactions and messages in another order. */
  static JsonNode shuffle(JsonNode node, Random random, String field) {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
      node.properties().forEach(entries::add);
      Collections.shuffle(entries, random);
      ObjectNode out = JsonText.MAPPER.createObjectNode();
      for (Map.Entry<String, JsonNode> e : entries) {
        out.set(e.getKey(), shuffle(e.getValue(), random, e.getKey()));
      }
      return out;
    }
    if (node.isArray()) {
      List<JsonNode> items = new ArrayList<>();
      node.forEach(item -> items.add(shuffle(item, random, "")));
      if (field.equals("interactions")
          || field.equals("messages")
          || field.equals("providerStates")) {
        Collections.shuffle(items, random);
      }
      ArrayNode out = JsonText.MAPPER.createArrayNode();
      items.forEach(out::add);
      return out;
    }
    return node;
  }

  @Nested
  class ReferenceSystemHistory {

    // 1→2: the pact captured from WireMock stubs; 2→3: integer examples became integer rules
    @ParameterizedTest(name = "version {0} to {1}")
    @CsvSource({"1, 2", "2, 3", "1, 4"})
    void eachChangeToInventorysContractIsReportedByMeaning(int from, int to) {
      DiffReport report = ContractDiff.files(version(from), version(to));

      Golden.assertMatches("diff/history-" + from + "-" + to + ".txt", report.text());
    }

    @Test
    void tighterResponseMatchersAreBreakingForTheProviderAndRelaxingForTheConsumer() {
      DiffReport report = ContractDiff.files(version(2), version(3));

      assertThat(report.changes())
          .extracting(Change::location, Change::before, Change::after)
          .contains(
              org.assertj.core.groups.Tuple.tuple("response body $.stock", "type", "integer"));
      assertThat(report.changes())
          .allSatisfy(
              c -> {
                assertThat(c.kind()).isEqualTo(Change.Kind.MATCHER_CHANGED);
                assertThat(c.forProvider()).isEqualTo(Impact.BREAKING);
                assertThat(c.forConsumer()).isEqualTo(Impact.RELAXING);
              });
      assertThat(report.breaksProvider()).isTrue();
    }

    @Test
    void aDecimalWrittenWithAnotherScaleIsTheSameValue() {
      // 3→4 rewrote 24.9 as 24.90 and 3.5 as 3.50, nothing else
      DiffReport report = ContractDiff.files(version(3), version(4));

      assertThat(report.changes()).isEmpty();
      assertThat(report.text()).endsWith("no changes in 1 contract\n");
    }

    @Test
    void markdownFitsAPullRequestComment() {
      DiffReport report = ContractDiff.files(version(1), version(2));

      Golden.assertMatches("diff/history-1-2.md", report.markdown());
      Golden.assertMatches("diff/history-1-2.json", report.json());
    }
  }

  @Nested
  class CorpusPactsEditedByTheTest {

    @TempDir Path dir;

    Path animals() {
      return Corpora.require(
          "pact-jvm-pacts/provider/junit5/src/test/resources/pacts/Matching Service V3-Animal Profile Service V3.json",
          "diff of edited pact-jvm pacts");
    }

    @Test
    void responseFieldsMatchersBoundsHeadersStatusAndStates() throws IOException {
      ObjectNode before = read(animals());
      ObjectNode interaction = (ObjectNode) before.withArray("interactions").get(0);
      ObjectNode rules = interaction.with("response").with("matchingRules").with("body");
      rules
          .putObject("$.interests")
          .putArray("matchers")
          .addObject()
          .put("match", "type")
          .put("min", 1);
      ObjectNode after = before.deepCopy();
      ObjectNode changed = (ObjectNode) after.withArray("interactions").get(0);
      ObjectNode response = changed.with("response");
      ObjectNode body = response.with("body");
      body.remove("last_name");
      body.put("nickname", "Bill");
      ObjectNode changedRules = response.with("matchingRules").with("body");
      changedRules.remove("$.last_name");
      ((ObjectNode) changedRules.get("$.age").get("matchers").get(0)).put("match", "number");
      ((ObjectNode) changedRules.get("$.interests").get("matchers").get(0))
          .put("min", 2)
          .put("max", 5);
      ((ObjectNode) changedRules.get("$.animal").get("matchers").get(0))
          .put("match", "regex")
          .put("regex", "goat|sheep");
      response.with("headers").put("X-Trace", "abc");
      response.put("status", 203);
      ((ArrayNode) changed.get("providerStates")).remove(0);

      DiffReport report =
          ContractDiff.files(
              write(dir.resolve("before.json"), before), write(dir.resolve("after.json"), after));

      Golden.assertMatches("diff/corpus-animals.txt", report.text().replace(dir.toString(), "TMP"));
      assertThat(report.changes())
          .filteredOn(c -> c.location().equals("response body $.interests"))
          .extracting(Change::kind, Change::forProvider)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(Change.Kind.MIN_CHANGED, Impact.BREAKING),
              org.assertj.core.groups.Tuple.tuple(Change.Kind.MAX_CHANGED, Impact.BREAKING));
      assertThat(report.changes())
          .filteredOn(c -> c.location().equals("response body $.last_name"))
          .extracting(Change::kind, Change::forProvider, Change::forConsumer)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  Change.Kind.REMOVED, Impact.RELAXING, Impact.BREAKING));
    }

    @Test
    void interactionsAddedRemovedAndRenamedAndRequestFieldsOfAV2Pact() throws IOException {
      Path authors =
          Corpora.require(
              "pact-jvm-pacts/provider/spring/src/test/resources/pacts/authors-contract.json",
              "diff of edited pact-jvm pacts");
      ObjectNode before = read(authors);
      ObjectNode after = before.deepCopy();
      ArrayNode interactions = after.withArray("interactions");
      ObjectNode ebook = interactions.get(0).deepCopy();
      ebook.put("description", "Add e-book");
      ebook.with("request").put("path", "/api/ebooks");
      interactions.add(ebook);
      for (int i = 0; i < interactions.size(); i++) {
        String d = interactions.get(i).get("description").asText();
        if (d.equals("Delete book")) {
          interactions.remove(i--);
        } else if (d.equals("Update book")) {
          ((ObjectNode) interactions.get(i)).put("description", "Replace book");
        } else if (d.equals("Add book")) {
          ObjectNode request = ((ObjectNode) interactions.get(i)).with("request");
          request.with("body").remove("bestSeller");
          ((ObjectNode) request.get("matchingRules")).remove("$.body.bestSeller");
          request.with("headers").put("Accept", "application/hal+json");
        }
      }

      DiffReport report =
          ContractDiff.files(
              write(dir.resolve("before.json"), before), write(dir.resolve("after.json"), after));

      Golden.assertMatches("diff/corpus-authors.txt", report.text().replace(dir.toString(), "TMP"));
      assertThat(report.changes())
          .extracting(Change::kind)
          .contains(
              Change.Kind.INTERACTION_ADDED,
              Change.Kind.INTERACTION_REMOVED,
              Change.Kind.INTERACTION_RENAMED);
    }

    @Test
    void messagesAndSynchronousMessages() throws IOException {
      Path sync =
          Corpora.require(
              "pact-jvm-pacts/core/model/src/test/resources/v4-sync-messages-pact.json",
              "diff of edited pact-jvm pacts");
      ObjectNode before = read(sync);
      ObjectNode after = before.deepCopy();
      ObjectNode message = (ObjectNode) after.withArray("interactions").get(0);
      ((ObjectNode) message.get("response").get(0).get("contents"))
          .put("content", "this is another response");
      message.withArray("response").addObject().putObject("contents").put("content", "and more");

      DiffReport report =
          ContractDiff.files(
              write(dir.resolve("before.json"), before), write(dir.resolve("after.json"), after));

      Golden.assertMatches(
          "diff/corpus-sync-messages.txt", report.text().replace(dir.toString(), "TMP"));
    }
  }

  @Nested
  class Stores {

    @TempDir Path dir;

    /**
     * The diff of two stores, which must be the same read without the cache, with it when it is
     * written and with it when it is read back.
     */
    private DiffReport diff(Path before, Path after) {
      Path cache = dir.resolve("cache");
      DiffReport expected;
      try {
        expected = ContractDiff.files(before, after);
      } catch (EvolveException e) {
        for (int run = 0; run < 2; run++) {
          assertThatThrownBy(() -> ContractDiff.files(before, after, cache))
              .isInstanceOf(EvolveException.class)
              .hasMessage(e.getMessage());
        }
        throw e;
      }
      for (int run = 0; run < 2; run++) {
        DiffReport cached = ContractDiff.files(before, after, cache);
        assertThat(cached.changes()).isEqualTo(expected.changes());
        assertThat(cached.contracts()).isEqualTo(expected.contracts());
        assertThat(cached.text()).isEqualTo(expected.text());
      }
      return expected;
    }

    private Path store(String name, Map<String, Path> files) throws IOException {
      Path folder = Files.createDirectories(dir.resolve(name));
      for (Map.Entry<String, Path> f : files.entrySet()) {
        Files.copy(f.getValue(), folder.resolve(f.getKey()));
      }
      return folder;
    }

    // pacts pair by consumer and provider, not by file name
    @Test
    void aPactUnderAnotherFileNameIsComparedWithItsContract() throws IOException {
      Path before = store("before", Map.of("a.json", version(1)));
      Path after = store("after", Map.of("b.json", version(2)));

      DiffReport report = diff(before, after);

      assertThat(report.changes()).isEqualTo(ContractDiff.files(version(1), version(2)).changes());
      assertThat(report.contracts()).isEqualTo(1);
    }

    // the files of the same name hold other contracts on each side: each pairs with its own
    @Test
    void filesOfOneNameWithOtherContractsPairByParties() throws IOException {
      Path other = PactsDirectory.locate().resolve("checkout-service-paypal-orders.json");
      Path before = store("before", Map.of("x.json", version(1), "y.json", other));
      Path after = store("after", Map.of("x.json", other, "y.json", version(2)));

      DiffReport report = diff(before, after);

      assertThat(report.changes()).isEqualTo(ContractDiff.files(version(1), version(2)).changes());
      assertThat(report.contracts()).isEqualTo(2);
      // the summary says how many of them changed
      assertThat(report.text())
          .contains(report.changes().size() + " changes in 1 of 2 contracts: ");
    }

    // Two files of one contract that hold the same interactions in another order are found
    // equal without being read into contracts; any other difference is still compared in full.
    @Test
    void aStoreWithEveryPactReorderedHasNoChange() throws IOException {
      Path other = PactsDirectory.locate().resolve("checkout-service-paypal-orders.json");
      Path before = store("before", Map.of("a.json", version(1), "b.json", other));
      Path after = Files.createDirectories(dir.resolve("after"));
      write(after.resolve("a.json"), shuffle(read(version(1)), new Random(1), ""));
      write(after.resolve("b.json"), shuffle(read(other), new Random(2), ""));

      DiffReport report = diff(before, after);

      assertThat(report.changes()).isEmpty();
      assertThat(report.contracts()).isEqualTo(2);
    }

    // 2→3 changed matchers only: in another order, the pact is still compared and the changes are
    // the same as between the two files in their own order
    @Test
    void aReorderedPactWhoseMatchersChangedReportsTheChanges() throws IOException {
      Path before = store("before", Map.of("a.json", version(2)));
      Path after = Files.createDirectories(dir.resolve("after"));
      write(after.resolve("a.json"), shuffle(read(version(3)), new Random(3), ""));

      DiffReport report = diff(before, after);

      assertThat(report.changes())
          .isNotEmpty()
          .isEqualTo(ContractDiff.files(version(2), version(3)).changes());
    }

    // 3→4 rewrote decimals with another scale: the trees differ, the contracts do not
    @Test
    void decimalsWithAnotherScaleInAStoreAreNoChange() throws IOException {
      Path before = store("before", Map.of("a.json", version(3)));
      Path after = store("after", Map.of("a.json", version(4)));

      assertThat(diff(before, after).changes()).isEmpty();
    }

    // one interaction duplicated in place of another: the same count, not the same interactions
    @Test
    void anInteractionInPlaceOfAnotherIsAChange() throws IOException {
      ObjectNode changed = read(version(1));
      ArrayNode interactions = changed.withArray("interactions");
      interactions.set(1, interactions.get(0).deepCopy());
      Path before = store("before", Map.of("a.json", version(1)));
      Path after = Files.createDirectories(dir.resolve("after"));
      write(after.resolve("a.json"), changed);

      assertThat(diff(before, after).changes())
          .isNotEmpty()
          .isEqualTo(ContractDiff.files(version(1), after.resolve("a.json")).changes());
    }

    // the new side's files are read with the old side's, but the old side's problem is named
    @Test
    void anUnreadablePactOnBothSidesIsNamedOnTheOldSide() throws IOException {
      Path before = store("before", Map.of("a.json", version(1)));
      Path after = store("after", Map.of("a.json", version(2)));
      Files.writeString(before.resolve("a.json"), "{\n  \"consumer\": ");
      Files.writeString(after.resolve("a.json"), "[]");

      assertThatThrownBy(() -> diff(before, after))
          .isInstanceOf(EvolveException.class)
          .hasMessageStartingWith(before.resolve("a.json") + ":");
    }
  }

  // an array without matchers is compared item by item, in order, by pact-jvm: a change to any
  // item, or to its length, is a change; items under a matcher are only examples
  @Nested
  class Arrays {

    @TempDir Path dir;

    private Path pact(String name, String requestBody, String responseBody, String rules)
        throws IOException {
      String pact =
          """
          {"consumer": {"name": "c"}, "provider": {"name": "p"},
           "interactions": [{"type": "Synchronous/HTTP", "description": "get item",
             "request": {"method": "POST", "path": "/items",
               "body": {"contentType": "application/json", "encoded": false, "content": %s}},
             "response": {"status": 200,
               "body": {"contentType": "application/json", "encoded": false, "content": %s},
               "matchingRules": {"body": %s}}}],
           "metadata": {"pactSpecification": {"version": "4.0"}}}
          """
              .formatted(requestBody, responseBody, rules);
      return Files.writeString(dir.resolve(name), pact);
    }

    private List<String> changes(Path before, Path after) {
      return ContractDiff.files(before, after).changes().stream()
          .map(
              c ->
                  c.kind().label()
                      + " "
                      + c.location()
                      + ": "
                      + c.before()
                      + " -> "
                      + c.after()
                      + " ("
                      + c.forProvider().name().toLowerCase(java.util.Locale.ROOT)
                      + ")")
          .toList();
    }

    @Test
    void anItemAfterTheFirstChangedOrRemovedIsAChange() throws IOException {
      Path before = pact("before.json", "{\"ids\": [1, 2]}", "{\"tags\": [\"a\", \"b\"]}", "{}");
      Path changed = pact("changed.json", "{\"ids\": [1, 3]}", "{\"tags\": [\"a\", \"c\"]}", "{}");
      Path shorter = pact("shorter.json", "{\"ids\": [1, 2]}", "{\"tags\": [\"a\"]}", "{}");

      assertThat(changes(before, changed))
          .containsExactly(
              "value changed request body $.ids: [1,2] -> [1,3] (breaking)",
              "value changed response body $.tags: [\"a\",\"b\"] -> [\"a\",\"c\"] (breaking)");
      assertThat(changes(before, shorter))
          .containsExactly(
              "value changed response body $.tags: [\"a\",\"b\"] -> [\"a\"] (breaking)");
      assertThat(ContractDiff.files(before, changed).breaksProvider()).isTrue();
    }

    @Test
    void itemsInAnotherOrderAreAChangeAndTheirKeysInAnotherOrderAreNot() throws IOException {
      Path before = pact("before.json", "{}", "[{\"a\": 1, \"b\": 2}, {\"a\": 3, \"b\": 4}]", "{}");
      Path keys = pact("keys.json", "{}", "[{\"b\": 2, \"a\": 1}, {\"b\": 4, \"a\": 3}]", "{}");
      Path swapped =
          pact("swapped.json", "{}", "[{\"a\": 3, \"b\": 4}, {\"a\": 1, \"b\": 2}]", "{}");

      assertThat(changes(before, keys)).isEmpty();
      assertThat(changes(before, swapped))
          .containsExactly(
              "value changed response body $: [{\"a\":1,\"b\":2},{\"a\":3,\"b\":4}]"
                  + " -> [{\"a\":3,\"b\":4},{\"a\":1,\"b\":2}] (breaking)");
    }

    // the first item's change is the array's too: reported once, on the array
    @Test
    void aChangedFirstItemIsReportedOnceOnTheArray() throws IOException {
      Path before = pact("before.json", "{}", "{\"tags\": [\"a\", \"b\"]}", "{}");
      Path first = pact("first.json", "{}", "{\"tags\": [\"x\", \"b\"]}", "{}");
      Path none = pact("none.json", "{}", "{\"tags\": []}", "{}");

      assertThat(changes(before, first))
          .containsExactly(
              "value changed response body $.tags: [\"a\",\"b\"] -> [\"x\",\"b\"] (breaking)");
      assertThat(changes(none, before))
          .containsExactly("value changed response body $.tags: [] -> [\"a\",\"b\"] (breaking)");
    }

    // with rules on the items' fields only, pact-jvm still compares the array's length and the
    // fields without a rule; the values a rule governs are examples
    @Test
    void rulesOnTheItemsFieldsLeaveTheLengthAndTheOtherFieldsCompared() throws IOException {
      String rules = "{\"$.items[*].id\": {\"matchers\": [{\"match\": \"type\"}]}}";
      String two = "{\"items\": [{\"id\": 1, \"n\": \"a\"}, {\"id\": 2, \"n\": \"b\"}]}";
      Path before = pact("before.json", "{}", two, rules);
      Path ids = pact("ids.json", "{}", two.replace("2,", "7,"), rules);
      Path one = pact("one.json", "{}", "{\"items\": [{\"id\": 1, \"n\": \"a\"}]}", rules);

      assertThat(changes(before, ids)).isEmpty();
      assertThat(changes(before, one))
          .containsExactly(
              "value changed response body $.items: [{\"id\":*,\"n\":\"a\"},{\"id\":*,\"n\":\"b\"}]"
                  + " -> [{\"id\":*,\"n\":\"a\"}] (breaking)");
    }

    // pact-jvm's * stands for an index too
    @Test
    void aStarRuleGovernsTheItems() throws IOException {
      String rules = "{\"$.tags.*\": {\"matchers\": [{\"match\": \"type\"}]}}";
      Path before = pact("before.json", "{}", "{\"tags\": [\"a\", \"b\"]}", rules);
      Path after = pact("after.json", "{}", "{\"tags\": [\"a\", \"c\"]}", rules);

      assertThat(changes(before, after)).isEmpty();
    }

    @Test
    void itemsUnderAMatcherAreExamplesOnly() throws IOException {
      String rules = "{\"$.tags\": {\"matchers\": [{\"match\": \"type\", \"min\": 1}]}}";
      Path before = pact("before.json", "{}", "{\"tags\": [\"a\", \"b\"]}", rules);
      Path after = pact("after.json", "{}", "{\"tags\": [\"a\", \"c\", \"d\"]}", rules);

      assertThat(changes(before, after)).isEmpty();
    }
  }

  @Nested
  class Renames {

    @TempDir Path dir;

    private Path pact(String name, String found, String missing) throws IOException {
      String pact =
          """
          {"consumer": {"name": "c"}, "provider": {"name": "p"},
           "interactions": [
             {"description": "%s", "providerStates": [{"name": "item 1 exists"}],
              "request": {"method": "GET", "path": "/items/1"}, "response": {"status": 200}},
             {"description": "%s", "providerStates": [{"name": "no item exists"}],
              "request": {"method": "GET", "path": "/items/1"}, "response": {"status": 404}}],
           "metadata": {"pactSpecification": {"version": "3.0.0"}}}
          """
              .formatted(found, missing);
      return Files.writeString(dir.resolve(name), pact);
    }

    // two interactions of one request, told apart by their provider states, both renamed
    @Test
    void interactionsOfOneRequestRenamedTogetherPairByTheirStates() throws IOException {
      Path before = pact("before.json", "an item", "no item");
      Path after = pact("after.json", "the item", "a missing item");

      DiffReport report = ContractDiff.files(before, after);

      assertThat(report.changes())
          .extracting(Change::kind, Change::before, Change::after)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(
                  Change.Kind.INTERACTION_RENAMED, "an item", "the item"),
              org.assertj.core.groups.Tuple.tuple(
                  Change.Kind.INTERACTION_RENAMED, "no item", "a missing item"));
      assertThat(report.breaksProvider()).isFalse();
    }
  }

  @Nested
  class Reordering {

    @TempDir Path dir;

    static Stream<Path> pacts() throws IOException {
      List<Path> out = new ArrayList<>();
      for (String corpus : List.of("pact-jvm-pacts", "pact-js-pacts")) {
        try (Stream<Path> s = Files.walk(Corpora.require(corpus, "reordering diffs"))) {
          s.filter(p -> p.toString().endsWith(".json"))
              .filter(p -> !Corpora.isRefusedPact(p))
              .sorted()
              .forEach(out::add);
        }
      }
      try (Stream<Path> s = Files.list(PactsDirectory.locate())) {
        s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(out::add);
      }
      return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pacts")
    void reorderedKeysAndInteractionsAreNoChange(Path pact) throws IOException {
      JsonNode tree = read(pact);
      JsonNode shuffled = shuffle(tree, new Random(pact.getFileName().toString().hashCode()), "");

      DiffReport report = ContractDiff.files(pact, write(dir.resolve("reordered.json"), shuffled));

      assertThat(report.changes()).isEmpty();
    }
  }

  @Nested
  class GitRevisions {

    @TempDir Path repo;

    @Test
    void aFolderAndOnePactAgainstARevisionOfATemporaryRepository() throws Exception {
      Path pacts = Files.createDirectories(repo.resolve("pacts"));
      Files.copy(version(2), pacts.resolve("checkout-service-inventory-service.json"));
      git("init", "-q");
      git("add", ".");
      git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "v2");
      Files.copy(
          version(3),
          pacts.resolve("checkout-service-inventory-service.json"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);

      DiffReport folder = ContractDiff.gitRevision(pacts, "HEAD");
      DiffReport file =
          ContractDiff.gitRevision(
              pacts.resolve("checkout-service-inventory-service.json"), "HEAD");

      assertThat(folder.before()).isEqualTo("HEAD:pacts/");
      assertThat(folder.changes()).isEqualTo(ContractDiff.files(version(2), version(3)).changes());
      assertThat(file.before()).isEqualTo("HEAD:pacts/checkout-service-inventory-service.json");
      assertThat(file.changes()).isEqualTo(folder.changes());
    }

    @Test
    void anUnknownRevisionIsOneLine() throws Exception {
      git("init", "-q");

      assertThatThrownBy(() -> ContractDiff.gitRevision(repo, "no-such-branch"))
          .isInstanceOf(EvolveException.class)
          .hasMessageStartingWith("unknown git revision 'no-such-branch' in ")
          .hasMessageNotContaining("\n");
    }

    @Test
    void aBadPactAtTheRevisionIsNamedByRevisionAndPath() throws Exception {
      Path pacts = Files.createDirectories(repo.resolve("pacts"));
      Files.writeString(pacts.resolve("a-b.json"), "{\"consumer\": {\"name\": \"a\"},");
      git("init", "-q");
      git("add", ".");
      git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "bad");
      Files.copy(
          version(1), pacts.resolve("a-b.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

      assertThatThrownBy(() -> ContractDiff.gitRevision(pacts, "HEAD"))
          .isInstanceOf(EvolveException.class)
          .hasMessageStartingWith("HEAD:pacts/a-b.json:1:")
          .hasMessageContaining("malformed JSON")
          .hasMessageNotContaining("\n");
    }

    private void git(String... args) throws Exception {
      List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
      command.addAll(List.of(args));
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as(out).isZero();
    }
  }

  @Nested
  class BadInput {

    @TempDir Path dir;

    @Test
    void aMalformedPactIsOneLineWithFileLineAndColumn() throws IOException {
      Path bad =
          Files.writeString(dir.resolve("bad.json"), "{\n  \"consumer\": {\"name\": \"a\"\n");

      assertThatThrownBy(() -> ContractDiff.files(bad, version(1)))
          .isInstanceOf(EvolveException.class)
          .hasMessageStartingWith(bad + ":3:1: malformed JSON")
          .hasMessageNotContaining("\n");
    }

    @Test
    void aDocumentThatIsNoPactIsNamedWithItsJsonPath() throws IOException {
      Path bad =
          Files.writeString(dir.resolve("no-pact.json"), "{\"consumer\": {\"name\": \"a\"}}");

      assertThatThrownBy(() -> ContractDiff.files(version(1), bad))
          .hasMessage(bad + ":$.provider: missing: a pact names its consumer and its provider");
    }

    @Test
    void pactsOfDifferentContractsAreRefused() {
      Path catalog = PactsDirectory.locate().resolve("catalog-indexer-inventory-service.json");

      assertThatThrownBy(() -> ContractDiff.files(version(1), catalog))
          .isInstanceOf(EvolveException.class)
          .hasMessage(
              catalog
                  + ": a pact between catalog-indexer → inventory-service, but "
                  + version(1)
                  + " is between checkout-service → inventory-service: diff compares two versions"
                  + " of one contract");
    }

    @Test
    void aFolderAndAFileAreRefused() {
      assertThatThrownBy(() -> ContractDiff.files(HISTORY, version(1)))
          .hasMessage(
              HISTORY
                  + " is a folder and "
                  + version(1)
                  + " is not: compare two pacts or two folders");
    }

    // a mistyped path beside a folder is named as missing, not as "not a folder"
    @Test
    void aMissingFileBesideAFolderIsNamedAsMissing() {
      Path missing = HISTORY.resolveSibling("no-such.json");

      assertThatThrownBy(() -> ContractDiff.files(missing, HISTORY))
          .hasMessage(missing + ": no such file or folder");
    }

    @Test
    void twoPactsOfOneContractInAFolderAreRefused() throws IOException {
      Path folder = Files.createDirectories(dir.resolve("store"));
      Files.copy(version(1), folder.resolve("a.json"));
      Files.copy(version(2), folder.resolve("b.json"));
      Path empty = Files.createDirectories(dir.resolve("empty"));

      assertThatThrownBy(() -> ContractDiff.files(empty, folder))
          .hasMessage(
              folder.resolve("b.json")
                  + ": a second pact for checkout-service → inventory-service (the first is "
                  + folder.resolve("a.json")
                  + ")");
    }
  }
}
