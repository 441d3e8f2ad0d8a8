package io.pactwire.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.openapi.internal.Findings;
import io.pactwire.openapi.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Helpers for tests that build the expected finding from the catalogue ({@link Findings}) rather
 * than copying its text, and that read the witness a matching-rule finding names, so that they
 * assert what makes it a witness and not which one the search happened to find first.
 */
final class ExpectedFindings {

  private static final Pattern WITNESS =
      Pattern.compile("(?:admits|matches) \"(.*?)\", (?:which|whose)");

  private ExpectedFindings() {}

  /** A finding as tests compare it: code, severity and message, and where it points. */
  record Seen(Findings.Draft draft, String pact, String spec) {}

  /** The finding as tests compare it with a {@link Seen} built from the catalogue. */
  static Seen seen(Finding f) {
    return new Seen(
        draft(f),
        f.mockDetails() == null ? null : f.mockDetails().location(),
        f.specDetails() == null ? null : f.specDetails().location());
  }

  /** The one finding of a list, failing when there are none or several. */
  static Finding only(List<Finding> findings) {
    assertThat(findings).hasSize(1);
    return findings.get(0);
  }

  /** The finding's code, severity and message, to compare with a factory of the catalogue. */
  static Findings.Draft draft(Finding f) {
    return new Findings.Draft(f.code(), f.type(), f.message());
  }

  /** The value a matching-rule finding says its matcher admits (or its regex matches). */
  static String witness(Finding f) {
    Matcher m = WITNESS.matcher(f.message());
    assertThat(m.find()).as("a witness in %s", f.message()).isTrue();
    return m.group(1);
  }

  /** A schema value as the spec holds it, for the message's closing part. */
  static JsonNode json(String json) {
    try {
      return Json.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
