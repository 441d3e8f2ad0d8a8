package io.pactwire.evolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactwire.core.PactsDirectory;
import io.pactwire.openapi.Finding;
import io.pactwire.testsupport.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference system's contracts with inventory-service: what renaming {@code stock} in its
 * OpenAPI document would break, and which fields its consumers read.
 */
class ReferenceSystemTests {

  static final Path PACTS = PactsDirectory.locate();
  static final Path SPEC = PACTS.resolveSibling("provider/inventory-service/api/openapi.yaml");

  @TempDir Path dir;

  /** The report with this machine's folders replaced, so that golden files hold no paths. */
  String portable(String report) {
    return report
        .replace(PACTS.toString(), "pacts")
        .replace(SPEC.toString(), "openapi.yaml")
        .replace(dir.toString(), "TMP");
  }

  Path specWith(String from, String to) throws IOException {
    String text = Files.readString(SPEC);
    assertThat(text).contains(from);
    return Files.writeString(dir.resolve("openapi.yaml"), text.replace(from, to));
  }

  @Nested
  class Impact {

    @Test
    void renamingStockBreaksCheckoutServicesProductRequestAndNothingOfCatalogIndexer()
        throws IOException {
      Path renamed =
          specWith(
              "required: [sku, name, price, stock]\n      properties:\n        sku:\n          type: string\n        name:\n          type: string\n        price:\n          type: number\n          description: The unit price, two decimals.\n        stock:",
              "required: [sku, name, price, quantityOnHand]\n      properties:\n        sku:\n          type: string\n        name:\n          type: string\n        price:\n          type: number\n          description: The unit price, two decimals.\n        quantityOnHand:");

      ImpactReport report =
          SpecImpact.newInstance()
              .pacts(PACTS)
              .provider("inventory-service")
              .spec(renamed)
              .baseSpec(SPEC)
              .build();

      assertThat(report.breaks()).isTrue();
      assertThat(report.pacts()).isEqualTo(2);
      // catalog-indexer's one interaction is the StockChanged message, which reads `available`
      // and which an OpenAPI document does not describe
      assertThat(report.consumers())
          .extracting(ImpactReport.ConsumerImpact::consumer)
          .containsExactly("checkout-service");
      assertThat(report.consumers().get(0).byInteraction())
          .containsOnlyKeys("a request for a product");
      assertThat(report.consumers().get(0).findings())
          .extracting(Finding::code)
          .containsOnly("response.body.incompatible");
      Golden.assertMatches("impact/rename-stock.txt", portable(report.text()));
      Golden.assertMatches("impact/rename-stock.md", portable(report.markdown()));
      Golden.assertMatches("impact/rename-stock.json", portable(report.json()));
    }

    // a misspelt provider would pass the gate with no pact checked and so no finding
    @Test
    void aProviderNoPactNamesIsRefused() throws IOException {
      Path renamed = specWith("        stock:\n", "        stok:\n");

      assertThatThrownBy(
              () ->
                  SpecImpact.newInstance()
                      .pacts(PACTS)
                      .provider("inventory-servce")
                      .spec(renamed)
                      .build())
          .isInstanceOf(EvolveException.class)
          .hasMessageStartingWith("no pact with provider 'inventory-servce' in " + PACTS + " (")
          .hasMessageContaining("inventory-service");
    }

    @Test
    void theSpecInUseBreaksNoConsumer() {
      ImpactReport report =
          SpecImpact.newInstance().pacts(PACTS).provider("inventory-service").spec(SPEC).build();

      assertThat(report.consumers()).isEmpty();
      assertThat(report.breaks()).isFalse();
      assertThat(report.text()).endsWith("no new findings in 2 pacts with inventory-service\n");
    }

    @Test
    void aMalformedSpecIsOneLine() throws IOException {
      Path bad = Files.writeString(dir.resolve("bad.yaml"), "openapi: 3.0.3\npaths: [\n");

      assertThatThrownBy(
              () ->
                  SpecImpact.newInstance()
                      .pacts(PACTS)
                      .provider("inventory-service")
                      .spec(bad)
                      .build())
          .isInstanceOf(EvolveException.class)
          .hasMessageStartingWith(bad + ":")
          .hasMessageNotContaining("\n");
    }
  }

  @Nested
  class Usage {

    @Test
    void everyFieldWithItsConsumersAndWhatTheSpecServesThatNoConsumerReads() throws IOException {
      Path spec =
          specWith(
              "        stock:\n", "        warehouse:\n          type: string\n        stock:\n");

      UsageReport report =
          FieldUsage.newInstance().pacts(PACTS).provider("inventory-service").openApi(spec).build();

      assertThat(report.consumers()).containsExactly("catalog-indexer", "checkout-service");
      assertThat(report.unread())
          .contains(
              new UsageReport.Unread("GET /products/{sku}", "response 200", "body $.warehouse"))
          .noneMatch(u -> u.field().equals("body $.stock"));
      assertThat(report.uncalled())
          .containsExactly("DELETE /reservations/{id}", "GET /reservations/{id}");
      Golden.assertMatches("usage/inventory-service.txt", portable(report.text()));
      Golden.assertMatches("usage/inventory-service.md", portable(report.markdown()));
      Golden.assertMatches("usage/inventory-service.json", portable(report.json()));
    }

