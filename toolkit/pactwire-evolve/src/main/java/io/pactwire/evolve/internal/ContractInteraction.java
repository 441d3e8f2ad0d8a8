package io.pactwire.evolve.internal;

import java.util.List;
import java.util.Map;

/**
 * An interaction reduced to what it asks of both sides, whatever the pact's version: its kind,
 * description, provider states and parts.
 *
 * @param index where it is in the pact's {@code interactions} (or {@code messages})
 * @param kind {@code HTTP}, {@code message} or {@code sync message}
 * @param description the interaction's description
 * @param states provider state names and their parameters as JSON text, sorted by name
 * @param parts the request first, then the responses
 */
public record ContractInteraction(
    int index, String kind, String description, Map<String, String> states, List<Part> parts) {

  /** The part with this name, or null. */
  public Part part(String name) {
    // by index: asked for several times for each of a store's interactions
    for (int k = 0; k < parts.size(); k++) {
      if (parts.get(k).name().equals(name)) {
        return parts.get(k);
      }
    }
    return null;
  }

  /** The request's method, or null for a message. */
  public String method() {
    return scalar("request", "method");
  }

  /** The request's path, or null for a message. */
  public String path() {
    return scalar("request", "path");
  }

  /** The response's status, or null for a message. */
  public String status() {
    return scalar("response", "status");
  }

  /** {@code GET /products/SKU-1001} for HTTP; the kind otherwise. */
  public String summary() {
    if (kind.equals("HTTP")) {
      String status = status();
      return method() + " " + path() + (status == null ? "" : " → " + status);
    }
    return kind;
  }

  private String scalar(String partName, String location) {
    Part p = part(partName);
    if (p == null) {
      return null;
    }
    Element e = p.elements().get(location);
    return e == null ? null : scalar(e.example());
  }

  /** A scalar example's value: a string without its quotes, others as written; null for none. */
  static String scalar(String example) {
    if (example == null) {
      return null;
    }
    return example.startsWith("\"") ? example.substring(1, example.length() - 1) : example;
  }
}
