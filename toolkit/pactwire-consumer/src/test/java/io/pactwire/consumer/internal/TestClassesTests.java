package io.pactwire.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.consumer.testcases.TestMethodsTestCase;
import io.pactwire.testsupport.EngineRuns;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;

class TestClassesTests {

  @BeforeAll
  static void theseTestClassesAreARoot() {
    TestClasses.noteRoot(TestClassesTests.class);
  }

  @Test
  void findsTheTestMethodsJUnitRunsIncludingMetaAnnotatedAndInheritedOnes() {
    assertThat(TestClasses.testMethods(TestMethodsTestCase.class))
        .extracting(Method::getName)
        .containsExactlyInAnyOrder(
            "inherited", "plain", "parameterized", "repeated", "factory", "metaAnnotated");
  }

  @Test
  void findsTheMethodsJUnitItselfRuns() {
    Set<Method> ran = new HashSet<>();
    EngineRuns.run(TestMethodsTestCase.class).allEvents().started().stream()
        .map(event -> event.getTestDescriptor().getSource())
        .flatMap(Optional::stream)
        .filter(MethodSource.class::isInstance)
        .map(source -> ((MethodSource) source).getJavaMethod())
        .filter(method -> method.getDeclaringClass() != TestMethodsTestCase.Inner.class)
        .forEach(ran::add);

    assertThat(TestClasses.testMethods(TestMethodsTestCase.class)).isEqualTo(ran);
  }

  @Test
  void readsTheClassOfATestName() {
    assertThat(TestClasses.className("com.x.FooTests#m")).isEqualTo("com.x.FooTests");
    assertThat(TestClasses.className("com.x.FooTests$Inner#m")).isEqualTo("com.x.FooTests$Inner");
    assertThat(TestClasses.className("com.x.FooTests.m(Message)")).isEmpty();
    assertThat(TestClasses.className("")).isEmpty();
  }

  @Test
  void takesAMissingMethodOrAMissingClassOfOurPackageAsGone() {
    ClassLoader loader = getClass().getClassLoader();
    String example = TestMethodsTestCase.class.getName();

    assertThat(TestClasses.isGone(example + "#plain", loader)).isFalse();
    assertThat(TestClasses.isGone(example + "#inherited", loader)).isFalse();
    assertThat(
            TestClasses.isGone(TestMethodsTestCase.Inner.class.getName() + "#nestedTest", loader))
        .isFalse();
    // A method that is there but no test, and one that is not there at all.
    assertThat(TestClasses.isGone(example + "#helper", loader)).isTrue();
    assertThat(TestClasses.isGone(example + "#deleted", loader)).isTrue();
    assertThat(TestClasses.isGone("io.pactwire.consumer.internal.DeletedTests#m", loader)).isTrue();
  }

  @Test
  void keepsWhatItCannotTellIsGone() {
    ClassLoader loader = getClass().getClassLoader();

    for (String testName :
        List.of(
            // Another build's class: its package is none of this JVM's test folders.
            "com.example.elsewhere.StockClientTests#readsStock",
            // The default package is every folder's top: nothing to tell by.
            "DeletedTests#m",
            // Not class#method: a display name, another tool's, a person's.
            TestMethodsTestCase.class.getName() + "#[1] a",
            "com.x.FooTests.m(Message)",
            "")) {
      assertThat(TestClasses.isGone(testName, loader)).as(testName).isFalse();
    }
  }
}
