package io.pactwire.consumer.testcases;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way of declaring a test method, and some that look like one but are not. */
public class TestMethodsTestCase extends TestMethodsBase {

  /** A company's own test annotation. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @Test
  public @interface ContractTest {}

  @Test
  void plain() {}

  @ParameterizedTest
  @ValueSource(strings = {"a", "b"})
  void parameterized(String a) {}

  @RepeatedTest(2)
  void repeated() {}

  @TestFactory
  Stream<DynamicTest> factory() {
    return Stream.of(DynamicTest.dynamicTest("dynamic", () -> {}));
  }

  @ContractTest
  void metaAnnotated() {}

  // Method annotations are not inherited: JUnit runs this as no test.
  @Override
  void overriddenWithoutTest() {}

  void helper() {}

  /** Its tests are the nested class's. */
  @Nested
  public class Inner {
    @Test
    void nestedTest() {}
  }
}

/** Tests to inherit. */
abstract class TestMethodsBase {
  @Test
  void inherited() {}

  @Test
  void overriddenWithoutTest() {}
}
