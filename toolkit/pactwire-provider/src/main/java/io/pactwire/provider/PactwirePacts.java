package io.pactwire.provider;

import au.com.dius.pact.provider.junitsupport.loader.PactSource;
import io.pactwire.provider.internal.PactsFolderLoader;
import io.pactwire.provider.internal.PendingPactFailures;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

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
 * <p>A team whose contracts live in a Pact Broker names it, with the pacts it should verify:
 * {@code @PactwirePacts(broker = "${env:PACT_BROKER_URL}", consumerVersionSelectors =
 * "{\"mainBranch\": true}")}. Credentials come from {@code PACT_BROKER_TOKEN}, or {@code
 * PACT_BROKER_USERNAME} and {@code PACT_BROKER_PASSWORD}; with {@link PactwireReports} and {@code
 * pactwire.results.publish=true} (the default when {@code CI=true}) the results go back to the
 * Broker for the provider version ({@code pactwire.provider.version}, else CI variables or git).
 *
 * <p>With {@code enablePending = true} the Broker says which of its pacts are pending for the
 * provider's branch: pacts the provider has never verified on that branch. A pending pact's failed
 * interactions are recorded and published as failures, but they do not fail the build: their tests
 * are aborted (shown as skipped) with the failure as the reason.
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
@ExtendWith(PendingPactFailures.class)
public @interface PactwirePacts {

  /**
   * The folder of pact files, resolved against the working directory (under Maven and Gradle, the
   * module's directory): {@code @PactwirePacts("../contracts")}. It may take parts from the
   * environment, {@code ${env:NAME}}, or a system property, {@code ${sys:name}}. Empty (the
   * default): the project's {@code pacts/} folder.
   *
   * <p>A folder that does not exist, or holds no pact for the provider, fails the test class with a
   * message naming the folder. A URL ({@code https://...}) is refused: a Pact Broker is named by
   * {@link #broker()}.
   */
  String value() default "";

  /**
   * A Pact Broker to fetch the provider's pacts from ("pacts for verification") instead of a
   * folder, e.g. {@code "${env:PACT_BROKER_URL}"}. Empty (the default): a folder.
   *
   * @since 0.1.0
   */
  String broker() default "";

  /**
   * With {@link #broker()}: which consumer versions' pacts, each a JSON object as the Broker
   * documents consumer-version selectors: {@code "{\"mainBranch\": true}"}, {@code
   * "{\"deployedOrReleased\": true}"}. Empty (the default): the Broker's default selectors.
   *
   * @since 0.1.0
   */
  String[] consumerVersionSelectors() default {};

  /**
   * With {@link #broker()}: ask the Broker which pacts are pending for the provider's branch
   * ({@code pactwire.provider.branch}, else CI variables or git). A pending pact's failures are
   * recorded and published, but abort its tests instead of failing them. Without a known branch, or
   * without a Broker, the test class fails with a message saying so.
   *
   * @since 0.1.0
   */
  boolean enablePending() default false;

  /**
   * With {@link #enablePending()}: also verify the work-in-progress pacts published since this date
   * ({@code yyyy-MM-dd}, or a template such as {@code "${env:WIP_SINCE}"}), as pending. Empty (the
   * default): none.
   *
   * @since 0.1.0
   */
  String includeWipPactsSince() default "";
}
