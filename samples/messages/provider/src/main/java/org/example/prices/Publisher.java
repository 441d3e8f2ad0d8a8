package org.example.prices;

import java.util.Map;

/** Sends one record to a topic: a Kafka producer in production. */
@FunctionalInterface
public interface Publisher {
  void send(String topic, String key, Map<String, byte[]> headers, byte[] value);
}
