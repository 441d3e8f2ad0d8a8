package io.pactwire.example.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactwire.testsupport.EmbeddedDatabase;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The production publisher against a real in-process Kafka broker, driven by the real service. */
class KafkaStockEventPublisherTests {

  private static final Instant NOW = Instant.parse("2026-11-28T23:00:00Z");

  private static EmbeddedKafkaKraftBroker kafka;
  private static EmbeddedDatabase postgres;
  private static DataSource dataSource;

  @BeforeAll
  static void start() throws Exception {
    kafka = new EmbeddedKafkaKraftBroker(1, 1, StockEvents.TOPIC);
    kafka.afterPropertiesSet();
    postgres = EmbeddedDatabase.start();
    dataSource = postgres.dataSource();
    InventoryService.migrate(dataSource);
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
    kafka.destroy();
  }

  @Test
  void eachStockChangeGoesToTheTopicKeyedBySkuWithItsContentType() throws Exception {
    Inventory.insertProduct(
        dataSource, "SKU-1001", "Espresso beans 1kg", new BigDecimal("24.90"), 12);
    KafkaStockEventPublisher publisher = new KafkaStockEventPublisher(kafka.getBrokersAsString());
    try (InventoryService service =
        InventoryService.builder()
            .dataSource(dataSource)
            .events(publisher)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .start()) {
      String location =
          Inventory.post(
                  service.baseUri(),
                  "/reservations",
                  """
              {"sku": "SKU-1001", "quantity": 2}""")
              .headers()
              .firstValue("Location")
              .orElseThrow();
      assertThat(Inventory.delete(service.baseUri(), location).statusCode()).isEqualTo(204);
    } finally {
      publisher.close();
    }

    List<ConsumerRecord<String, String>> records = consume(2);

    assertThat(records).extracting(ConsumerRecord::key).containsExactly("SKU-1001", "SKU-1001");
    assertThat(records)
        .extracting(ConsumerRecord::value)
        .containsExactly(
            """
            {"sku":"SKU-1001","available":10,"occurredAt":"2026-11-28T23:00:00Z"}""",
            """
            {"sku":"SKU-1001","available":12,"occurredAt":"2026-11-28T23:00:00Z"}""");
    for (ConsumerRecord<String, String> record : records) {
      assertThat(
              new String(
                  record.headers().lastHeader("contentType").value(), StandardCharsets.UTF_8))
          .isEqualTo("application/json");
    }
  }

  private static List<ConsumerRecord<String, String>> consume(int count) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "inventory-tests");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(StockEvents.TOPIC));
      // A bound on waiting, not an assertion on speed: the records were sent before this starts.
      for (int polls = 0; polls < 120 && records.size() < count; polls++) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
    }
    return records;
  }
}
