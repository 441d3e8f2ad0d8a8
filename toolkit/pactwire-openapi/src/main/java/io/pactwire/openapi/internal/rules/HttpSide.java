package io.pactwire.openapi.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.openapi.internal.http.HttpChecker;
import io.pactwire.openapi.internal.http.HttpInteraction;
import java.util.List;

/**
 * The request or the response of an HTTP interaction whose rules are checked: {@code node} holds
 * its {@code matchingRules}, at {@code base} in the pact; {@code checker} knows the spec's schemas.
 */
record HttpSide(
    HttpChecker checker, HttpInteraction h, JsonNode node, String base, boolean response) {

  /** The rules of one category written on this side. */
  List<Rule> rules(String category) {
    return Rule.read(node, base, category);
  }
}
