package io.pactwire.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PactStubTests {

  @Test
  void writesEachPinnedMatcherUnderRules() {
    Map<String, Object> metadata =
        PactStub.interaction("an order")
            .rule("$.createdAt", PactStub.timestamp())
            .rule("$.loggedAt", PactStub.timestamp("yyyy-MM-dd HH:mm:ss.SSS"))
            .rule("$.day", PactStub.date())
            .rule("$.shipsOn", PactStub.date("dd.MM.yyyy"))
            .rule("$.at", PactStub.time())
            .rule("$.id", PactStub.uuid())
            .rule("$.count", PactStub.integer())
            .rule("$.price", PactStub.decimal())
            .metadata();

    assertThat(metadata)
        .isEqualTo(
            Map.of(
                "pact",
                Map.of(
                    "description",
                    "an order",
                    "rules",
                    Map.of(
                        "$.createdAt",
                        Map.of("match", "timestamp", "format", "yyyy-MM-dd'T'HH:mm:ssXXX"),
                        "$.loggedAt",
                        Map.of("match", "timestamp", "format", "yyyy-MM-dd HH:mm:ss.SSS"),
                        "$.day",
                        Map.of("match", "date", "format", "yyyy-MM-dd"),
                        "$.shipsOn",
                        Map.of("match", "date", "format", "dd.MM.yyyy"),
                        "$.at",
                        Map.of("match", "time", "format", "HH:mm:ss"),
                        "$.id",
                        Map.of(
                            "match",
                            "regex",
                            "regex",
                            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
                        "$.count",
                        Map.of("match", "integer"),
                        "$.price",
                        Map.of("match", "decimal")))));
  }

  @Test
  void letsTheLaterPinOfAValueWin() {
    Map<String, Object> metadata =
        PactStub.interaction()
            .rule("$.at", PactStub.time())
            .rule("$.at", PactStub.time("HH:mm"))
            .metadata();

    assertThat(metadata.toString()).contains("$.at={match=time, format=HH:mm}");
  }

  @Test
  void refusesAFormatThatIsNoDateTimePatternWhereTheStubIsWritten() {
    assertThatThrownBy(() -> PactStub.timestamp("yyyy-MM-dd'T"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("'yyyy-MM-dd'T' is no date-time format for a timestamp matcher: ");
    assertThatThrownBy(() -> PactStub.date("dd.MM.bbbb"))
        .hasMessageStartingWith("'dd.MM.bbbb' is no date-time format for a date matcher: ");
  }
}
