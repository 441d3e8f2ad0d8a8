package io.pactwire.example.catalog;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Feeds StockChanged events from the Kafka topic {@value #TOPIC} to a {@link StockChangedHandler}.
 *
 * <p>Offsets are committed after a polled batch has been handled (at-least-once; the index
 * tolerates replays). A payload the handler rejects is reported to the {@code rejected} callback
 * and skipped, so one bad event cannot stall the partition. {@link #run()} polls until {@link
 * #close()} is called from another thread.
 */
public final class KafkaStockChangedListener implements Runnable, AutoCloseable {

  /** The topic inventory-service publishes to. */
  public static final String TOPIC = "inventory.stock-changed";

  private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);

  private final KafkaConsumer<String, byte[]> consumer;
  private final StockChangedHandler handler;
  private final Consumer<ConsumerRecord<String, byte[]>> rejected;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean closing;

  /**
   * @param bootstrapServers the brokers, {@code host:port[,host:port]}
   * @param groupId the consumer group; instances of the indexer share one
   * @param rejected told about each record whose payload is not a StockChanged event
   */
  public KafkaStockChangedListener(
      String bootstrapServers,
      String groupId,
      StockChangedHandler handler,
      Consumer<ConsumerRecord<String, byte[]>> rejected) {
    this(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG, groupId,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        handler,
        rejected);
  }

  /**
   * @param config consumer settings; deserializers and offset commits are set by the listener
   */
  public KafkaStockChangedListener(
      Map<String, Object> config,
      StockChangedHandler handler,
      Consumer<ConsumerRecord<String, byte[]>> rejected) {
    this.handler = Objects.requireNonNull(handler, "handler");
    this.rejected = Objects.requireNonNull(rejected, "rejected");
    var settings = new HashMap<>(config);
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.consumer =
        new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
  }

  @Override
  public void run() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("listener already ran or was closed");
    }
    try {
      consumer.subscribe(List.of(TOPIC));
      while (!closing) {
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL_TIMEOUT);
        for (ConsumerRecord<String, byte[]> record : records) {
          try {
            handler.handle(record.value());
          } catch (MalformedEventException e) {
            rejected.accept(record);
          }
        }
        if (!records.isEmpty()) {
          consumer.commitSync();
        }
      }
    } catch (WakeupException e) {
      if (!closing) {
        throw e;
      }
    } finally {
      consumer.close();
      stopped.countDown();
    }
  }

  /** Stops polling and waits for {@link #run()} to close the consumer. */
  @Override
  public void close() throws InterruptedException {
    closing = true;
    if (started.compareAndSet(false, true)) {
      consumer.close();
      return;
    }
    consumer.wakeup();
    stopped.await();
  }
}
