package io.pactwire.provider;

import io.pactwire.provider.internal.AnnotatedCredentials;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sends real credentials to the provider under verification where the pacts carry placeholders.
 *
 * <p>Pactwire writes {@code Authorization}, cookies and API keys into pacts as placeholders ({@code
 * Bearer <redacted>}, matched by a regex), so a provider that checks credentials answers 401 to the
 * request as the pact states it. With this annotation each HTTP interaction whose request has one
 * of the named headers or query parameters is sent with the real value instead:
 *
 * <pre>{@code
 * @Provider("inventory-service")
 * @PactwirePacts
 * @PactwireCredentials({
 *   @Credential(header = "Authorization", value = "Bearer ${env:INVENTORY_TOKEN}"),
 *   @Credential(query = "api_key", value = "${sys:inventory.apiKey}")
 * })
 * class InventoryContractTests { ... }
 * }</pre>
 *
 * <ul>
 *   <li>The real value replaces the placeholder on the wire only: reports, results, failure
 *       messages and the console show the request as the pact has it, and any occurrence of the
 *       value in what the provider sent back is shown as {@code <redacted>}.
 *   <li>An interaction whose request has no such header or parameter is sent as the pact states it:
 *       a consumer that calls without a credential is verified without one.
 *   <li>An unset or empty {@code ${env:NAME}} or {@code ${sys:name}} fails the test class with one
 *       line naming the variable and the header or parameter.
 * </ul>
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(AnnotatedCredentials.class)
public @interface PactwireCredentials {

  /** The credentials; {@link Credential} may also be repeated on the class directly. */
  Credential[] value();
}
