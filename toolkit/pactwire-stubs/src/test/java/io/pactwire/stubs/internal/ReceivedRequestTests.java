package io.pactwire.stubs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Two requests share a key only when pact-jvm would be given the same request for them. */
class ReceivedRequestTests {

  private static ImmutableRequest.Builder base() {
    return ImmutableRequest.create()
        .withMethod(RequestMethod.POST)
        .withAbsoluteUrl("http://localhost:8080/orders/1?view=full")
        .withHeader("Content-Type", "application/json")
        .withHeader("Accept", "application/json")
        .withBody("{\"sku\":\"SKU-1\"}".getBytes(StandardCharsets.UTF_8));
  }

  private static String key(UnaryOperator<ImmutableRequest.Builder> change) {
    Request request = change.apply(base()).build();
    return ReceivedRequest.key(request);
  }

  static List<Arguments> changes() {
    return List.of(
        Arguments.of("another method", change(b -> b.withMethod(RequestMethod.PUT))),
        Arguments.of(
            "another path",
            change(b -> b.withAbsoluteUrl("http://localhost:8080/orders/2?view=full"))),
        Arguments.of(
            "another query value",
            change(b -> b.withAbsoluteUrl("http://localhost:8080/orders/1?view=short"))),
        Arguments.of(
            "the query left out", change(b -> b.withAbsoluteUrl("http://localhost:8080/orders/1"))),
        Arguments.of("one more header", change(b -> b.withHeader("X-Pact-State", "in stock"))),
        // a value that reads like the next header must not make the same text as two headers
        Arguments.of(
            "a header value holding what another header would add",
            change(b -> b.withHeader("Accept", List.of("application/json", "1")))),
        Arguments.of(
            "another header value", change(b -> b.withHeader("Accept", "application/xml"))),
        Arguments.of(
            "another body",
            change(b -> b.withBody("{\"sku\":\"SKU-2\"}".getBytes(StandardCharsets.UTF_8)))),
        // the same characters in another encoding are other bytes, which pact-jvm may read apart
        Arguments.of(
            "a body of other bytes for the same text",
            change(b -> b.withBody("{\"sku\":\"SKU-é\"}".getBytes(StandardCharsets.ISO_8859_1)))),
        Arguments.of("no body", change(b -> b.withBody(new byte[0]))));
  }

  private static UnaryOperator<ImmutableRequest.Builder> change(
      UnaryOperator<ImmutableRequest.Builder> change) {
    return change;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void aRequestThatDiffersInAnyPartHasAnotherKey(
      String what, UnaryOperator<ImmutableRequest.Builder> change) {
    assertThat(key(change)).isNotEqualTo(key(b -> b)).isNotNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void theSameRequestAgainHasTheSameKey(
      String what, UnaryOperator<ImmutableRequest.Builder> change) {
    assertThat(key(change)).isEqualTo(key(change));
  }

  @org.junit.jupiter.api.Test
  void aRequestWithABodyTooLargeToKeepHasNoKey() {
    byte[] large = new byte[ReceivedRequest.MAX_BODY_BYTES + 1];
    byte[] largest = new byte[ReceivedRequest.MAX_BODY_BYTES];
    assertThat(key(b -> b.withBody(large))).isNull();
    assertThat(key(b -> b.withBody(largest))).isNotNull();
  }
}
