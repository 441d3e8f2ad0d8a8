package io.pactwire.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactwire.testsupport.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of openapi-pact-comparator's own corpus: the pact checked against the case's spec
 * gives the same findings as {@code results.json} — same codes, types and locations, compared as
 * multisets.
 */
class ComparatorConformanceTests {

  /**
   * Cases where Pactwire deliberately differs, with the reason. The test asserts Pactwire's own
   * behaviour for them instead.
   */
  static final Map<String, String> DELIBERATE =
      Map.of(
          "oas/broken-references",
          "a $ref that points nowhere is unreadable input (one line naming file and location),"
              + " not a spec that silently accepts everything");

  static Stream<String> cases() throws IOException {
    Path root =
        Corpora.require("openapi-pact-comparator", "openapi-pact-comparator conformance cases");
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(p -> p.getFileName().toString().equals("results.json"))
          .forEach(p -> out.add(root.relativize(p.getParent()).toString().replace('\\', '/')));
    }
    out.sort(String::compareTo);
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reproducesTheReferenceFindings(String name) throws IOException {
    Path dir =
        Corpora.require("openapi-pact-comparator", "openapi-pact-comparator conformance cases")
            .resolve(name);
    OpenApiCheck.Builder builder = OpenApiCheck.newInstance();
    for (String spec : List.of("oas.yaml", "asyncapi.yaml")) {
      if (Files.exists(dir.resolve(spec))) {
        builder.spec(dir.resolve(spec));
      }
    }
    if (DELIBERATE.containsKey(name)) {
      assertThatThrownBy(builder::build)
          .isInstanceOf(SpecException.class)
          .hasMessageContaining("oas.yaml:")
          .hasMessageContaining("broken $ref '#/components/schemas/missing'");
      return;
    }
    List<Finding> actual = builder.build().check(dir.resolve("pact.json"));
    JsonNode expected = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
    List<String> want = new ArrayList<>();
    expected.forEach(
        f ->
            want.add(
                key(
                    f.path("code").asText(),
                    f.path("type").asText(),
                    f.path("mockDetails").path("location").asText(null),
                    f.path("specDetails").path("location").asText(null))));
    List<String> got = new ArrayList<>();
    actual.forEach(
        f ->
            got.add(
                key(
                    f.code(),
                    f.type().label(),
                    f.mockDetails() == null ? null : f.mockDetails().location(),
                    f.specDetails() == null ? null : f.specDetails().location())));
    assertThat(got).as("findings for %s", name).containsExactlyInAnyOrderElementsOf(want);
  }

  private static String key(String code, String type, String mock, String spec) {
    return type + " " + code + " | " + mock + " | " + spec;
  }
}
