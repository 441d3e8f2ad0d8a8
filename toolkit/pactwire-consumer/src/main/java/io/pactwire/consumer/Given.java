package io.pactwire.consumer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The provider state of every interaction a test captures whose stub names none (in its {@code
 * pact} metadata or through a scenario state).
 *
 * <pre>{@code
 * @Test
 * @Given(value = "a product exists", params = {"sku=SKU-1001", "stock=12"})
 * void readsAProduct() { ... }
 * }</pre>
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Given {

  /** The provider state's name. */
  String value();

  /** Parameters as {@code name=value}; values stay strings. */
  String[] params() default {};
}
