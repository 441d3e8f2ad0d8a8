package io.pactwire.core.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MismatchesTests {

  @Nested
  class Paths {

    @Test
    void aPlainKeyIsADottedChild() {
      assertThat(Mismatches.child("$", "stock")).isEqualTo("$.stock");
      assertThat(Mismatches.child("$.items[0]", "sku")).isEqualTo("$.items[0].sku");
    }

    @Test
    void anyOtherKeyIsQuotedInBrackets() {
      // spaces, dots and quotes would make the dotted form ambiguous
      assertThat(Mismatches.child("$", "on hand")).isEqualTo("$['on hand']");
      assertThat(Mismatches.child("$", "a.b")).isEqualTo("$['a.b']");
      assertThat(Mismatches.child("$", "it's")).isEqualTo("$['it\\'s']");
    }

    @Test
    void noParentPathMeansTheRoot() {
      assertThat(Mismatches.child("", "stock")).isEqualTo("$.stock");
    }
  }

  @Nested
  class Values {

    @Test
    void objectsShowTheirKeysSortedWhateverOrderTheyCameIn() {
      Map<String, Object> provider = new LinkedHashMap<>();
      provider.put("sku", "SKU-1");
      provider.put("price", new BigDecimal("24.90"));
      provider.put("name", "Beans");

      assertThat(Mismatches.text(provider))
          .isEqualTo("{\"name\":\"Beans\",\"price\":24.90,\"sku\":\"SKU-1\"}");
      assertThat(Mismatches.text(List.of(Map.of("b", 1, "a", 2)))).isEqualTo("[{\"a\":2,\"b\":1}]");
    }

    @Test
    void scalarsStayAsTheyAre() {
      assertThat(Mismatches.text(12)).isEqualTo("12");
      assertThat(Mismatches.text(null)).isNull();
    }
  }
}
