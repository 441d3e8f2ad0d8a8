package io.pactwire.example.catalog;

/** A StockChanged payload that is not JSON, or lacks a field the catalog needs. */
public class MalformedEventException extends RuntimeException {

  public MalformedEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
