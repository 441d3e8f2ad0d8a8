package io.pactwire.core.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.matchers.BodyMismatch;
import au.com.dius.pact.core.matchers.HeaderMismatch;
import au.com.dius.pact.core.support.json.JsonValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MismatchesTests {

  @Nested
  class Paths {

    @Test
    void aPlainKeyIsADottedChild() {
      assertThat(Mismatches.child("$", "stock")).isEqualTo("$.stock");
      assertThat(Mismatches.child("$.items[0]", "sku")).isEqualTo("$.items[0].sku");
    }

    @Test
    void anyOtherKeyIsQuotedInBrackets() {
      // spaces, dots and quotes would make the dotted form ambiguous
      assertThat(Mismatches.child("$", "on hand")).isEqualTo("$['on hand']");
      assertThat(Mismatches.child("$", "a.b")).isEqualTo("$['a.b']");
      assertThat(Mismatches.child("$", "it's")).isEqualTo("$['it\\'s']");
    }

    @Test
    void noParentPathMeansTheRoot() {
      assertThat(Mismatches.child("", "stock")).isEqualTo("$.stock");
    }
  }

  @Nested
  class Values {

    @Test
    void objectsShowTheirKeysSortedWhateverOrderTheyCameIn() {
      Map<String, Object> provider = new LinkedHashMap<>();
      provider.put("sku", "SKU-1");
      provider.put("price", new BigDecimal("24.90"));
      provider.put("name", "Beans");

      assertThat(Mismatches.text(provider))
          .isEqualTo("{\"name\":\"Beans\",\"price\":24.90,\"sku\":\"SKU-1\"}");
      assertThat(Mismatches.text(List.of(Map.of("b", 1, "a", 2)))).isEqualTo("[{\"a\":2,\"b\":1}]");
    }

    @Test
    void scalarsStayAsTheyAre() {
      assertThat(Mismatches.text(12)).isEqualTo("12");
      assertThat(Mismatches.text(null)).isNull();
    }
  }

  // a provider's session cookie or issued token would otherwise reach every report and history
  @Nested
  class Credentials {

    @Test
    void aSecretHeaderShowsWhereItDiffersWithNeitherValue() {
      Difference d =
          Mismatches.differences(
                  List.of(
                      new HeaderMismatch(
                          "Set-Cookie",
                          "sid=example",
                          "sid=LIVE-SESSION-abc123",
                          "Expected header 'Set-Cookie' to have value 'sid=example' but was"
                              + " 'sid=LIVE-SESSION-abc123'")))
              .get(0);

      assertThat(d)
          .isEqualTo(
              new Difference(
                  "header",
                  "Set-Cookie",
                  "<redacted>",
                  "<redacted>",
                  "Expected header 'Set-Cookie' to have value '<redacted>' but was '<redacted>'"));
    }

    @Test
    void aMissingSecretHeaderStillReadsAsMissing() {
      Difference d =
          Mismatches.differences(
                  List.of(
                      new HeaderMismatch(
                          "X-Session-Token",
                          "abc123-token",
                          "",
                          "Expected a header 'X-Session-Token' but was missing")))
              .get(0);

      assertThat(d.expected()).isEqualTo("<redacted>");
      assertThat(d.actual()).isEmpty();
      assertThat(d.mismatch()).isEqualTo("Expected a header 'X-Session-Token' but was missing");
    }

    @Test
    void anotherHeaderKeepsItsValues() {
      Difference d =
          Mismatches.differences(
                  List.of(
                      new HeaderMismatch(
                          "X-Token-Expires-In", "3600", "60", "Expected '3600' but was '60'")))
              .get(0);

      assertThat(d.expected()).isEqualTo("3600");
      assertThat(d.actual()).isEqualTo("60");
    }

    @Test
    void aBodyFieldNamedAsACredentialShowsNeitherValue() {
      Difference d =
          Mismatches.differences(
                  List.of(
                      new BodyMismatch(
                          new JsonValue.StringValue("example-token"),
                          new JsonValue.StringValue("LIVE-issued-789"),
                          "Expected 'LIVE-issued-789' (String) to be equal to 'example-token'"
                              + " (String)",
                          "$.session.access_token",
                          null)))
              .get(0);

      // as JSON text, so that a field that changed type still shows it
      assertThat(d.expected()).isEqualTo("\"<redacted>\"");
      assertThat(d.actual()).isEqualTo("\"<redacted>\"");
      assertThat(d.mismatch())
          .isEqualTo("Expected '<redacted>' (String) to be equal to '<redacted>' (String)");
      assertThat(d.path()).isEqualTo("$.session.access_token");
    }

    @Test
    void anItemOfACredentialsArrayAndShortNumbersShowNeitherValue() {
      Difference d =
          Mismatches.differences(
                  List.of(
                      new BodyMismatch(
                          new JsonValue.Integer(1234),
                          new JsonValue.Integer(98765),
                          "Expected 98765 (Integer) to be equal to 1234 (Integer)",
                          "$.pins[0]",
                          null)))
              .get(0);
      Difference e =
          Mismatches.differences(
                  List.of(
                      new BodyMismatch(
                          new JsonValue.StringValue("pw1aaaaa"),
                          new JsonValue.StringValue("pw2bbbbbb"),
                          "Expected 'pw2bbbbbb' (String) to be equal to 'pw1aaaaa' (String)",
                          "$.password[0]",
                          null)))
              .get(0);

      // "pins" names no credential: its numbers stay
      assertThat(d.actual()).isEqualTo("98765");
      assertThat(e.expected()).isEqualTo("\"<redacted>\"");
      assertThat(e.mismatch())
          .isEqualTo("Expected '<redacted>' (String) to be equal to '<redacted>' (String)");
    }

    @Test
    void credentialsInsideTheObjectsComparedAtAParentAreRedacted() {
      JsonValue.Object expected = new JsonValue.Object();
      expected.add("access_token", new JsonValue.StringValue("expectedTOKEN1"));
      expected.add("pin", new JsonValue.Integer(12));
      Difference d =
          Mismatches.differences(
                  List.of(
                      new BodyMismatch(
                          expected,
                          new JsonValue.StringValue("none"),
                          "Type mismatch: Expected String 'none' to be an object",
                          "$.auth",
                          null)))
              .get(0);

      assertThat(d.expected()).isEqualTo("{\"access_token\":\"<redacted>\",\"pin\":12}");
      assertThat(d.actual()).isEqualTo("\"none\"");
    }

    // pact-jvm's form matcher gives the parameter and its value as the values compared
    @Test
    void aFormParameterNamedAsACredentialShowsNeitherValue() {
      Difference d =
          Mismatches.differences(
                  List.of(
                      new BodyMismatch(
                          "access_token=x",
                          "access_token=ISSUED-FORM-1",
                          "Expected form post parameter 'access_token'[0] with value 'x' but was"
                              + " 'ISSUED-FORM-1'",
                          "/",
                          null)))
              .get(0);

      assertThat(d.expected()).isEqualTo("access_token=<redacted>");
      assertThat(d.actual()).isEqualTo("access_token=<redacted>");
      assertThat(d.mismatch()).doesNotContain("ISSUED-FORM-1");
    }

    @Test
    void aSecretValueOfAnotherTypeShowsItsType() {
      Difference d =
          Mismatches.differences(
                  List.of(
                      new BodyMismatch(
                          new JsonValue.StringValue("abc"),
                          JsonValue.Null.INSTANCE,
                          "Expected null (Null) to be equal to 'abc' (String)",
                          "$.session_token",
                          null)))
              .get(0);

      assertThat(d.expected()).isEqualTo("\"<redacted>\"");
      assertThat(d.actual()).isEqualTo("null");
      assertThat(d.mismatch())
          .isEqualTo("Expected null (Null) to be equal to '<redacted>' (String)");
    }
  }
}
