package io.pactwire.provider;

import io.pactwire.provider.internal.AnnotatedCredentials;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real credential to send to the provider in place of the placeholder a pact carries ({@code
 * Bearer <redacted>}): a request header or a query parameter, whose value may take parts from an
 * environment variable ({@code ${env:NAME}}) or a system property ({@code ${sys:name}}).
 *
 * <pre>{@code
 * @Credential(header = "Authorization", value = "Bearer ${env:INVENTORY_TOKEN}")
 * @Credential(query = "api_key", value = "${sys:inventory.apiKey}")
 * class InventoryContractTests { ... }
 * }</pre>
 *
 * <p>Only interactions whose request has that header or query parameter get it. See {@link
 * PactwireCredentials} for the rules, and {@link ProviderCredentials} for values computed by code.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(PactwireCredentials.class)
@ExtendWith(AnnotatedCredentials.class)
public @interface Credential {

  /** The request header to set, e.g. {@code Authorization}; give this or {@link #query()}. */
  String header() default "";

  /** The query parameter to set, e.g. {@code api_key}; give this or {@link #header()}. */
  String query() default "";

  /**
   * The value sent: text with {@code ${env:NAME}} (an environment variable) and {@code ${sys:name}}
   * (a system property) parts, e.g. {@code Bearer ${env:INVENTORY_TOKEN}}.
   */
  String value();
}
