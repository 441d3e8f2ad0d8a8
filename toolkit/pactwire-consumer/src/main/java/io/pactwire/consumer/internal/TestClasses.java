package io.pactwire.consumer.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestTemplate;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The test methods of a class as JUnit finds them, and whether a test named in a pact ({@code
 * comments.testname}, {@code com.x.FooTests#method}) still exists.
 *
 * <p>A test class that cannot be loaded is only taken as deleted when its package is a folder of a
 * test root this JVM ran capturing tests from: another build (a Maven module with its own test
 * classes) may write into the same pact, and its classes are not on this classpath.
 */
public final class TestClasses {

  // Folders holding the classes of tests that ran in this JVM (target/test-classes): capturing
  // tests, and every test class that ran (DslPactPruning).
  private static final Set<Path> ROOTS = ConcurrentHashMap.newKeySet();
  private static final Map<Class<?>, Set<Method>> METHODS = new ConcurrentHashMap<>();

  private TestClasses() {}

  /** Notes the folder {@code testClass} was loaded from, as one of this JVM's test roots. */
  public static void noteRoot(Class<?> testClass) {
    CodeSource source = testClass.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return;
    }
    try {
      Path root = Path.of(source.getLocation().toURI());
      if (Files.isDirectory(root)) {
        ROOTS.add(root.toAbsolutePath().normalize());
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      // Not a folder on this file system (a jar in a jar, say): no root, nothing pruned by it.
    }
  }

  /**
   * The methods JUnit Jupiter runs as tests in {@code testClass}, inherited ones included: those
   * annotated, directly or through a meta-annotation, with {@code @Test}, {@code @TestTemplate}
   * ({@code @ParameterizedTest}, {@code @RepeatedTest}) or {@code @TestFactory}, and neither
   * static, private nor abstract. Not those of its {@code @Nested} classes: their tests are named
   * by the nested class.
   */
  public static Set<Method> testMethods(Class<?> testClass) {
    return METHODS.computeIfAbsent(
        testClass,
        c ->
            ReflectionSupport.findMethods(
                    c, TestClasses::isTestMethod, HierarchyTraversalMode.TOP_DOWN)
                .stream()
                .collect(Collectors.toUnmodifiableSet()));
  }

  private static boolean isTestMethod(Method method) {
    int modifiers = method.getModifiers();
    if (Modifier.isStatic(modifiers)
        || Modifier.isPrivate(modifiers)
        || Modifier.isAbstract(modifiers)) {
      return false;
    }
    return AnnotationSupport.isAnnotated(method, Test.class)
        || AnnotationSupport.isAnnotated(method, TestTemplate.class)
        || AnnotationSupport.isAnnotated(method, TestFactory.class);
  }

  /** The class part of a test name ({@code com.x.FooTests} of {@code com.x.FooTests#m}), or "". */
  public static String className(String testName) {
    int hash = testName.indexOf('#');
    return hash <= 0 ? "" : testName.substring(0, hash);
  }

  /**
   * Whether the test {@code testName} names is gone: its class cannot be loaded by {@code loader}
   * and its package is one of this JVM's test roots, or the class has no test method of that name.
   * A name that is not {@code class#method} (empty, written by hand or by another tool) is never
   * gone.
   */
  public static boolean isGone(String testName, ClassLoader loader) {
    String className = className(testName);
    String method = testName.substring(testName.indexOf('#') + 1);
    if (className.isEmpty() || !isIdentifier(method)) {
      return false;
    }
    Class<?> testClass;
    try {
      testClass = Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return packageIsOurs(className);
    }
    return testMethods(testClass).stream().noneMatch(m -> m.getName().equals(method));
  }

  private static boolean packageIsOurs(String className) {
    int dot = className.lastIndexOf('.');
    if (dot <= 0) {
      // The default package is every root's top folder: it tells nothing.
      return false;
    }
    String folder = className.substring(0, dot).replace('.', '/');
    return ROOTS.stream().anyMatch(root -> Files.isDirectory(root.resolve(folder)));
  }

  private static boolean isIdentifier(String name) {
    if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
      return false;
    }
    return name.chars().skip(1).allMatch(Character::isJavaIdentifierPart);
  }
}
