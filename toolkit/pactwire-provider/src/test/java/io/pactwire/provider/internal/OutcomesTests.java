package io.pactwire.provider.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OutcomesTests {

  @Nested
  class Paths {

    @Test
    void aPlainKeyIsADottedChild() {
      assertThat(Outcomes.child("$", "stock")).isEqualTo("$.stock");
      assertThat(Outcomes.child("$.items[0]", "sku")).isEqualTo("$.items[0].sku");
    }

    @Test
    void anyOtherKeyIsQuotedInBrackets() {
      // spaces, dots and quotes would make the dotted form ambiguous
      assertThat(Outcomes.child("$", "on hand")).isEqualTo("$['on hand']");
      assertThat(Outcomes.child("$", "a.b")).isEqualTo("$['a.b']");
      assertThat(Outcomes.child("$", "it's")).isEqualTo("$['it\\'s']");
    }

    @Test
    void noParentPathMeansTheRoot() {
      assertThat(Outcomes.child("", "stock")).isEqualTo("$.stock");
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

      assertThat(Outcomes.text(provider))
          .isEqualTo("{\"name\":\"Beans\",\"price\":24.90,\"sku\":\"SKU-1\"}");
      assertThat(Outcomes.text(List.of(Map.of("b", 1, "a", 2)))).isEqualTo("[{\"a\":2,\"b\":1}]");
    }

    @Test
    void scalarsStayAsTheyAre() {
      assertThat(Outcomes.text(12)).isEqualTo("12");
      assertThat(Outcomes.text(null)).isNull();
    }
  }
}
