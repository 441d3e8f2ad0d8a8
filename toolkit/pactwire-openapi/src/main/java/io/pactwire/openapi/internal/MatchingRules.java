package io.pactwire.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.openapi.Finding;
import java.util.List;

/** Findings for matching rules that admit values the spec forbids. */
public final class MatchingRules {

  private MatchingRules() {}

  public static void check(
      JsonNode oas,
      SchemaValidator validator,
      JsonNode interaction,
      HttpChecker.Http h,
      List<Finding> out) {}
}
