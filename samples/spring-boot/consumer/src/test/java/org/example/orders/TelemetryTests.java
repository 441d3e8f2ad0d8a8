package org.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * pact-jvm sends usage analytics unless pact_do_not_track is "true". This build's Surefire does not
 * set it: Pactwire does, before any test class loads, unless the build says otherwise (the sample
 * driver's second run passes -Dpact_do_not_track=false and expects it kept).
 */
class TelemetryTests {

  @Test
  void pactJvmAnalyticsAreOffUnlessTheBuildSaysOtherwise() {
    assertEquals(
        System.getProperty("sample.expectedDoNotTrack", "true"),
        System.getProperty("pact_do_not_track"));
  }
}
