package io.pactwire.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JunitXmlTests {

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static JunitXml.Suite suiteOf(JunitXml.Case... cases) {
    return new JunitXml.Suite("suite", null, null, List.of(cases));
  }

  @Nested
  class Layout {

    @Test
    void suitesHoldCountsPropertiesAndOneTestcasePerCase() {
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("provider", "inventory-service");
      properties.put("pact.file", null);
      String xml =
          JunitXml.suites(
              "pact verification",
              List.of(
                  new JunitXml.Suite(
                      "checkout-service -> inventory-service",
                      "2026-01-02T03:04:05Z",
                      properties,
                      List.of(
                          JunitXml.Case.passed("c", "passes"),
                          new JunitXml.Case(
                              "c",
                              "fails",
                              Duration.ofMillis(1500),
                              new JunitXml.Failed("one line", "pact verification", "two\nlines"),
                              null),
                          new JunitXml.Case(
                              "c", "skips", null, new JunitXml.Skipped("not today"), "out")))));

      assertThat(xml)
          .isEqualTo(
              """
              <?xml version="1.0" encoding="UTF-8"?>
              <testsuites name="pact verification" tests="3" failures="1" errors="0" skipped="1">
                <testsuite name="checkout-service -&gt; inventory-service" tests="3" failures="1" \
              errors="0" skipped="1" timestamp="2026-01-02T03:04:05Z">
                  <properties>
                    <property name="provider" value="inventory-service"/>
                    <property name="pact.file" value=""/>
                  </properties>
                  <testcase classname="c" name="passes"/>
                  <testcase classname="c" name="fails" time="1.500">
                    <failure message="one line" type="pact verification">two
              lines</failure>
                  </testcase>
                  <testcase classname="c" name="skips">
                    <skipped message="not today"/>
                    <system-out>out</system-out>
                  </testcase>
                </testsuite>
              </testsuites>
              """);
    }

    @Test
    void oneSuiteCanBeTheRoot() {
      String xml = JunitXml.suite(suiteOf(JunitXml.Case.passed("c", "n")));

      assertThat(xml)
          .isEqualTo(
              """
              <?xml version="1.0" encoding="UTF-8"?>
              <testsuite name="suite" tests="1" failures="0" errors="0" skipped="0">
                <testcase classname="c" name="n"/>
              </testsuite>
              """);
    }
  }

  @Nested
  class Escaping {

    // Each name must come back unchanged from an XML parser, in attributes and in text.
    @ParameterizedTest
    @ValueSource(
        strings = {
          "a \"quoted\" 'name'",
          "<script>alert(1)</script>",
          "fish & chips &amp; &#10;",
          "ends a CDATA section ]]> here",
          "emoji 🍩 and ünïcödé",
          "backslash \\u0000 written by a person"
        })
    void nastyNamesSurviveARoundTrip(String name) throws Exception {
      String xml =
          JunitXml.suite(
              suiteOf(
                  new JunitXml.Case(
                      name,
                      name,
                      null,
                      new JunitXml.Failed(name, name, name + "\n" + name),
                      null)));

      Element testcase = (Element) parse(xml).getElementsByTagName("testcase").item(0);
      Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
      assertThat(testcase.getAttribute("classname")).isEqualTo(name);
      assertThat(testcase.getAttribute("name")).isEqualTo(name);
      assertThat(failure.getAttribute("message")).isEqualTo(name);
      assertThat(failure.getAttribute("type")).isEqualTo(name);
      assertThat(failure.getTextContent()).isEqualTo(name + "\n" + name);
    }

    @Test
    void charactersXmlCannotHoldBecomeVisibleEscapes() throws Exception {
      String name = "nul\u0000 bell\u0007 esc\u001b ffff\uffff lone\ud800 tab\tok";

      String xml =
          JunitXml.suite(
              suiteOf(
                  new JunitXml.Case(
                      "c", name, null, new JunitXml.Failed(name, "t", "text " + name), null)));

      String shown = "nul\\u0000 bell\\u0007 esc\\u001b ffff\\uffff lone\\ud800 tab\tok";
      assertThat(xml).doesNotContain("\u0000", "\u0007", "\u001b", "\uffff");
      Element testcase = (Element) parse(xml).getElementsByTagName("testcase").item(0);
      // attribute-value normalisation turns the tab into a space; the text keeps it
      assertThat(testcase.getAttribute("name")).isEqualTo(shown.replace('\t', ' '));
      assertThat(testcase.getElementsByTagName("failure").item(0).getTextContent())
          .isEqualTo("text " + shown);
    }

    @Test
    void textThatNeedsNoCleaningIsTheSameString() {
      String plain = "a request for a product 🍩";

      assertThat(JunitXml.clean(plain)).isSameAs(plain);
    }
  }
}