    // read from the pacts, then from the cache the first run wrote: the same report each time
    @Test
    void theReportIsTheSameWithTheCacheWrittenAndReadBack() throws IOException {
      Path spec =
          specWith(
              "        stock:\n", "        warehouse:\n          type: string\n        stock:\n");
      UsageReport expected =
          FieldUsage.newInstance().pacts(PACTS).provider("inventory-service").openApi(spec).build();

      for (int run = 0; run < 2; run++) {
        UsageReport cached =
            FieldUsage.newInstance()
                .pacts(PACTS)
                .provider("inventory-service")
                .openApi(spec)
                .cache(dir.resolve("cache"))
                .build();
        assertThat(cached).isEqualTo(expected);
        assertThat(cached.text()).isEqualTo(expected.text());
      }
      try (var entries = Files.list(dir.resolve("cache"))) {
        assertThat(entries.count())
            .isEqualTo(io.pactwire.evolve.internal.ContractStore.files(PACTS).size());
      }
    }

    @Test
    void oneFieldOfOneEndpoint() {
      UsageReport stock =
          FieldUsage.newInstance()
              .pacts(PACTS)
              .provider("inventory-service")
              .path("/products/{sku}")
              .field("$.stock")
              .build();
      UsageReport available =
          FieldUsage.newInstance()
              .pacts(PACTS)
              .provider("inventory-service")
              .field("$.available")
              .build();

      assertThat(stock.uses())
          .extracting(
              UsageReport.Use::consumer, UsageReport.Use::interaction, UsageReport.Use::matcher)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "checkout-service", "a request for a product", "integer"));
      assertThat(available.uses())
          .extracting(UsageReport.Use::consumer, UsageReport.Use::endpoint)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "catalog-indexer", "message \"a StockChanged event\""));
    }

    // an empty report would say that nothing on a mistyped path is used
    @Test
    void aPathNoInteractionIsOnIsRefusedNamingThePathsThatAre() throws IOException {
      Path spec =
          specWith(
              "  /reservations:\n",
              "  /health:\n    get:\n      responses:\n        '200':\n          description: up\n"
                  + "  /reservations:\n");

      var unknown =
          org.assertj.core.api.Assertions.catchThrowable(
              () ->
                  FieldUsage.newInstance()
                      .pacts(PACTS)
                      .provider("inventory-service")
                      .path("/product/{sku}")
                      .build());
      // a path of the document that no consumer calls is a question with an answer
      UsageReport uncalled =
          FieldUsage.newInstance()
              .pacts(PACTS)
              .provider("inventory-service")
              .openApi(spec)
              .path("/health")
              .build();

      assertThat(unknown)
          .isInstanceOf(EvolveException.class)
          .hasMessageStartingWith(
              "--path '/product/{sku}': no interaction of the pacts with provider"
                  + " 'inventory-service' is on it; their paths and messages: ")
          .hasMessageContaining("/products/")
          .hasMessageContaining("\"a StockChanged event\"");
      assertThat(uncalled.uses()).isEmpty();
      assertThat(uncalled.uncalled()).containsExactly("GET /health");
      // a concrete path of one of the document's templates, which no interaction is on
      assertThat(
              FieldUsage.newInstance()
                  .pacts(PACTS)
                  .provider("inventory-service")
                  .openApi(spec)
                  .path("/reservations/R-NONE")
                  .build()
                  .uses())
          .isEmpty();
    }

    // "can I drop this field?" asked of one field and one endpoint: the same answer as the whole
    // report gives, a property no consumer reads is listed, one they read is not
    @Test
    void anUnreadFieldAskedForByItselfIsListedAsUnread() throws IOException {
      Path spec =
          specWith(
              "        stock:\n", "        warehouse:\n          type: string\n        stock:\n");

      UsageReport warehouse =
          FieldUsage.newInstance()
              .pacts(PACTS)
              .provider("inventory-service")
              .openApi(spec)
              .path("/products/{sku}")
              .field("$.warehouse")
              .build();
      UsageReport stock =
          FieldUsage.newInstance()
              .pacts(PACTS)
              .provider("inventory-service")
              .openApi(spec)
              .field("$.stock")
              .build();

      assertThat(warehouse.uses()).isEmpty();
      // a field neither the pacts nor the document has: refused, not reported as unused
      assertThatThrownBy(
              () ->
                  FieldUsage.newInstance()
                      .pacts(PACTS)
                      .provider("inventory-service")
                      .field("$.stok")
                      .build())
          .isInstanceOf(EvolveException.class)
          .hasMessage(
              "--field '$.stok': no interaction of the pacts with provider 'inventory-service' has"
                  + " it");
      assertThat(warehouse.unread())
          .containsExactly(
              new UsageReport.Unread("GET /products/{sku}", "response 200", "body $.warehouse"));
      assertThat(stock.uses()).isNotEmpty();
      assertThat(stock.unread()).noneMatch(u -> u.field().equals("body $.stock"));
    }

    // a server URL's path (its variables at their defaults) prefixes the requests' paths, or
    // endpoints in use would be listed as safe to remove
    @Test
    void aServerUrlsPathPrefixesTheRequestsPaths() throws IOException {
      Path spec =
          Files.writeString(
              dir.resolve("shop.yaml"),
              """
              openapi: 3.0.3
              info: {title: shop, version: "1"}
              servers:
                - url: "https://api.example.com/{version}"
                  variables: {version: {default: v1}}
              paths:
                /orders/{id}:
                  get:
                    responses:
                      "200":
                        description: an order
                        content:
                          application/json:
                            schema:
                              type: object
                              properties: {id: {type: string}, total: {type: number}}
              """);
      Path pacts = Files.createDirectories(dir.resolve("pacts"));
      Files.writeString(
          pacts.resolve("web-shop.json"),
          """
          {"consumer": {"name": "web"}, "provider": {"name": "shop"},
           "interactions": [{"description": "an order",
             "request": {"method": "GET", "path": "/v1/orders/42"},
             "response": {"status": 200, "body": {"id": "42"}}}],
           "metadata": {"pactSpecification": {"version": "3.0.0"}}}
          """);

      UsageReport report =
          FieldUsage.newInstance().pacts(pacts).provider("shop").openApi(spec).build();

      assertThat(report.uncalled()).isEmpty();
      assertThat(report.uses()).extracting(UsageReport.Use::endpoint).contains("GET /orders/{id}");
      assertThat(report.unread())
          .containsExactly(
              new UsageReport.Unread("GET /orders/{id}", "response 200", "body $.total"));
    }

    // a field asked for as a pact's rules write it, or with an item's index, is the same field
    @Test
    void aFieldInBracketsOrWithAnIndexIsTheFieldAndNoPathIsRefused() throws IOException {
      FieldUsage.Builder usage =
          FieldUsage.newInstance().pacts(PACTS).provider("inventory-service");
      UsageReport dotted = usage.field("$.stock").build();
      Path pacts = Files.createDirectories(dir.resolve("pacts"));
      Files.writeString(
          pacts.resolve("web-shop.json"),
          """
          {"consumer": {"name": "web"}, "provider": {"name": "shop"},
           "interactions": [{"description": "a cart", "request": {"method": "GET", "path": "/cart"},
             "response": {"status": 200, "body": {"items": [{"sku": "a"}, {"sku": "b"}]}}}],
           "metadata": {"pactSpecification": {"version": "3.0.0"}}}
          """);
      FieldUsage.Builder cart = FieldUsage.newInstance().pacts(pacts).provider("shop");
      UsageReport anyItem = cart.field("$.items[*].sku").build();

      assertThat(dotted.uses()).isNotEmpty();
      assertThat(usage.field("$['stock']").build().uses()).isEqualTo(dotted.uses());
      assertThat(anyItem.uses()).isNotEmpty();
      assertThat(cart.field("$.items[0].sku").build().uses()).isEqualTo(anyItem.uses());
      assertThat(cart.field("items[0].sku").build().uses()).isEqualTo(anyItem.uses());
      assertThatThrownBy(() -> usage.field("$[").build())
          .isInstanceOf(EvolveException.class)
          .hasMessage("--field '$[': not a JSON path");
    }

    // a misspelt provider must not pass for one that no consumer uses
    @Test
    void aProviderNoPactNamesIsRefusedNamingTheProvidersThereAre() {
      assertThatThrownBy(
              () -> FieldUsage.newInstance().pacts(PACTS).provider("inventory-servce").build())
          .isInstanceOf(EvolveException.class)
          .hasMessage(
              "no pact with provider 'inventory-servce' in "
                  + PACTS
                  + " (its pacts name inventory-service, paypal-oauth, paypal-orders)");
    }

    @Test
    void aMalformedPactInTheStoreIsOneLine() throws IOException {
      Path bad = Files.writeString(dir.resolve("x-inventory-service.json"), "[1, 2");

      assertThatThrownBy(
              () -> FieldUsage.newInstance().pacts(dir).provider("inventory-service").build())
          .isInstanceOf(EvolveException.class)
          .hasMessageStartingWith(bad + ":1:")
          .hasMessageNotContaining("\n");
    }
  }
}
