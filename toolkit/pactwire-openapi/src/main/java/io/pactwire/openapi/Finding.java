package io.pactwire.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One disagreement between a pact and a provider's specification, in the shape that
 * openapi-pact-comparator reports: a {@code code}, a message, where it is in the pact ({@code
 * mockDetails}) and where in the spec ({@code specDetails}), and whether it is an error.
 *
 * @since 0.1.0
 */
@JsonPropertyOrder({"code", "message", "mockDetails", "specDetails", "type"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(
    String code, String message, MockDetails mockDetails, SpecDetails specDetails, Type type) {

  /** How serious a finding is; only {@link #ERROR} fails a check. */
  public enum Type {
    ERROR,
    WARNING,
    INFO;

    /** The lower-case name used in JSON and reports. */
    @JsonValue
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Where in the pact: the interaction and a location such as {@code
   * [root].interactions[2].response.status}.
   */
  @JsonPropertyOrder({"interactionDescription", "interactionState", "location", "value"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MockDetails(
      String interactionDescription, String interactionState, String location, JsonNode value) {}

  /**
   * Where in the spec: a location such as {@code [root].paths./pets.get.responses}, the path and
   * method of the operation when there is one, and the spec's value there.
   */
  @JsonPropertyOrder({"location", "pathMethod", "pathName", "value"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SpecDetails(String location, String pathName, String pathMethod, JsonNode value) {}

  /** Returns whether this finding fails a check. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isError() {
    return type == Type.ERROR;
  }
}
