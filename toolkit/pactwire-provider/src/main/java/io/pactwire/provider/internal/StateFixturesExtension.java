package io.pactwire.provider.internal;

import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junitsupport.State;
import io.pactwire.core.internal.Startup;
import io.pactwire.core.internal.report.Display;
import io.pactwire.provider.PactwireStates;
import io.pactwire.provider.StateFixtureException;
import io.pactwire.provider.StatesDataSource;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Applies provider-state fixtures before pact-jvm's state methods and verification, and restores
 * the database after.
 *
 * <p>Registered on the test class, so JUnit runs its before-callback ahead of the callbacks that
 * pact-jvm adds to each invocation (after the test's {@code @BeforeEach}, which sets the target and
 * state handlers), and its after-callback behind pact-jvm's teardown.
 */
public final class StateFixturesExtension
    implements BeforeTestExecutionCallback, AfterTestExecutionCallback {

  static final ExtensionContext.Namespace PACT_JVM = ExtensionContext.Namespace.create("pact-jvm");
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StateFixturesExtension.class);

  @Override
  public void beforeTestExecution(ExtensionContext context) {
    Startup.provider();
    PactVerificationContext verification =
        context.getStore(PACT_JVM).get("interactionContext", PactVerificationContext.class);
    if (verification == null) {
      return; // not a pact verification, e.g. a plain @Test in the same class
    }
    InteractionRef ref = InteractionRef.of(verification);
    Path folder = folder(context);
    List<StateFixture> fixtures = new ArrayList<>();
    for (ProviderState state : verification.getInteraction().getProviderStates()) {
      Optional<StateFixture> fixture =
          StateFixture.find(folder, state.getName(), state.getParams());
      if (fixture.isPresent()) {
        fixtures.add(fixture.get());
      } else if (!hasStateMethod(context, verification, state.getName())) {
        throw new StateFixtureException(
            null,
            0,
            "no fixture for state '"
                + state.getName()
                + "': add "
                + Display.path(folder).replaceFirst("^.*/(?=[^/]+$)", "")
                + "/"
                + state.getName()
                + ".sql or a @State method (fixtures are read from "
                + Display.path(folder)
                + "/)"
                + ref.where(),
            null);
      }
    }
    if (fixtures.isEmpty()) {
      return;
    }
    DataSource dataSource = dataSource(context, fixtures.get(0), ref);
    try (Connection connection = connect(dataSource, fixtures.get(0), ref)) {
      DatabaseSnapshot snapshot = DatabaseSnapshot.take(connection);
      context.getStore(NAMESPACE).put("snapshot", snapshot);
      context.getStore(NAMESPACE).put("dataSource", dataSource);
      for (StateFixture fixture : fixtures) {
        fixture.apply(connection, ref);
      }
    } catch (SQLException e) {
      throw new StateFixtureException(
          null,
          0,
          "cannot read the database before applying fixtures: " + e.getMessage() + ref.where(),
          e);
    }
  }

  @Override
  public void afterTestExecution(ExtensionContext context) throws SQLException {
    DatabaseSnapshot snapshot =
        context.getStore(NAMESPACE).remove("snapshot", DatabaseSnapshot.class);
    DataSource dataSource = context.getStore(NAMESPACE).remove("dataSource", DataSource.class);
    if (snapshot == null) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      snapshot.restore(connection);
    }
  }

  private static Path folder(ExtensionContext context) {
    String folder =
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), PactwireStates.class)
            .map(PactwireStates::folder)
            .orElse("src/test/resources/states");
    return Path.of(folder);
  }

  private static boolean hasStateMethod(
      ExtensionContext context, PactVerificationContext verification, String state) {
    List<Object> handlers = new ArrayList<>();
    handlers.add(context.getRequiredTestInstance());
    handlers.addAll(verification.getStateChangeHandlers());
    for (Object handler : handlers) {
      for (Method method :
          AnnotationSupport.findAnnotatedMethods(
              handler.getClass(), State.class, HierarchyTraversalMode.TOP_DOWN)) {
        if (Arrays.asList(method.getAnnotation(State.class).value()).contains(state)) {
          return true;
        }
      }
    }
    return false;
  }

  private static DataSource dataSource(
      ExtensionContext context, StateFixture fixture, InteractionRef ref) {
    Object instance = context.getRequiredTestInstance();
    for (Class<?> type = context.getRequiredTestClass();
        type != null;
        type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.isAnnotationPresent(StatesDataSource.class)) {
          Object value =
              ReflectionSupport.tryToReadFieldValue(
                      field, Modifier.isStatic(field.getModifiers()) ? null : instance)
                  .toOptional()
                  .orElse(null);
          return requireDataSource(value, field.toString(), fixture, ref);
        }
      }
      for (Method method : type.getDeclaredMethods()) {
        if (method.isAnnotationPresent(StatesDataSource.class)) {
          Object value =
              ReflectionSupport.invokeMethod(
                  method, Modifier.isStatic(method.getModifiers()) ? null : instance);
          return requireDataSource(value, method.toString(), fixture, ref);
        }
      }
    }
    throw new StateFixtureException(
        fixture.file(),
        0,
        "fixture "
            + Display.path(fixture.file())
            + " needs a database: give "
            + context.getRequiredTestClass().getSimpleName()
            + " a field or method annotated @StatesDataSource that returns a javax.sql.DataSource"
            + ref.where(),
        null);
  }

  private static DataSource requireDataSource(
      Object value, String member, StateFixture fixture, InteractionRef ref) {
    if (value instanceof DataSource dataSource) {
      return dataSource;
    }
    throw new StateFixtureException(
        fixture.file(),
        0,
        "@StatesDataSource "
            + member
            + " gave "
            + (value == null ? "null" : value.getClass().getName())
            + ", not a javax.sql.DataSource; fixture "
            + Display.path(fixture.file())
            + " cannot be applied"
            + ref.where(),
        null);
  }

  private static Connection connect(
      DataSource dataSource, StateFixture fixture, InteractionRef ref) {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw new StateFixtureException(
          fixture.file(),
          0,
          "fixture "
              + Display.path(fixture.file())
              + " cannot be applied: cannot connect to the database: "
              + e.getMessage()
              + ref.where(),
          e);
    }
  }
}
