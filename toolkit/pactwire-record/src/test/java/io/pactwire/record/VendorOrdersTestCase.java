package io.pactwire.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A consumer's test of the vendor's orders API on recorded stubs; run by {@link
 * PactwireRecordingExtensionTests}, with {@code -Dpactwire.record} to record them.
 */
class VendorOrdersTestCase {

  /** Where the example keeps its stubs and its pact: named by the test that runs it. */
  static final Path FOLDER = Path.of(System.getProperty("vendor.folder", "target/vendor-orders"));

  @RegisterExtension
  static PactwireRecordingExtension vendor =
      PactwireRecordingExtension.newInstance()
          .consumer("shop")
          .provider("vendor-orders")
          .stubsDir(FOLDER.resolve("stubs"))
          .pactsDir(FOLDER.resolve("pacts"))
          .secretPaths("$.card.number", "$.payment_token")
          .build();

  @Test
  void getsAnApprovedOrder() {
    HttpResponse<String> order = new VendorClient(vendor.baseUrl()).getOrder("ORD-1");

    assertThat(order.statusCode()).isEqualTo(200);
    assertThat(order.body()).contains("APPROVED");
  }
}
