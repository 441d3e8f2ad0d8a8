package io.pactwire.consumer.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;
import static io.pactwire.consumer.internal.SameTree.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.pactwire.consumer.PactStub;
import io.pactwire.testsupport.Corpora;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Capture reads WireMock's stub objects into a tree token by token: the same tree, down to node
 * types and key order, as Jackson's tree reader gives, for every stub of the corpus WireMock loads.
 */
class StubJsonTests {

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusStubs")
  void readsEveryStubAsJacksonsTreeReaderDoes(String name, StubMapping stub) {
    JsonNode json = Capture.stubJson(stub);

    assertSameTree(json, Capture.stubJsonByMapper(stub));
    assertThat(json.has("request")).isTrue();
  }

  // Stubs of the Java DSL, with numbers of every kind in the metadata and patterns of many kinds.
  static List<Arguments> dslStubs() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("price", new BigDecimal("24.90"));
    params.put("whole", new BigDecimal("1E+2"));
    params.put("double", 0.1d);
    params.put("float", 1.5f);
    params.put("long", 1L << 40);
    params.put("big", new BigInteger("123456789012345678901234567890"));
    params.put("list", List.of(1, "a", true));
    StubMapping numbers =
        post(urlPathTemplate("/orders/{id}"))
            .withHeader("X-Request-Id", matching("[a-f0-9]{8}"))
            .withQueryParam("q", containing("a"))
            .withQueryParam("absent", absent())
            .withRequestBody(equalToJson("{\"n\": \"${json-unit.any-number}\"}", true, true))
            .withRequestBody(matchingJsonPath("$.n", equalTo("1")))
            .withBasicAuth("u", "p")
            .withMetadata(PactStub.interaction("numbers").given("state", params).metadata())
            .inScenario("s")
            .whenScenarioStateIs("Started")
            .willReturn(okJson("{\"price\": 24.90}").withFixedDelay(5))
            .build();
    StubMapping plain = get(urlEqualTo("/x?y=1")).willReturn(ok()).build();
    return List.of(Arguments.of("DSL: numbers", numbers), Arguments.of("DSL: plain", plain));
  }

  static Stream<Arguments> corpusStubs() throws IOException {
    Path dir = Corpora.require("wiremock-mappings", "StubJson on WireMock's own mappings");
    List<Arguments> stubs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode root = ExactJson.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        int i = 0;
        for (JsonNode mapping : root.has("mappings") ? root.get("mappings") : List.of(root)) {
          i++;
          StubMapping stub;
          try {
            stub = Json.read(mapping.toString(), StubMapping.class);
          } catch (RuntimeException notAStub) {
            continue; // not a mapping WireMock loads (the corpus's JSON Schema, for one)
          }
          stubs.add(Arguments.of(dir.relativize(file) + " #" + i, stub));
        }
      }
    }
    // 31 mappings in 26 files; WireMock loads 29 of them
    assertThat(stubs).hasSizeGreaterThanOrEqualTo(29);
    stubs.addAll(dslStubs());
    return stubs.stream();
  }
}
