package io.pactwire.example.inventory.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactwire.core.PactsDirectory;
import io.pactwire.example.catalog.CatalogIndex;
import io.pactwire.example.catalog.KafkaStockChangedListener;
import io.pactwire.example.catalog.SearchDocument;
import io.pactwire.example.catalog.StockChangedHandler;
import io.pactwire.example.inventory.InventoryService;
import io.pactwire.example.inventory.KafkaStockEventPublisher;
import io.pactwire.example.inventory.StockEvents;
import io.pactwire.testsupport.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.AssertionFailedError;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The StockChanged contract end to end: the real inventory-service (embedded PostgreSQL, real HTTP)
 * publishes through the real {@link KafkaStockEventPublisher} to an in-process Kafka broker, and
 * the real catalog-indexer listener consumes the topic into its {@link CatalogIndex}. Every record
 * that crossed the broker is also checked against {@code
 * pacts/catalog-indexer-inventory-service.json} with pact-jvm's matchers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StockEventsEndToEndTests {

  /** A bound on waiting for the broker and the listener, not an assertion on speed. */
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private static final String PACT = "catalog-indexer-inventory-service.json";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private EmbeddedKafkaKraftBroker kafka;
  private EmbeddedDatabase postgres;
  private DataSource dataSource;
  private KafkaStockEventPublisher publisher;
  private InventoryService inventory;
  private final CatalogIndex index = new CatalogIndex();
  private final List<ConsumerRecord<String, byte[]>> rejected = new CopyOnWriteArrayList<>();
  private KafkaStockChangedListener listener;
  private Thread listening;
  private MessageContract contract;

  @BeforeAll
  void start() throws Exception {
    contract = MessageContract.load(PactsDirectory.locate().resolve(PACT), "a StockChanged event");
    // PostgreSQL starts while the broker does.
    CompletableFuture<EmbeddedDatabase> startingPostgres =
        CompletableFuture.supplyAsync(EmbeddedDatabase::start);
    // Two partitions, so that keying by sku is what keeps one product's events in order.
    kafka = new EmbeddedKafkaKraftBroker(1, 2, StockEvents.TOPIC);
    kafka.afterPropertiesSet();
    postgres = startingPostgres.join();
    dataSource = postgres.dataSource();
    publisher = new KafkaStockEventPublisher(kafka.getBrokersAsString());
    inventory =
        InventoryService.builder()
            .dataSource(dataSource)
            .events(publisher)
            .expirySweep(Duration.ZERO)
            .start();
    listener =
        new KafkaStockChangedListener(
            kafka.getBrokersAsString(),
            "catalog-indexer",
            new StockChangedHandler(index),
            rejected::add);
    listening = new Thread(listener, "catalog-indexer-listener");
    listening.setDaemon(true);
    listening.start();
  }

  @AfterAll
  void stop() throws Exception {
    if (listener != null) {
      listener.close();
    }
    if (inventory != null) {
      inventory.close();
    }
    if (publisher != null) {
      publisher.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    if (kafka != null) {
      kafka.destroy();
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class TheCatalogIndex {

    @Test
    void followsReservationsAndReleasesInOrderAndHearsNothingOfARefusedReservation() {
      insertProduct("SKU-1001", "Espresso beans 1kg", "24.90", 12);
      insertProduct("SKU-1002", "Moka pot", "39.00", 1);

      String first = reserve("SKU-1001", 2);
      assertThat(awaitDocument("SKU-1001", 10).inStock()).isTrue();

      String potReservation = reserve("SKU-1002", 1);
      assertThat(awaitDocument("SKU-1002", 0).inStock()).isFalse();

      reserve("SKU-1001", 10);
      assertThat(awaitDocument("SKU-1001", 0).inStock()).isFalse();

      HttpResponse<String> refused =
          post(
              "/reservations",
              """
              {"sku": "SKU-1001", "quantity": 1}""");
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);

      assertThat(delete(first).statusCode()).isEqualTo(204);
      assertThat(awaitDocument("SKU-1001", 2).inStock()).isTrue();

      assertThat(delete(potReservation).statusCode()).isEqualTo(204);
      assertThat(awaitDocument("SKU-1002", 1).inStock()).isTrue();

      // One sku is one partition, in order: had the refused reservation published anything, it
      // would sit between the "0" and the "2" of SKU-1001.
      List<ConsumerRecord<String, byte[]>> espresso = recordsFor("SKU-1001", 3);
      List<ConsumerRecord<String, byte[]>> moka = recordsFor("SKU-1002", 2);
      assertThat(espresso)
          .extracting(StockEventsEndToEndTests::sku, StockEventsEndToEndTests::available)
          .containsExactly(tuple("SKU-1001", 10), tuple("SKU-1001", 0), tuple("SKU-1001", 2));
      assertThat(moka)
          .extracting(StockEventsEndToEndTests::sku, StockEventsEndToEndTests::available)
          .containsExactly(tuple("SKU-1002", 0), tuple("SKU-1002", 1));
      for (ConsumerRecord<String, byte[]> record : espresso) {
        contract.assertSatisfiedBy(describe(record), record.value(), headers(record));
      }
      for (ConsumerRecord<String, byte[]> record : moka) {
        contract.assertSatisfiedBy(describe(record), record.value(), headers(record));
      }
      // Other tests send malformed records by hand; only this scenario's skus must be clean.
      assertThat(rejected).extracting(ConsumerRecord::key).doesNotContain("SKU-1001", "SKU-1002");
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class EveryRecordOnTheTopic {

    @Test
    void satisfiesTheMessageContract() {
      insertProduct("SKU-3001", "Milk jug", "12.50", 5);
      String reservation = reserve("SKU-3001", 2);
      assertThat(delete(reservation).statusCode()).isEqualTo(204);

      List<ConsumerRecord<String, byte[]>> records = recordsFor("SKU-3001", 2);

      assertThat(records).extracting(ConsumerRecord::key).containsExactly("SKU-3001", "SKU-3001");
      for (ConsumerRecord<String, byte[]> record : records) {
        contract.assertSatisfiedBy(describe(record), record.value(), headers(record));
      }
      assertThat(awaitDocument("SKU-3001", 5).inStock()).isTrue();
    }

    @Test
    void failsTheCheckWhenAvailableIsText() {
      ConsumerRecord<String, byte[]> record =
          sendByHand(
              "SKU-9001",
              """
              {"sku": "SKU-9001", "available": "10", "occurredAt": "2026-11-28T23:00:00Z"}""",
              "application/json");

      assertThat(contract.mismatches(record.value(), headers(record)))
          .singleElement(InstanceOfAssertFactories.STRING)
          .startsWith("body $.available: ");
      assertThatThrownBy(
              () -> contract.assertSatisfiedBy(describe(record), record.value(), headers(record)))
          .isInstanceOf(AssertionFailedError.class)
          .hasMessageContaining(describe(record) + " does not satisfy ")
          .hasMessageContaining(PACT + " (catalog-indexer -> inventory-service)")
          .hasMessageContaining("interaction \"a StockChanged event\"")
          .hasMessageContaining("body $.available: ")
          .satisfies(
              failure ->
                  assertThat(((AssertionFailedError) failure).getActual().getStringRepresentation())
                      .contains("\"available\": \"10\""));
      // The consumer holds the same line: it refuses the record rather than coerce "10".
      assertThat(awaitRejected("SKU-9001").value()).isEqualTo(record.value());
    }

    @Test
    void failsTheCheckWhenTheContentTypeHeaderIsNotJson() {
      ConsumerRecord<String, byte[]> record =
          sendByHand(
              "SKU-9002",
              """
              {"sku": "SKU-9002", "available": 10, "occurredAt": "2026-11-28T23:00:00Z"}""",
              "text/plain");

      assertThat(contract.mismatches(record.value(), headers(record)))
          .containsExactly(
              "metadata contentType: Expected 'text/plain' (String) to be equal to"
                  + " 'application/json' (String)");
    }

    @Test
    void failsTheCheckWhenTheContentTypeHeaderIsMissing() {
      ConsumerRecord<String, byte[]> record =
          sendByHand(
              "SKU-9003",
              """
              {"sku": "SKU-9003", "available": 10, "occurredAt": "2026-11-28T23:00:00Z"}""",
              null);

      assertThat(contract.mismatches(record.value(), headers(record)))
          .containsExactly(
              "metadata contentType: missing, the contract expects 'application/json'");
    }

    @Test
    void reportsAValueThatIsNotJsonAsAMismatch() {
      assertThat(
              contract.mismatches(
                  "not json".getBytes(StandardCharsets.UTF_8),
                  Map.of(StockEvents.CONTENT_TYPE_HEADER, "application/json")))
          .singleElement(InstanceOfAssertFactories.STRING)
          .startsWith("body: not application/json: ");
    }
  }

  private ConsumerRecord<String, byte[]> awaitRejected(String sku) {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (Instant.now().isBefore(deadline)) {
      Optional<ConsumerRecord<String, byte[]>> found =
          rejected.stream().filter(r -> sku.equals(r.key())).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      pause();
    }
    throw new AssertionError(
        "catalog-indexer did not reject the record keyed " + sku + " within " + DEADLINE);
  }

  private SearchDocument awaitDocument(String sku, int available) {
    Instant deadline = Instant.now().plus(DEADLINE);
    Optional<SearchDocument> document = index.find(sku);
    while (document.map(d -> d.available() != available).orElse(true)
        && Instant.now().isBefore(deadline)) {
      pause();
      document = index.find(sku);
    }
    assertThat(document)
        .as("catalog-indexer's document for %s after waiting up to %s", sku, DEADLINE)
        .hasValueSatisfying(d -> assertThat(d.available()).isEqualTo(available));
    return document.orElseThrow();
  }

  /**
   * The records keyed {@code sku}, in partition order: at least {@code count} of them if they come
   * within the deadline, and any that follow up to the end of the topic as it then stands.
   */
  private List<ConsumerRecord<String, byte[]>> recordsFor(String sku, int count) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.getBrokersAsString(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(StockEvents.TOPIC).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Instant deadline = Instant.now().plus(DEADLINE);
      while (found.size() < count && Instant.now().isBefore(deadline)) {
        poll(consumer, sku, found);
      }
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && Instant.now().isBefore(deadline)) {
        poll(consumer, sku, found);
      }
    }
    return found;
  }

  private static void poll(
      KafkaConsumer<String, byte[]> consumer,
      String sku,
      List<ConsumerRecord<String, byte[]>> found) {
    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
      if (sku.equals(record.key())) {
        found.add(record);
      }
    }
  }

  /**
   * Sends a record the service did not make, with {@code contentType} as its header ({@code null}
   * for none), then reads it back as it crossed the broker.
   */
  private ConsumerRecord<String, byte[]> sendByHand(String sku, String value, String contentType) {
    Map<String, Object> config =
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(StockEvents.TOPIC, sku, value.getBytes(StandardCharsets.UTF_8));
      if (contentType != null) {
        record
            .headers()
            .add(StockEvents.CONTENT_TYPE_HEADER, contentType.getBytes(StandardCharsets.UTF_8));
      }
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException("could not send " + value, e);
    }
    List<ConsumerRecord<String, byte[]>> records = recordsFor(sku, 1);
    assertThat(records).as("records keyed %s", sku).hasSize(1);
    return records.get(0);
  }

  private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
    Map<String, String> headers = new TreeMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    }
    return headers;
  }

  private static String describe(ConsumerRecord<String, byte[]> record) {
    return "record "
        + record.topic()
        + "-"
        + record.partition()
        + "@"
        + record.offset()
        + " (key "
        + record.key()
        + ")";
  }

  private static int available(ConsumerRecord<String, byte[]> record) {
    return field(record, "available").intValue();
  }

  private static String sku(ConsumerRecord<String, byte[]> record) {
    return field(record, "sku").textValue();
  }

  private static JsonNode field(ConsumerRecord<String, byte[]> record, String name) {
    try {
      return JSON.readTree(record.value()).path(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void insertProduct(String sku, String name, String price, int stock) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO products (sku, name, price, stock) VALUES (?, ?, ?, ?)")) {
      insert.setString(1, sku);
      insert.setString(2, name);
      insert.setBigDecimal(3, new BigDecimal(price));
      insert.setInt(4, stock);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reserves through the HTTP API and returns the reservation's location. */
  private String reserve(String sku, int quantity) {
    HttpResponse<String> response =
        post(
            "/reservations",
            """
            {"sku": "%s", "quantity": %d}"""
                .formatted(sku, quantity));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return response.headers().firstValue("Location").orElseThrow();
  }

  private HttpResponse<String> post(String path, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private HttpResponse<String> delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE().build());
  }

  private URI uri(String path) {
    return inventory.baseUri().resolve(path);
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(25);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
