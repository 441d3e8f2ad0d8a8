package io.pactwire.provider;

import au.com.dius.pact.provider.junitsupport.IgnoreMissingStateChange;
import io.pactwire.provider.internal.StateFixturesExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sets up each interaction's provider states from fixture files, on the provider's real database,
 * before pact-jvm verifies the interaction, and puts the database back as it was afterwards.
 *
 * <p>A state {@code a product exists} maps to {@code <folder>/a product exists.sql} (named
 * parameters such as {@code :sku} bound from the state's params) or {@code .json}/{@code .yaml}
 * rows ({@code {"products": [{"sku": "${sku}"}]}}). The database is the {@link
 * javax.sql.DataSource} returned by the test class's {@link StatesDataSource} field or method:
 * fixtures need a database, and an interaction with a fixture fails when the class has none. States
 * may also, or instead, have pact-jvm {@code @State} methods; those run after the fixture and need
 * no database (a provider without one uses {@code @State} methods only). A state with neither fails
 * its interaction.
 *
 * <pre>{@code
 * @Provider("inventory-service")
 * @PactFolder("pacts")
 * @PactwireStates
 * class InventoryPactTests {
 *   @StatesDataSource static DataSource database;
 *   ...
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(StateFixturesExtension.class)
// pact-jvm would fail every state that has only a fixture; Pactwire checks states itself.
@IgnoreMissingStateChange
public @interface PactwireStates {

  /** The folder of fixture files, relative to the working directory (the module). */
  String folder() default "src/test/resources/states";
}
