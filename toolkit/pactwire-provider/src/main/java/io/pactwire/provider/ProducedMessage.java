package io.pactwire.provider;

import au.com.dius.pact.provider.MessageAndMetadata;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A message as the real producing code sent it (payload bytes and metadata), captured so that
 * pact-jvm can verify it against a message contract. Return {@link #toPact()} from a
 * {@code @PactVerifyProvider} method.
 *
 * <pre>{@code
 * @PactVerifyProvider("a StockChanged event")
 * MessageAndMetadata stockChanged() {
 *   KafkaCapture capture = ...;                    // whatever the producer writes to in tests
 *   inventory.reserve("SKU-1001", 2);              // the real producing code
 *   return ProducedMessage.kafka(capture.key(), capture.headers(), capture.value()).toPact();
 * }
 * }</pre>
 *
 * <p>Payloads need not be JSON: {@code ProducedMessage.of(csvBytes, "text/csv")} verifies a CSV
 * file handed to a partner, compared as text.
 *
 * @param payload the bytes as sent
 * @param metadata the message's metadata (content type, headers, key); matched against the
 *     contract's metadata, where keys the contract does not name are ignored
 * @since 0.1.0
 */
public record ProducedMessage(byte[] payload, Map<String, Object> metadata) {

  /** The metadata key for the content type, as pact-jvm and the pact specification name it. */
  public static final String CONTENT_TYPE = "contentType";

  /** The metadata key a Kafka record's key is captured under. */
  public static final String KAFKA_KEY = "kafka_key";

  /** Copies both, so that later changes to the producer's buffers do not show. */
  public ProducedMessage {
    Objects.requireNonNull(payload, "payload");
    payload = payload.clone();
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** A message of {@code payload} with the given content type. */
  public static ProducedMessage of(byte[] payload, String contentType) {
    return new ProducedMessage(payload, Map.of(CONTENT_TYPE, contentType));
  }

  /** A message of UTF-8 text with the given content type. */
  public static ProducedMessage of(String payload, String contentType) {
    return of(payload.getBytes(StandardCharsets.UTF_8), contentType);
  }

  /** A JSON message. */
  public static ProducedMessage json(String json) {
    return of(json, "application/json");
  }

  /**
   * A Kafka record: its key under {@value #KAFKA_KEY}, each header as metadata (values decoded as
   * UTF-8), and the content type from a {@code contentType} (or {@code content-type}) header, else
   * {@code application/json}.
   */
  public static ProducedMessage kafka(String key, Map<String, byte[]> headers, byte[] value) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    String contentType = "application/json";
    for (Map.Entry<String, byte[]> header : headers.entrySet()) {
      if (header.getValue() == null) {
        continue; // pact metadata has no null values
      }
      String text = new String(header.getValue(), StandardCharsets.UTF_8);
      metadata.put(header.getKey(), text);
      if (header.getKey().equalsIgnoreCase(CONTENT_TYPE)
          || header.getKey().equalsIgnoreCase("content-type")) {
        contentType = text;
      }
    }
    metadata.put(CONTENT_TYPE, contentType);
    if (key != null) {
      metadata.put(KAFKA_KEY, key);
    }
    return new ProducedMessage(value, metadata);
  }

  /** Returns a copy with one more metadata entry. */
  public ProducedMessage withMetadata(String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(metadata);
    copy.put(key, value);
    return new ProducedMessage(payload, copy);
  }

  /** The payload decoded as UTF-8. */
  public String text() {
    return new String(payload, StandardCharsets.UTF_8);
  }

  /** The content type from the metadata, or {@code application/octet-stream}. */
  public String contentType() {
    Object type = metadata.get(CONTENT_TYPE);
    return type == null ? "application/octet-stream" : type.toString();
  }

  /**
   * What a {@code @PactVerifyProvider} method returns for pact-jvm to verify. Also remembered for
   * the thread, so that {@link PactwireReports} can show the actual message beside the expected.
   */
  public MessageAndMetadata toPact() {
    io.pactwire.provider.internal.LastProduced.remember(this);
    return new MessageAndMetadata(payload.clone(), metadata);
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProducedMessage m
        && Arrays.equals(payload, m.payload)
        && metadata.equals(m.metadata);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(payload) + metadata.hashCode();
  }

  @Override
  public String toString() {
    return "ProducedMessage["
        + contentType()
        + ", "
        + payload.length
        + " bytes, metadata="
        + metadata
        + "]";
  }
}
