package io.pactwire.consumer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts one WireMock server on a free port for the test class and writes every exchange served by
 * a matched stub into the pact between {@link #consumer()} and {@link #provider()}, as
 * {@code @WireMockTest} does without the contract. Test methods may take a {@link
 * PactwireRuntimeInfo} or a {@code WireMockRuntimeInfo} parameter; the static {@code WireMock} DSL
 * talks to this server.
 *
 * <pre>{@code
 * @PactwireWireMockTest(consumer = "checkout-service", provider = "inventory-service")
 * class InventoryClientTests {
 *   @Test
 *   void readsAProduct(PactwireRuntimeInfo wm) { ... }
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PactwireWireMockExtension.class)
public @interface PactwireWireMockTest {

  /** The consumer's name in the pact. */
  String consumer();

  /** The provider's name in the pact. */
  String provider();

  /** The folder the pact goes to; empty for {@code io.pactwire.core.PactsDirectory.locate()}. */
  String pactsDir() default "";

  /** Headers written as a placeholder, besides Authorization, Cookie, X-Api-Key and the like. */
  String[] secretHeaders() default {};

  /** JSON paths in request and response bodies written as a placeholder. */
  String[] secretPaths() default {};

  /**
   * Query parameters written as a placeholder, besides {@code access_token}, {@code api_key} and
   * the like.
   */
  String[] secretQueryParameters() default {};
}
