package io.pactwire.provider.messages;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;

/** Reserves stock and publishes StockChanged, as inventory-service does over Kafka. */
public final class StockEvents {

  /** Where records go: a KafkaProducer in production, a capture in tests. */
  public interface RecordSink {
    void send(String topic, String key, Map<String, byte[]> headers, byte[] value);
  }

  private final DataSource database;
  private final RecordSink sink;
  private final Clock clock;

  public StockEvents(DataSource database, RecordSink sink, Clock clock) {
    this.database = database;
    this.sink = sink;
    this.clock = clock;
  }

  public void reserve(String sku, int quantity) throws SQLException {
    int available;
    try (Connection c = database.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE products SET stock = stock - ? WHERE sku = ? RETURNING stock")) {
      ps.setInt(1, quantity);
      ps.setString(2, sku);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        available = rs.getInt(1);
      }
    }
    String event =
        "{\"sku\":\"%s\",\"available\":%d,\"occurredAt\":\"%s\"}"
            .formatted(sku, available, clock.instant());
    sink.send(
        "inventory.stock-changed",
        sku,
        Map.of("contentType", "application/json".getBytes(StandardCharsets.UTF_8)),
        event.getBytes(StandardCharsets.UTF_8));
  }
}
