package io.pactwire.provider;

import io.pactwire.core.internal.report.Display;
import io.pactwire.provider.internal.DatabaseSnapshot;
import io.pactwire.provider.internal.InteractionRef;
import io.pactwire.provider.internal.StateFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The provider-state fixtures that {@link PactwireStates} applies, for code outside JUnit: a
 * provider's state-change endpoint, which {@code pactwire verify --state-change-url} calls.
 *
 * <pre>{@code
 * StateFixtures fixtures = StateFixtures.open(dataSource, Path.of("src/test/resources/states"));
 * fixtures.setUp("a product exists", Map.of("sku", "SKU-1001")); // snapshot, then the fixture
 * // ... the interaction's request ...
 * fixtures.tearDown(); // the database as it was before the first setUp
 * }</pre>
 *
 * <p>The first {@code setUp} after a {@code tearDown} (or after opening) takes a snapshot of the
 * database; {@code tearDown} restores it, as {@link PactwireStates} does around each interaction.
 * Calls are serialised; states of one interaction at a time.
 *
 * @since 0.1.0
 */
public final class StateFixtures {

  private final DataSource dataSource;
  private final Path folder;
  private DatabaseSnapshot snapshot;

  private StateFixtures(DataSource dataSource, Path folder) {
    this.dataSource = dataSource;
    this.folder = folder;
  }

  /**
   * Reads fixtures from {@code folder} ({@code <state>.sql}, {@code .json}, {@code .yaml}) and
   * applies them to {@code dataSource}.
   *
   * @throws IllegalArgumentException when {@code folder} is not a directory
   */
  public static StateFixtures open(DataSource dataSource, Path folder) {
    Objects.requireNonNull(dataSource, "dataSource");
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException(
          "the provider-state fixtures folder " + Display.path(folder) + " is not a directory");
    }
    return new StateFixtures(dataSource, folder);
  }

  /** Whether {@code state} has a fixture file. */
  public boolean has(String state) {
    return StateFixture.find(folder, state, Map.of()).isPresent();
  }

  /**
   * Applies the fixture of {@code state} with {@code params}, in one transaction.
   *
   * @throws StateFixtureException when the state has no fixture, or the database rejects it; the
   *     message names the fixture file and line
   */
  public synchronized void setUp(String state, Map<String, Object> params) {
    InteractionRef ref = new InteractionRef(null, null, null, null, List.of());
    Optional<StateFixture> fixture = StateFixture.find(folder, state, params);
    if (fixture.isEmpty()) {
      throw new StateFixtureException(
          null,
          0,
          "no fixture for state '"
              + state
              + "': add "
              + Display.path(folder)
              + "/"
              + state
              + ".sql",
          null);
    }
    try (Connection connection = dataSource.getConnection()) {
      if (snapshot == null) {
        snapshot = DatabaseSnapshot.take(connection);
      }
      fixture.get().apply(connection, ref);
    } catch (StateFixtureException e) {
      // without the pact and interaction, which the caller of a state-change endpoint knows
      String message = e.getMessage();
      int where = message.indexOf("\n  pact:");
      throw new StateFixtureException(
          e.file().orElse(null),
          e.line(),
          where < 0 ? message : message.substring(0, where),
          e.getCause());
    } catch (SQLException e) {
      throw new StateFixtureException(
          fixture.get().file(),
          0,
          "cannot reach the database to apply fixture "
              + Display.path(fixture.get().file())
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Puts the database back as it was before the first {@link #setUp} since the last tear-down; does
   * nothing when no state was set up.
   *
   * @throws StateFixtureException when the database cannot be restored
   */
  public synchronized void tearDown() {
    if (snapshot == null) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      snapshot.restore(connection);
    } catch (SQLException e) {
      throw new StateFixtureException(
          null, 0, "cannot restore the database after the states: " + e.getMessage(), e);
    } finally {
      snapshot = null;
    }
  }
}
