package io.pactwire.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pactwire.core.PactFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input that cannot be checked fails with one line naming the file and the location in it. */
class BadInputTests {

  @TempDir Path dir;

  static final String SPEC =
      """
      openapi: 3.0.3
      info: {title: t, version: "1"}
      paths:
        /things:
          get:
            responses:
              "200": {description: ok}
      """;

  /** A pact whose one interaction gets {@code body} (JSON) from GET /things. */
  private Path thingsPact(String body) throws IOException {
    return Files.writeString(
        dir.resolve("pact.json"),
        """
        {"consumer": {"name": "c"}, "provider": {"name": "p"},
         "interactions": [{"description": "things", "request": {"method": "GET", "path": "/things"},
           "response": {"status": 200, "headers": {"Content-Type": "application/json"},
             "body": %s}}],
         "metadata": {"pactSpecification": {"version": "3.0.0"}}}
        """
            .formatted(body));
  }

  private static SpecException oneLine(SpecException e) {
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).doesNotContain("\n");
    return e;
  }

  @Nested
  class Specs {

    @Test
    void aMissingSpecNamesTheFile() {
      Path spec = dir.resolve("nowhere.yaml");

      SpecException e = catchThrowableOfType(SpecException.class, () -> OpenApiCheck.of(spec));

      assertThat(oneLine(e).getMessage()).isEqualTo(spec + ": no such file");
      assertThat(e.file()).isEqualTo(spec);
    }

    @Test
    void malformedYamlNamesLineAndColumn() throws IOException {
      Path spec =
          Files.writeString(dir.resolve("broken.yaml"), "openapi: 3.0.3\npaths: {\n  /a: [\n");

      SpecException e = catchThrowableOfType(SpecException.class, () -> OpenApiCheck.of(spec));

      assertThat(oneLine(e).getMessage()).startsWith(spec + ":3:8: malformed YAML/JSON: ");
    }

    @Test
    void aDocumentThatIsNoSpecSaysWhatIsMissing() throws IOException {
      Path spec = Files.writeString(dir.resolve("other.yaml"), "name: not a spec\n");

      SpecException e = catchThrowableOfType(SpecException.class, () -> OpenApiCheck.of(spec));

      assertThat(oneLine(e).getMessage())
          .isEqualTo(spec + ":1:1: neither OpenAPI (openapi/swagger) nor AsyncAPI (asyncapi)");
    }

    @Test
    void anOpenApiDocumentWithoutPathsSaysWhatSwaggerParserFound() throws IOException {
      Path spec =
          Files.writeString(dir.resolve("nopaths.yaml"), "openapi: 3.0.3\ninfo: {title: t}\n");

      SpecException e = catchThrowableOfType(SpecException.class, () -> OpenApiCheck.of(spec));

      assertThat(oneLine(e).getMessage()).startsWith(spec + ": not a usable OpenAPI document: ");
    }

    @Test
    void aSwaggerDocumentWithoutPathsSaysSo() throws IOException {
      Path spec = Files.writeString(dir.resolve("nopaths2.yaml"), "swagger: '2.0'\ninfo: {}\n");
      Path unversioned =
          Files.writeString(dir.resolve("unversioned.yaml"), "swagger: 2\npaths: {}\n");

      assertThat(catchThrowableOfType(SpecException.class, () -> OpenApiCheck.of(spec)))
          .hasMessage(spec + ": not a usable OpenAPI document: no 'paths' object");
      assertThat(catchThrowableOfType(SpecException.class, () -> OpenApiCheck.of(unversioned)))
          .hasMessage(
              unversioned
                  + ": not a usable OpenAPI document: 'swagger' is not a version string such as"
                  + " \"2.0\"");
    }

    @Test
    void aBrokenRefNamesItsLineAndWhereItIsUsed() throws IOException {
      Path spec =
          Files.writeString(
              dir.resolve("ref.yaml"),
              """
              openapi: 3.0.3
              info: {title: t, version: "1"}
              paths:
                /things:
                  get:
                    responses:
                      "200":
                        description: ok
                        content:
                          application/json:
                            schema: {$ref: "#/components/schemas/Thing"}
              """);

      SpecException e = catchThrowableOfType(SpecException.class, () -> OpenApiCheck.of(spec));

      assertThat(oneLine(e).getMessage())
          .isEqualTo(
              spec
                  + ":11: broken $ref '#/components/schemas/Thing' at"
                  + " [root].paths./things.get.responses.200.content.application/json.schema");
    }

    // a schema behind a URL is loaded when a value first reaches it, in the middle of the check:
    // one line naming the spec and why, not the validator's exception
    @Test
    void aRefToAUrlThatCannotBeFetchedIsOneLineNamingTheSpec() throws IOException {
      int closed;
      try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
        closed = s.getLocalPort();
      }
      Path spec =
          Files.writeString(
              dir.resolve("remote.yaml"),
              """
              openapi: 3.0.3
              info: {title: t, version: "1"}
              paths:
                /things:
                  get:
                    responses:
                      "200":
                        description: ok
                        content:
                          application/json:
                            schema: {$ref: "http://127.0.0.1:%d/thing.yaml"}
              """
                  .formatted(closed));
      Path pact = thingsPact("{\"a\": 1}");
      OpenApiCheck check = OpenApiCheck.of(spec);

      SpecException e = catchThrowableOfType(SpecException.class, () -> check.check(pact));

      assertThat(oneLine(e).getMessage())
          .startsWith(
              spec
                  + ": a schema cannot be used: Failed to load json schema from http://127.0.0.1:"
                  + closed
                  + "/thing.yaml")
          .contains("Connection refused");
    }

    // a pattern is compiled as a value first reaches its schema, too
    @Test
    void aPatternThatIsNoRegexIsOneLineNamingTheSpec() throws IOException {
      Path spec =
          Files.writeString(
              dir.resolve("pattern.yaml"),
              """
              openapi: 3.0.3
              info: {title: t, version: "1"}
              paths:
                /things:
                  get:
                    responses:
                      "200":
                        description: ok
                        content:
                          application/json:
                            schema:
                              type: object
                              properties: {a: {type: string, pattern: "["}}
              """);
      Path pact = thingsPact("{\"a\": \"x\"}");
      OpenApiCheck check = OpenApiCheck.of(spec);

      SpecException e = catchThrowableOfType(SpecException.class, () -> check.check(pact));

      assertThat(oneLine(e).getMessage())
          .startsWith(spec + ": a schema cannot be used: ")
          .contains("Unclosed character class");
    }

    @Test
    void aBrokenRefInAJsonSpecNamesItsLineAndWhereItIsUsedToo() throws IOException {
      // a JSON spec's references are gathered while it is read; the same message results
      Path spec =
          Files.writeString(
              dir.resolve("ref.json"),
              """
              {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
               "components": {"schemas": {"Other": {"type": "string"}}},
               "paths": {"/things": {"get": {"responses": {"200": {"description": "ok",
                 "content": {"application/json": {"schema": {"type": "array",
                   "items": [{"$ref": "#/components/schemas/Other"},
                             {"$ref": "#/components/schemas/Thing"}]}}}}}}}}}
              """);

      SpecException e = catchThrowableOfType(SpecException.class, () -> OpenApiCheck.of(spec));

      assertThat(oneLine(e).getMessage())
          .isEqualTo(
              spec
                  + ":6: broken $ref '#/components/schemas/Thing' at"
                  + " [root].paths./things.get.responses.200.content.application/json.schema"
                  + ".items[1]");
    }
  }

  @Nested
  class Pacts {

    @Test
    void malformedJsonNamesLineAndColumn() throws IOException {
      Path spec = Files.writeString(dir.resolve("spec.yaml"), SPEC);
      Path pact = Files.writeString(dir.resolve("pact.json"), "{\n  \"interactions\": [\n    {,\n");

      PactFileException e =
          catchThrowableOfType(PactFileException.class, () -> OpenApiCheck.of(spec).check(pact));

      assertThat(e.getMessage()).doesNotContain("\n").startsWith(pact + ":3:6: malformed JSON: ");
    }

    @Test
    void aMissingPactNamesTheFile() throws IOException {
      Path spec = Files.writeString(dir.resolve("spec.yaml"), SPEC);
      Path pact = dir.resolve("absent.json");

      PactFileException e =
          catchThrowableOfType(PactFileException.class, () -> OpenApiCheck.of(spec).check(pact));

      assertThat(e.getMessage()).isEqualTo(pact + ": no such file");
    }

    /** A broken pact is a PactFileException, not a SpecException: the spec is not to blame. */
    @Test
    void aFileThatIsNotAPactNamesTheJsonPath() throws IOException {
      Path spec = Files.writeString(dir.resolve("spec.yaml"), SPEC);
      Path pact =
          Files.writeString(
              dir.resolve("pact.json"),
              """
              {"consumer": {"name": "c"}, "provider": {"name": "p"}, "interactions": "oops"}
              """);

      PactFileException e =
          catchThrowableOfType(PactFileException.class, () -> OpenApiCheck.of(spec).check(pact));

      assertThat(e.getMessage())
          .isEqualTo(pact + ":$.interactions: interactions are a JSON array, not text \"oops\"");
      assertThat(e.file()).isEqualTo(pact);
    }
  }
}
