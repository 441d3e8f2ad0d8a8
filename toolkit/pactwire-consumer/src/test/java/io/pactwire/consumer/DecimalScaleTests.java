package io.pactwire.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.consumer.testcases.DecimalsTestCase;
import io.pactwire.core.ContractId;
import io.pactwire.core.PactsDirectory;
import io.pactwire.testsupport.EngineRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A number reaches the pact as the stub wrote it: 24.90 stays 24.90, not the double 24.9. */
class DecimalScaleTests {

  @TempDir Path pacts;

  @Test
  void captureKeepsTheScaleInStatesRequestsAndResponses() throws IOException {
    EngineExecutionResults results =
        EngineRuns.run(DecimalsTestCase.class, PactsDirectory.PROPERTY, pacts);

    results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    String pact = Files.readString(pacts.resolve("checkout-service-pricing-service.json"));
    assertThat(pact)
        .contains("\"budget\" : 50.00")
        .contains("\"price\" : 24.90")
        .contains("\"total\" : 49.80")
        .contains("\"rate\" : 1.0")
        .doesNotContain("24.9,", "24.9\n", "49.8\n", "\"budget\" : 50.0\n");
  }

  @Test
  void aPactWrittenBeforeDecimalsKeptTheirScaleIsTheSameContract() throws IOException {
    EngineRuns.run(DecimalsTestCase.class, PactsDirectory.PROPERTY, pacts);
    Path pact = pacts.resolve("checkout-service-pricing-service.json");
    // As an earlier version wrote it: the same numbers, without their trailing zeros.
    String earlier =
        Files.readString(pact)
            .replace("24.90", "24.9")
            .replace("49.80", "49.8")
            .replace("50.00", "50.0");
    Files.writeString(pact, earlier);

    EngineExecutionResults again =
        EngineRuns.run(DecimalsTestCase.class, PactsDirectory.PROPERTY, pacts);

    again.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    assertThat(Files.readString(pact)).isEqualTo(earlier);
  }

  @Test
  void conversionKeepsTheScaleOfAMappingFile() throws IOException {
    Path mapping = pacts.resolve("quote.json");
    Files.writeString(
        mapping,
        """
        {"request": {"method": "POST", "urlPath": "/quotes",
                     "bodyPatterns": [{"equalToJson": {"sku": "SKU-1001", "budget": 50.00}}]},
         "response": {"status": 200, "jsonBody": {"price": 24.90, "total": 49.80}},
         "metadata": {"pact": {"description": "a quote", "providerState": "a product costs",
                               "params": {"price": 24.90}}}}
        """);
    List<StubConversion> results = StubConverter.newInstance().convertFile(mapping);
    Path pact = pacts.resolve("c-p.json");

    StubConverter.write(
        new ContractId("c", "p"),
        results.stream().map(StubConversion.Converted.class::cast).toList(),
        pact);

    assertThat(Files.readString(pact))
        .contains("\"budget\" : 50.00")
        .contains("\"price\" : 24.90")
        .contains("\"total\" : 49.80")
        .doesNotContain("24.9,", "24.9\n", "49.8\n");
  }
}
