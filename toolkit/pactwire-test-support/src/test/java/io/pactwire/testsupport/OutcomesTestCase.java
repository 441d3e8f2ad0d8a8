package io.pactwire.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** One passing and one failing test, in a fixed order; run only by {@link EngineRunsTests}. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutcomesTestCase {

  @Test
  @Order(1)
  @DisplayName("b passes")
  void passes() {}

  @Test
  @Order(2)
  @DisplayName("a fails")
  void fails() {
    assertEquals(1, 2);
  }
}
