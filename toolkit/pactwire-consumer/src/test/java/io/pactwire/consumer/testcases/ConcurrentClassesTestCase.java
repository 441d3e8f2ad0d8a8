package io.pactwire.consumer.testcases;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import io.pactwire.consumer.PactStub;
import io.pactwire.consumer.PactwireWireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Four classes that record into one pact, for runs with JUnit's parallel execution: two with a
 * class-level extension (merged once, at the class's end), two with an instance field (merged after
 * each test). With {@code example.variant=fewer}, each class's third test sends nothing, so the
 * class's end takes its interaction out.
 */
public final class ConcurrentClassesTestCase {

  private ConcurrentClassesTestCase() {}

  private static PactwireWireMockExtension extension() {
    return PactwireWireMockExtension.newInstance()
        .consumer("checkout-service")
        .provider("concurrent-service")
        .build();
  }

  private static void read(PactwireWireMockExtension server, String path) {
    server.stubFor(
        get(urlPathEqualTo(path))
            .withMetadata(PactStub.interaction("a request for " + path).metadata())
            .willReturn(okJson("{\"path\": \"" + path + "\"}")));
    Http.get(server.baseUrl() + path);
  }

  /** A class-level extension. */
  @ExtendWith(ExampleSwitches.class)
  public static class Orders {
    @RegisterExtension static PactwireWireMockExtension server = extension();

    @Test
    void first() {
      read(server, "/orders/1");
    }

    @Test
    void second() {
      read(server, "/orders/2");
    }

    @Test
    void third(String variant) {
      if (!variant.equals("fewer")) {
        read(server, "/orders/3");
      }
    }
  }

  /** A class-level extension. */
  @ExtendWith(ExampleSwitches.class)
  public static class Payments {
    @RegisterExtension static PactwireWireMockExtension server = extension();

    @Test
    void first() {
      read(server, "/payments/1");
    }

    @Test
    void second() {
      read(server, "/payments/2");
    }

    @Test
    void third(String variant) {
      if (!variant.equals("fewer")) {
        read(server, "/payments/3");
      }
    }
  }

  /** An instance-field extension. */
  @ExtendWith(ExampleSwitches.class)
  public static class Invoices {
    @RegisterExtension PactwireWireMockExtension server = extension();

    @Test
    void first() {
      read(server, "/invoices/1");
    }

    @Test
    void second() {
      read(server, "/invoices/2");
    }

    @Test
    void third(String variant) {
      if (!variant.equals("fewer")) {
        read(server, "/invoices/3");
      }
    }
  }

  /** An instance-field extension. */
  @ExtendWith(ExampleSwitches.class)
  public static class Refunds {
    @RegisterExtension PactwireWireMockExtension server = extension();

    @Test
    void first() {
      read(server, "/refunds/1");
    }

    @Test
    void second() {
      read(server, "/refunds/2");
    }

    @Test
    void third(String variant) {
      if (!variant.equals("fewer")) {
        read(server, "/refunds/3");
      }
    }
  }
}
