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
 * Verifies a provider against the pacts in a folder: the one named by {@link #value()}, or else the
 * project's {@code pacts/} folder, as {@link io.pactwire.core.PactsDirectory#locate()} finds it.
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
 * <p>A team whose contracts live in another folder names it:
 * {@code @PactwirePacts("../contracts")}.
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
public @interface PactwirePacts {

  /**
   * The folder of pact files, resolved against the working directory (under Maven and Gradle, the
   * module's directory): {@code @PactwirePacts("../contracts")}. It may take parts from the
   * environment, {@code ${env:NAME}}, or a system property, {@code ${sys:name}}. Empty (the
   * default): the project's {@code pacts/} folder.
   *
   * <p>A folder that does not exist, or holds no pact for the provider, fails the test class with a
   * message naming the folder. A URL ({@code https://...}) is refused: reading pacts from a
   * contract store is not supported yet.
   */
  String value() default "";
}
