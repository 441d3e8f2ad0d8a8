package io.pactwire.provider;

import au.com.dius.pact.provider.junitsupport.loader.PactSource;
import io.pactwire.provider.internal.PactsFolderLoader;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Verifies a provider against the pacts in the project's {@code pacts/} folder, as {@link
 * io.pactwire.core.PactsDirectory#locate()} finds it.
 *
 * <pre>{@code
 * @Provider("inventory-service")
 * @PactwirePacts
 * class InventoryContractTests {
 *   @TestTemplate
 *   @ExtendWith(PactVerificationInvocationContextProvider.class)
 *   void verify(PactVerificationContext context) {
 *     context.verifyInteraction();
 *   }
 * }
 * }</pre>
 *
 * <p>Every pact whose {@code provider.name} is the {@code @Provider} name is verified. When there
 * is none, the test class fails with a message naming the folder searched and the provider: a
 * provider build never passes by verifying nothing.
 *
 * @since 0.1.0
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@PactSource(PactsFolderLoader.class)
public @interface PactwirePacts {}
