package io.pactwire.evolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.pactwire.evolve.UsageReport.Use;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How a usage report orders its uses and writes its text. */
class UsageReportTests {

  static UsageReport report(List<Use> uses) {
    return new UsageReport("inventory-service", 1, uses.size(), null, uses, List.of(), List.of());
  }

  @Test
  void ordersUsesByEndpointPartFieldConsumerAndInteractionKeepingEqualUsesInTheirOrder() {
    List<Use> uses = new ArrayList<>();
    Random random = new Random(7);
    String[] endpoints = {"GET /products/{sku}", "GET /products", "message \"a StockChanged\""};
    String[] parts = {"request", "response 200", "response 404"};
    String[] fields = {"body $.price", "body $.items[*].sku", "header content-type", "body $.sku"};
    String[] consumers = {"web-shop", "checkout", "café-app"};
    for (int i = 0; i < 400; i++) {
      uses.add(
          new Use(
              endpoints[random.nextInt(endpoints.length)],
              parts[random.nextInt(parts.length)],
              fields[random.nextInt(fields.length)],
              // new strings, equal to earlier ones but not the same objects
              new String(consumers[random.nextInt(consumers.length)]),
              "interaction " + random.nextInt(20),
              "matcher " + i,
              "pact " + i));
    }
    List<Use> expected = new ArrayList<>(uses);
    // List.sort is stable: uses equal but for matcher and pact stay in the order given
    expected.sort(
        Comparator.comparing(Use::endpoint)
            .thenComparing(Use::part)
            .thenComparing(Use::field)
            .thenComparing(Use::consumer)
            .thenComparing(Use::interaction));

    assertThat(report(uses).uses()).containsExactlyElementsOf(expected);
    Collections.reverse(uses);
    Collections.reverse(expected);
    expected.sort(
        Comparator.comparing(Use::endpoint)
            .thenComparing(Use::part)
            .thenComparing(Use::field)
            .thenComparing(Use::consumer)
            .thenComparing(Use::interaction));
    assertThat(report(uses).uses()).containsExactlyElementsOf(expected);
  }

  // a lone surrogate, which a pact's "\ud800" reads as, has no UTF-8 form: both texts say ?
  @Test
  void writesALoneSurrogateAsAQuestionMarkInBothTexts() {
    UsageReport report =
        report(
            List.of(
                new Use(
                    "GET /a",
                    "response 200",
                    "body $.a",
                    "web-shop",
                    "half \uD800 a pair",
                    "type",
                    "web-shop.json")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    report.text(out);

    assertThat(report.text()).contains("\"half ? a pair\" (type)");
    assertThat(out.toByteArray()).isEqualTo(report.text().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void refusesAUseWithoutAComponent() {
    assertThatNullPointerException()
        .isThrownBy(() -> new Use("GET /a", "request", "body $.a", null, "i", "type", "p.json"))
        .withMessage("consumer");
  }

  @Test
  void writesTheTextAsUtf8BytesWithColumnsCountedInCharacters() {
    UsageReport report =
        report(
            List.of(
                new Use(
                    "GET /produits/{sku}",
                    "response 200",
                    "body $.prix€",
                    "café-app",
                    "un produit à 5 €",
                    "equality",
                    "café-app.json"),
                new Use(
                    "GET /produits/{sku}",
                    "response 200",
                    "body $.prix€",
                    "web-shop",
                    "a product",
                    "type",
                    "web-shop.json")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    report.text(out);

    assertThat(out.toByteArray()).isEqualTo(report.text().getBytes(StandardCharsets.UTF_8));
    assertThat(report.text())
        .isEqualTo(
            """
            inventory-service: 1 field used by 2 consumers (2 interactions in 1 pact)

            GET /produits/{sku}
              response 200
                body $.prix€                 café-app "un produit à 5 €" (equality)
                                             web-shop "a product" (type)
            """);
  }
}
