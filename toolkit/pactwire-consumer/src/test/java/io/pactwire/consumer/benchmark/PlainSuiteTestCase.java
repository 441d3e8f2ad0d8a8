package io.pactwire.consumer.benchmark;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The suite with WireMock alone. */
public class PlainSuiteTestCase extends StubbedSuite {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().failOnUnmatchedRequests(true).build();

  @Override
  WireMockExtension server() {
    return wm;
  }
}
