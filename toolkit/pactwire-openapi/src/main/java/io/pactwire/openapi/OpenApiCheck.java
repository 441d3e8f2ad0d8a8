package io.pactwire.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaException;
import io.pactwire.core.PactFileException;
import io.pactwire.core.internal.PactReader;
import io.pactwire.openapi.internal.AsyncChecker;
import io.pactwire.openapi.internal.Findings;
import io.pactwire.openapi.internal.Interactions;
import io.pactwire.openapi.internal.SchemaValidator;
import io.pactwire.openapi.internal.SpecDocument;
import io.pactwire.openapi.internal.http.HttpChecker;
import io.pactwire.openapi.internal.http.HttpInteraction;
import io.pactwire.openapi.internal.rules.MatchingRuleChecker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.opentest4j.AssertionFailedError;

/**
 * Checks pacts against a provider's OpenAPI (3.0, 3.1, Swagger 2.0) or AsyncAPI (2.x, 3.x) spec:
 * {@code OpenApiCheck.of(spec).check(pact)} lists the {@link Finding}s, and {@link
 * #assertConforms(Path)} fails a test when any of them is an error.
 *
 * <p>Unlike openapi-pact-comparator, the check honours the pact's matching rules: a regex, a type
 * matcher or an {@code eachLike} minimum that admits values the spec forbids is a finding even when
 * the example value passes. {@link Builder#ignoreMatchingRules()} turns that off.
 *
 * @since 0.1.0
 */
public final class OpenApiCheck {

  private final List<SpecDocument> specs;
  private final boolean matchingRules;
  private final SchemaValidator validator = new SchemaValidator();
  private JsonNode oas;
  private JsonNode asyncapi;
  private final HttpChecker http;
  private final AsyncChecker async;

  private OpenApiCheck(List<SpecDocument> specs, boolean matchingRules) {
    this.specs = specs;
    this.matchingRules = matchingRules;
    for (SpecDocument d : specs) {
      if (d.kind() == SpecDocument.Kind.OPENAPI && oas == null) {
        oas = d.tree();
      } else if (d.kind() == SpecDocument.Kind.ASYNCAPI && asyncapi == null) {
        asyncapi = d.tree();
      }
    }
    // compiled schemas are kept for the life of the check, so a second pact costs validation only
    this.http = oas == null ? null : new HttpChecker(oas, validator);
    this.async = asyncapi == null ? null : new AsyncChecker(asyncapi, validator);
  }

  /**
   * Reads a spec and returns a check against it.
   *
   * @throws SpecException naming the file and location when the spec cannot be read, or a {@code
   *     $ref} in it points nowhere
   */
  public static OpenApiCheck of(Path spec) {
    return newInstance().spec(spec).build();
  }

  /** Starts a builder, for more than one spec (an OpenAPI and an AsyncAPI) or other options. */
  public static Builder newInstance() {
    return new Builder();
  }

  /** Builds an {@link OpenApiCheck}. */
  public static final class Builder {
    private final List<Path> specs = new ArrayList<>();
    private boolean matchingRules = true;

    private Builder() {}

    /** Adds an OpenAPI, Swagger or AsyncAPI document. */
    public Builder spec(Path spec) {
      specs.add(spec);
      return this;
    }

    /** Checks example values only, as openapi-pact-comparator does. */
    public Builder ignoreMatchingRules() {
      this.matchingRules = false;
      return this;
    }

    /** Reads the specs. */
    public OpenApiCheck build() {
      SchemaValidator.warmUpInBackground();
      List<SpecDocument> docs = new ArrayList<>();
      for (Path p : specs) {
        docs.add(SpecDocument.read(p));
      }
      return new OpenApiCheck(List.copyOf(docs), matchingRules);
    }
  }

  /**
   * Checks every interaction of a pact file.
   *
   * @throws PactFileException naming the file and location when the pact cannot be read
   */
  public List<Finding> check(Path pact) {
    return check(readPact(pact));
  }

  /**
   * Reads a pact file as {@link #check(Path)} does, for a caller that reads it on another thread
   * while the spec is read.
   *
   * @throws PactFileException naming the file and the JSON path (or line and column) of the first
   *     problem when the file cannot be read or is not a pact
   * @since 0.1.0
   */
  public static JsonNode readPact(Path pact) {
    return PactReader.read(pact);
  }

