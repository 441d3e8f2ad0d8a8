package org.example.shop;

import io.pactwire.openapi.OpenApiCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The contract the tests wrote, held to the carrier's published OpenAPI document. */
class ParcelPostSpecIT {

  @Test
  void theContractConformsToTheCarriersSpec() {
    OpenApiCheck.of(Path.of("src/test/resources/parcelpost-rates.yaml"))
        .assertConforms(Path.of("pacts/shop-parcelpost-rates.json"));
  }
}
