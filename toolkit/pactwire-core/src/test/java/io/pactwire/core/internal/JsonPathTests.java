package io.pactwire.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactwire.core.internal.JsonPath.AnyField;
import io.pactwire.core.internal.JsonPath.AnyIndex;
import io.pactwire.core.internal.JsonPath.Field;
import io.pactwire.core.internal.JsonPath.Index;
import io.pactwire.core.internal.JsonPath.InvalidJsonPath;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPathTests {

  @Nested
  class Reading {

    @Test
    void everyKindOfStep() {
      assertThat(JsonPath.parse("$.items[*].prices[0]['list price'].*").segments())
          .containsExactly(
              new Field("items"),
              new AnyIndex(),
              new Field("prices"),
              new Index(0),
              new Field("list price"),
              new AnyField());
    }

    @Test
    void theRootIsNoStep() {
      assertThat(JsonPath.parse("$")).isEqualTo(JsonPath.ROOT);
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          // a leading $ may be left out
          "a.b           | $.a.b",
          "[0].a         | $[0].a",
          // double quotes read as single quotes
          "$[\"odd key\"] | $['odd key']",
          // a bracketed identifier prints after a dot
          "$['sku']      | $.sku",
          // keys that are not identifiers print in brackets
          "$.a-b         | $['a-b']",
          "$.@type       | $['@type']",
        })
    void printsInPactsOneForm(String written, String printed) {
      assertThat(JsonPath.parse(written)).hasToString(printed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"$..a", "$.a[?(@.b)]", "$.a b", "$.a[-1]", "$.a.", "$['a"})
    void whatPactJvmCannotReadIsRejectedNamingThePath(String path) {
      assertThatThrownBy(() -> JsonPath.parse(path))
          .isInstanceOf(InvalidJsonPath.class)
          .hasMessageStartingWith(path + ": not a Pact JSON path: ");
    }
  }

  @Test
  void indexesBecomeWildcardsAsRulesAreKeyed() {
    assertThat(JsonPath.parse("$.items[3].tags[0]").anyIndexes()).hasToString("$.items[*].tags[*]");
  }

  @Test
  void namesAreTheStepsAsText() {
    assertThat(JsonPath.parse("$.items[3].*[*]").names()).containsExactly("items", "3", "*", "*");
  }

  @Test
  void aChildIsWrittenAsParseWouldPrintIt() {
    assertThat(JsonPath.child("$.a", "b")).isEqualTo("$.a.b");
    assertThat(JsonPath.child("$.a", "b c")).isEqualTo("$.a['b c']");
    assertThat(JsonPath.child("$", "9")).isEqualTo("$['9']");
    assertThat(JsonPath.parse(JsonPath.child("$.x", "odd-key")))
        .isEqualTo(JsonPath.parse("$.x").field("odd-key"));
  }
}