  /**
   * Checks every interaction of a pact held as a JSON tree. Interactions are checked in parallel
   * (compiled schemas are shared); the findings come in interaction order.
   */
  public List<Finding> check(JsonNode pact) {
    boolean v4 = Interactions.isV4(pact);
    JsonNode interactions = pact.path("interactions");
    try {
      return IntStream.range(0, interactions.size())
          .parallel()
          .mapToObj(i -> check(interactions.get(i), i, v4))
          .flatMap(List::stream)
          .toList();
    } catch (JsonSchemaException e) {
      // the validator compiles a schema as a value first reaches it: a $ref to a URL it cannot
      // fetch, or a pattern that is no regex, fails only here, in the middle of the check, and
      // is the spec's problem
      throw new SpecException(specs.get(0).file(), "", "a schema cannot be used: " + causes(e), e);
    }
  }

  // the exception's message and its causes', each once and without the class names a wrapping
  // exception's message repeats: "Failed to load ...: Connection refused"
  private static String causes(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      // a regex's message shows the pattern and a caret on lines of their own: its first line
      String m =
          t.getMessage() == null
              ? null
              : CLASS_NAME.matcher(t.getMessage().lines().findFirst().orElse("")).replaceAll("");
      if (m != null && !m.isEmpty() && b.indexOf(m) < 0) {
        b.append(b.length() == 0 ? "" : ": ").append(m);
      }
    }
    return b.toString();
  }

  private static final java.util.regex.Pattern CLASS_NAME =
      java.util.regex.Pattern.compile("\\b(?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ");

  /**
   * How many interactions of a pact held as a JSON tree {@link #check(JsonNode)} judges: its HTTP
   * interactions unless the documents are AsyncAPI only, its messages unless they are OpenAPI only
   * (an interaction a plugin adds, none). A pact of which none is judged has passed nothing: a
   * caller can say so rather than report no findings as a pass.
   *
   * @since 0.1.0
   */
  public int judged(JsonNode pact) {
    int judged = 0;
    for (JsonNode interaction : pact.path("interactions")) {
      judged +=
          switch (Interactions.kind(interaction)) {
            case HTTP -> asyncapi != null && oas == null ? 0 : 1;
            case ASYNC, SYNC -> oas != null && asyncapi == null ? 0 : 1;
            default -> 0;
          };
    }
    return judged;
  }

  private List<Finding> check(JsonNode interaction, int i, boolean v4) {
    List<Finding> out = new ArrayList<>();
    switch (Interactions.kind(interaction)) {
      case HTTP -> {
        if (asyncapi != null && oas == null) {
          return out;
        }
        if (http == null) {
          out.add(AsyncChecker.specMissing(interaction, i, Findings.requestSpecMissing()));
          return out;
        }
        HttpInteraction h = HttpInteraction.read(interaction, i, v4);
        http.check(h, out);
        if (matchingRules) {
          MatchingRuleChecker.check(http, interaction, h, out);
        }
      }
      case ASYNC, SYNC -> {
        if (oas != null && asyncapi == null) {
          return out;
        }
        if (async == null) {
          out.add(AsyncChecker.specMissing(interaction, i, Findings.messageSpecMissing()));
          return out;
        }
        async.check(interaction, i, matchingRules, out);
      }
      default -> {}
    }
    return out;
  }

  /**
   * Fails with an {@link AssertionFailedError} listing the findings when the pact has errors, or
   * when the documents describe none of its interactions ({@link #judged}); warnings alone pass.
   */
  public void assertConforms(Path pact) {
    JsonNode read = readPact(pact);
    if (judged(read) == 0) {
      // no errors because nothing was judged is no pass
      throw new AssertionFailedError(
          "Expecting pact "
              + pact
              + " to conform to "
              + specNames()
              + " but the documents describe none of its interactions: nothing was checked");
    }
    List<Finding> findings = check(read);
    List<Finding> errors = findings.stream().filter(Finding::isError).toList();
    if (!errors.isEmpty()) {
      String text = FindingsReport.text(pact.toString(), findings);
      throw new AssertionFailedError(
          "Expecting pact "
              + pact
              + " to conform to "
              + specNames()
              + " but found "
              + errors.size()
              + " error"
              + (errors.size() == 1 ? "" : "s")
              + ":\n"
              + text,
          "no errors",
          text);
    }
  }

  private String specNames() {
    return String.join(", ", specs.stream().map(s -> s.file().toString()).toList());
  }
}
