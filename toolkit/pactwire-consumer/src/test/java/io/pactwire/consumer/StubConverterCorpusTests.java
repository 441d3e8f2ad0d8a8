package io.pactwire.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.core.ContractId;
import io.pactwire.core.PactFiles;
import io.pactwire.testsupport.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every mapping in the shared WireMock corpus either converts into a pact that pact-jvm loads, or
 * is refused with one line naming the file and the feature.
 */
class StubConverterCorpusTests {

  // What a refusal may give as its reason; anything else is a message nobody designed.
  private static final List<String> KNOWN_REASONS =
      List.of(
          "response templating",
          "a delay (",
          "webhooks (postServeActions)",
          "(bodyFileName)",
          "matches an XML body",
          "JSONPath filter",
          "WebSocket message stubs",
          "WireMock loads mappings from .json files only");

  @TempDir Path pacts;

  static List<Path> mappingFiles() throws IOException {
    Path corpus =
        Corpora.require("wiremock-mappings", "stub conversion of WireMock's own mappings");
    try (Stream<Path> files = Files.walk(corpus)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".yaml"))
          .filter(f -> !f.getFileName().toString().equals("wiremock-stub-mapping-or-mappings.json"))
          .sorted()
          .toList();
    }
  }

  @Test
  void convertsOrRefusesEveryMappingWithAOneLineReason() throws IOException {
    List<Path> files = mappingFiles();
    // 25 mapping files and 2 YAML examples of WireMock's admin API; the JSON Schema is left out.
    assertThat(files).hasSize(27);
    Map<String, Integer> outcome = new TreeMap<>();
    int index = 0;
    for (Path file : files) {
      List<StubConversion> results = StubConverter.newInstance().convertFile(file);
      assertThat(results).as("conversions of %s", file).isNotEmpty();
      List<StubConversion.Converted> converted = new ArrayList<>();
      for (StubConversion result : results) {
        if (result instanceof StubConversion.Converted c) {
          converted.add(c);
        } else if (result instanceof StubConversion.Refused r) {
          {
            assertThat(r.message())
                .as("refusal of %s", file)
                .startsWith(file.toString())
                .doesNotContain("\n")
                .satisfies(m -> assertThat(KNOWN_REASONS).anyMatch(m::contains));
            outcome.merge("refused", 1, Integer::sum);
            System.out.println(r.message());
          }
        }
      }
      if (!converted.isEmpty()) {
        Path pact = pacts.resolve("corpus-" + index++ + ".json");
        StubConverter.write(new ContractId("corpus-consumer", "corpus-provider"), converted, pact);
        var loaded = PactFiles.read(pact);
        assertThat(loaded.getInteractions()).as("interactions loaded from %s", file).isNotEmpty();
        assertThat(loaded.isV4Pact()).isTrue();
        outcome.merge("converted", converted.size(), Integer::sum);
      }
    }
    System.out.println("wiremock-mappings corpus: " + files.size() + " files, " + outcome);
    assertThat(outcome.get("converted")).isGreaterThanOrEqualTo(15);
    assertThat(outcome.get("refused")).isGreaterThanOrEqualTo(8);
  }

  @Test
  void refusesTemplatingNamingTheFileAndTheStub() throws IOException {
    Path link =
        mappingFiles().stream()
            .filter(f -> f.endsWith("io.stubs/mappings/link.json"))
            .findFirst()
            .orElseThrow();

    List<StubConversion> results = StubConverter.newInstance().convertFile(link);

    assertThat(results)
        .singleElement()
        .isInstanceOfSatisfying(
            StubConversion.Refused.class,
            r ->
                assertThat(r.message())
                    .isEqualTo(
                        link
                            + ": stub 'GET /link' uses response templating (transformer"
                            + " response-template), which a contract cannot express; left out of"
                            + " the pact"));
  }

  @Test
  void convertsAPathPatternIntoARegexRuleWithAMatchingExamplePath() throws IOException {
    Path file =
        mappingFiles().stream()
            .filter(f -> f.endsWith("mappings/url-path-pattern.json"))
            .findFirst()
            .orElseThrow();

    var result = (StubConversion.Converted) StubConverter.newInstance().convertFile(file).get(0);

    var request = result.interaction().getRequest();
    assertThat(request.getPath()).matches("/([0-9]+)/url-path-pattern/");
    assertThat(request.getMatchingRules().rulesForCategory("path").allMatchingRules())
        .singleElement()
        .hasToString("RegexMatcher(regex=/([0-9]+)/url-path-pattern/, example=null)");
  }
}
