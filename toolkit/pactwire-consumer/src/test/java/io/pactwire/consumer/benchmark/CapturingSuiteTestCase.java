package io.pactwire.consumer.benchmark;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.pactwire.consumer.PactwireWireMockExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The suite with capture into a pact. */
public class CapturingSuiteTestCase extends StubbedSuite {

  @RegisterExtension
  static PactwireWireMockExtension wm =
      PactwireWireMockExtension.newInstance()
          .consumer("bench-consumer")
          .provider("bench-provider")
          .build();

  @Override
  WireMockExtension server() {
    return wm;
  }
}
