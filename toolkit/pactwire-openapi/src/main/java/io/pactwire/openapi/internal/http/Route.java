package io.pactwire.openapi.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.openapi.Finding.SpecDetails;
import java.util.List;
import java.util.regex.Pattern;

/** A path template and method of the spec, with its operation's effective settings. */
public record Route(
    String path,
    String method,
    ObjectNode operation,
    Pattern pattern,
    List<JsonNode> pathParams,
    int params,
    int staticLength) {

  /** The operation's location in the spec, such as {@code [root].paths./pets.get}. */
  String location() {
    return "[root].paths." + path + "." + method;
  }

  /** Where in the spec a finding on this operation points, with the spec's value there. */
  SpecDetails at(String location, JsonNode value) {
    return new SpecDetails(location, path, method, value);
  }

  /** A finding on the operation as a whole. */
  SpecDetails atOperation() {
    return at(location(), operation);
  }
}
