package io.pactwire.example.inventory;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes stock changes to Kafka, keyed by sku so that one product's events stay in order.
 *
 * @since 0.1.0
 */
public final class KafkaStockEventPublisher implements StockEventPublisher, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaStockEventPublisher.class);

  private final Producer<String, byte[]> producer;

  /** Creates a publisher for the cluster at {@code bootstrapServers} ({@code host:port,...}). */
  public KafkaStockEventPublisher(String bootstrapServers) {
    this(producerFor(bootstrapServers));
  }

  /** Creates a publisher that sends through {@code producer}, which it then owns. */
  public KafkaStockEventPublisher(Producer<String, byte[]> producer) {
    this.producer = producer;
  }

  private static Producer<String, byte[]> producerFor(String bootstrapServers) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "inventory-service");
    return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  @Override
  public void publish(StockEvents.Message message) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(message.topic(), message.key(), message.value());
    for (Map.Entry<String, String> header : message.headers().entrySet()) {
      record.headers().add(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8));
    }
    producer.send(
        record,
        (metadata, error) -> {
          if (error != null) {
            LOG.error(
                "could not publish {} to {}", message.valueAsString(), message.topic(), error);
          }
        });
  }

  /** Sends what is buffered, then closes the producer. */
  @Override
  public void close() {
    producer.close();
  }
}
