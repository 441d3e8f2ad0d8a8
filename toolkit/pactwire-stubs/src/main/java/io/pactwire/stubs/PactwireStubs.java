package io.pactwire.stubs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Serves a provider's pacts as WireMock stubs for the tests of a class: a WireMock server on a
 * random port, started before the class's tests and stopped after them, injected as a {@link
 * PactwireStubsRuntimeInfo} parameter. A request no interaction answers fails the test that sent
 * it, with the near-miss report.
 *
 * <pre>{@code
 * @PactwireStubs(provider = "inventory-service")
 * class CheckoutTests {
 *   @Test
 *   void reservesStock(PactwireStubsRuntimeInfo inventory) {
 *     var client = new InventoryClient(inventory.baseUrl());
 *     ...
 *   }
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PactwireStubsExtension.class)
public @interface PactwireStubs {

  /** The provider whose pacts are served. */
  String provider();

  /** A pacts folder or one pact file; by default the project's pacts folder. */
  String pacts() default "";

  /**
   * Serve only these provider states (and interactions without one; an interaction of several when
   * one of them is chosen); by default all.
   */
  String[] states() default {};
}
