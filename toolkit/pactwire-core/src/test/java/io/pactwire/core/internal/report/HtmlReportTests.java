package io.pactwire.core.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.testsupport.Golden;
import java.io.IOException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HtmlReportTests {

  @Test
  void rendersAsTheGoldenFileShows() throws IOException {
    Golden.assertMatches("mixed.html", HtmlReport.render(Runs.mixed("abc1234-dirty")));
  }

  @Nested
  class Top {

    @Test
    void countsPassedAndFailedBeforeAnyPact() {
      String html = HtmlReport.render(Runs.mixed("1.0.0"));

      assertThat(html)
          .contains(
              "<p class=\"counts\"><span class=\"pass\">2 passed</span>,"
                  + " <span class=\"fail\">1 failed</span></p>");
      assertThat(html.indexOf("class=\"counts\"")).isLessThan(html.indexOf("<h2>"));
    }

    @Test
    void saysWhenTheVersionWasBuiltFromUncommittedChanges() {
      assertThat(HtmlReport.render(Runs.mixed("abc1234-dirty")))
          .contains("version <code>abc1234-dirty</code> (built from uncommitted changes)");
      assertThat(HtmlReport.render(Runs.mixed("abc1234")))
          .contains("version <code>abc1234</code>, branch")
          .doesNotContain("uncommitted");
    }
  }

  @Nested
  class Order {

    @Test
    void pactsWithFailuresComeFirst() {
      String html = HtmlReport.render(Runs.mixed("1.0.0"));

      assertThat(html.indexOf("<h2>checkout-service</h2>"))
          .isLessThan(html.indexOf("<h2>catalog-indexer</h2>"));
    }

    @Test
    void withinAPactFailedInteractionsComeFirst() {
      String html = HtmlReport.render(Runs.mixed("1.0.0"));

      assertThat(html.indexOf("<h3>a request for the stock</h3>"))
          .isGreaterThan(0)
          .isLessThan(html.indexOf("<h3>a request for a product</h3>"));
    }
  }

  @Nested
  class Highlighting {

    @Test
    void marksOnlyTheLinesThatChanged() {
      String[] sides =
          HtmlReport.diffMessages(
              Runs.STOCK_RENAMED.exchange().expected(), Runs.STOCK_RENAMED.exchange().actual());

      assertThat(sides[0])
          .isEqualTo(
              """
              200

              {
                &quot;name&quot; : &quot;Beans&quot;,
                &quot;sku&quot; : &quot;SKU-1001&quot;,
              <span class="del">  &quot;stock&quot; : 12</span>
              }""");
      assertThat(sides[1])
          .isEqualTo(
              """
              200

              {
                &quot;name&quot; : &quot;Beans&quot;,
              <span class="ins">  &quot;quantityOnHand&quot; : 12,</span>
                &quot;sku&quot; : &quot;SKU-1001&quot;
              }""");
    }

    @Test
    void aChangedValueIsMarkedOnBothSides() {
      String[] sides = HtmlReport.diff(new String[] {"a", "b,"}, new String[] {"a", "c,"});

      assertThat(sides)
          .containsExactly("a\n<span class=\"del\">b,</span>", "a\n<span class=\"ins\">c,</span>");
    }
  }
}
