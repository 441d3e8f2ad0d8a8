package io.pactwire.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.testsupport.EngineRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The JUnit extension, run through the Jupiter engine: serving stubs, or recording them. The
 * example class keeps its files in one folder for the JVM, so the tests run in order: no stubs yet,
 * then recorded, then served.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PactwireRecordingExtensionTests {

  @TempDir static Path folder;

  @BeforeAll
  static void theExampleKeepsItsFilesInATemporaryFolder() {
    System.setProperty("vendor.folder", folder.toString());
  }

  @Test
  @Order(1)
  void withoutStubsTheClassFailsSayingHowToRecordThem() {

    EngineExecutionResults results = EngineRuns.run(VendorOrdersTestCase.class);

    assertThat(results.containerEvents().failed().count()).isEqualTo(1);
    Throwable failure =
        results
            .containerEvents()
            .failed()
            .list()
            .get(0)
            .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
            .getThrowable()
            .orElseThrow();
    assertThat(failure)
        .hasMessage(
            folder.resolve("stubs/mappings").toAbsolutePath()
                + ": no recorded stubs; run "
                + VendorOrdersTestCase.class.getName()
                + " with -Dpactwire.record=<the sandbox's URL> to record them");
  }

  @Test
  @Order(2)
  void withTheRecordPropertyItRecordsTheStubsThatLaterRunsServe() throws IOException {
    try (VendorSandbox sandbox = new VendorSandbox()) {
      EngineExecutionResults recording;
      System.setProperty(PactwireRecordingExtension.RECORD_PROPERTY, sandbox.baseUrl());
      try {
        recording = EngineRuns.run(VendorOrdersTestCase.class);
      } finally {
        System.clearProperty(PactwireRecordingExtension.RECORD_PROPERTY);
      }
      assertThat(EngineRuns.outcomes(recording))
          .isEqualTo(Map.of("getsAnApprovedOrder()", "SUCCESSFUL"));
      assertThat(sandbox.requests.get()).isEqualTo(1);
    }
    Path mapping =
        folder.resolve("stubs/mappings/get-v1-orders-ord-1-api-key-redacted-expand-lines.json");
    assertThat(mapping).exists();
    assertThat(Files.readString(folder.resolve("pacts/shop-vendor-orders.json")))
        .contains("GET /v1/orders/ORD-1?api_key=<redacted>&expand=lines")
        .doesNotContain(VendorSandbox.SECRET);

    // the sandbox is gone: the recorded stubs answer
    EngineExecutionResults replay = EngineRuns.run(VendorOrdersTestCase.class);

    assertThat(EngineRuns.outcomes(replay))
        .isEqualTo(Map.of("getsAnApprovedOrder()", "SUCCESSFUL"));
  }
}
