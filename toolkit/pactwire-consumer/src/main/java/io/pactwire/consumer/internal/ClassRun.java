package io.pactwire.consumer.internal;

import io.pactwire.core.ContractId;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run of a test class in this JVM, kept in the class's JUnit store and closed with it: which of
 * its tests passed, which pacts they wrote, and, when every test the class declares ran and passed,
 * the pruning of the interactions attributed to the class that this run did not record. A run that
 * skipped, filtered out or failed any test prunes nothing.
 */
public final class ClassRun implements AutoCloseable {

  // By pact file, then key: the tests that recorded the interaction in this JVM. A class's entries
  // are forgotten when it starts again, so they are always its latest run's.
  private static final Map<Path, Map<String, Set<String>>> RECORDERS = new ConcurrentHashMap<>();

  private final Class<?> testClass;
  private final String className;
  private final Set<Method> passed = ConcurrentHashMap.newKeySet();
  private final Map<Path, ContractId> pacts = new ConcurrentHashMap<>();
  private volatile boolean failed;

  /** Starts a run of {@code testClass}, forgetting what its earlier runs in this JVM recorded. */
  public ClassRun(Class<?> testClass) {
    this.testClass = testClass;
    this.className = testClass.getName();
    TestClasses.noteRoot(testClass);
    RECORDERS
        .values()
        .forEach(
            byKey ->
                byKey
                    .values()
                    .forEach(
                        tests -> tests.removeIf(t -> TestClasses.className(t).equals(className))));
  }

  /** A test of the class uses an extension that merges into {@code file}. */
  public void uses(Path file, ContractId contract) {
    pacts.putIfAbsent(normal(file), contract);
  }

  /** {@code testName} recorded the interactions of {@code keys} into {@code file}. */
  public void recorded(Path file, Collection<String> keys, String testName) {
    Map<String, Set<String>> byKey =
        RECORDERS.computeIfAbsent(normal(file), f -> new ConcurrentHashMap<>());
    keys.forEach(
        key -> byKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(testName));
  }

  /** A test method (or one invocation of it) of the class finished. */
  public void finished(Method method, boolean succeeded) {
    if (succeeded) {
      passed.add(method);
    } else {
      failed = true;
    }
  }

  /** Whether every test method the class declares ran, and every test passed. */
  public boolean complete() {
    return !failed && passed.containsAll(TestClasses.testMethods(testClass));
  }

  /** The pruning of what the class no longer records in {@code file}, for {@link PactWriter}. */
  PactWriter.Pruning pruning(Path file) {
    Map<String, Set<String>> byKey = RECORDERS.getOrDefault(normal(file), Map.of());
    Map<String, Set<String>> snapshot = new ConcurrentHashMap<>();
    byKey.forEach((key, tests) -> snapshot.put(key, Set.copyOf(tests)));
    return new PactWriter.Pruning(isGone(testClass.getClassLoader()), className, snapshot);
  }

  /** Whether a test named in a pact is gone, for pruning at every merge. */
  public static java.util.function.Predicate<String> isGone(ClassLoader loader) {
    return testName -> TestClasses.isGone(testName, loader);
  }

  /** At the class's end: prunes each pact it wrote when the run was complete. */
  @Override
  public void close() {
    if (!complete()) {
      return;
    }
    pacts.forEach((file, contract) -> PactWriter.merge(file, contract, List.of(), pruning(file)));
  }

  private static Path normal(Path file) {
    return file.toAbsolutePath().normalize();
  }
}
