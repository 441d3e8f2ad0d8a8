package io.pactwire.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompatibilityTests {

  @Nested
  class Jackson {

    @Test
    void aYamlModuleNewerThanCoreIsTheUsersNoSuchMethodErrorNamedAndFixed() {
      // A build that pins jackson-core and jackson-databind 2.17 but not the YAML module.
      var problem =
          Compatibility.jackson(
              versions(
                  "jackson-core", "2.17.2",
                  "jackson-databind", "2.17.2",
                  "jackson-dataformat-yaml", "2.20.1"));

      assertThat(problem)
          .contains(
              "Jackson modules are mixed: jackson-dataformat-yaml 2.20.1 is newer than"
                  + " jackson-core 2.17.2 and calls methods it lacks (jackson-core 2.17.2,"
                  + " jackson-databind 2.17.2, jackson-dataformat-yaml 2.20.1). Put all of"
                  + " Jackson on one version: import com.fasterxml.jackson:jackson-bom:2.17.2 in"
                  + " <dependencyManagement> (before io.pactwire:pactwire-bom), or pin"
                  + " jackson-dataformat-yaml to 2.17.2.");
    }

    @Test
    void aDatabindNewerThanCoreIsNamed() {
      var problem =
          Compatibility.jackson(versions("jackson-core", "2.17.2", "jackson-databind", "2.20.1"));

      assertThat(problem.orElseThrow())
          .startsWith("Jackson modules are mixed: jackson-databind 2.20.1 is newer than")
          .contains("jackson-bom:2.17.2");
    }

    @Test
    void aFormatModuleNewerThanDatabindIsNamedAgainstDatabind() {
      var problem =
          Compatibility.jackson(
              versions(
                  "jackson-core", "2.20.1",
                  "jackson-databind", "2.17.2",
                  "jackson-dataformat-yaml", "2.20.1"));

      assertThat(problem.orElseThrow())
          .startsWith(
              "Jackson modules are mixed: jackson-dataformat-yaml 2.20.1 is newer than"
                  + " jackson-databind 2.17.2");
    }

    @ParameterizedTest
    @CsvSource({
      // All on one version, as jackson-bom gives.
      "2.17.2, 2.17.2, 2.17.2",
      // Patch releases may differ.
      "2.17.0, 2.17.2, 2.17.1",
      // Modules older than core work: Jackson keeps its API within a major version.
      "2.20.1, 2.17.2, 2.17.2",
      "2.20.1, 2.20.1, 2.18.3",
    })
    void modulesNoNewerThanCoreAreFine(String core, String databind, String yaml) {
      assertThat(
              Compatibility.jackson(
                  versions(
                      "jackson-core", core,
                      "jackson-databind", databind,
                      "jackson-dataformat-yaml", yaml)))
          .isEmpty();
    }

    @Test
    void withoutJacksonCoreThereIsNothingToCompare() {
      assertThat(Compatibility.jackson(versions("jackson-databind", "2.20.1"))).isEmpty();
    }
  }

  @Nested
  class HttpClient {

    @Test
    void springBoot33sHttpClientIsNamedWithTheBomOrderThatFixesIt() {
      assertThat(Compatibility.httpClient("5.3.1", "5.2.5"))
          .contains(
              "WireMock needs Apache httpclient5 5.4 or later, but the classpath has httpclient5"
                  + " 5.3.1 (httpcore5 5.2.5): import io.pactwire:pactwire-bom in"
                  + " <dependencyManagement> before any BOM that manages it (such as"
                  + " spring-boot-dependencies), or pin"
                  + " org.apache.httpcomponents.client5:httpclient5 to 5.5.1 and"
                  + " org.apache.httpcomponents.core5:httpcore5 and httpcore5-h2 to 5.3.6.");
    }

    @ParameterizedTest
    @CsvSource({
      // The first release with setProtocolUpgradeEnabled.
      "5.4",
      "5.4.4",
      // WireMock 3.13.2's own.
      "5.5.1",
      "6.0.0",
    })
    void releasesFrom54AreFine(String httpclient5) {
      assertThat(Compatibility.httpClient(httpclient5, "5.3.6")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"5.3.1", "5.1.3", "5.2.3"})
    void olderReleasesAreNamed(String httpclient5) {
      assertThat(Compatibility.httpClient(httpclient5, null).orElseThrow())
          .contains("the classpath has httpclient5 " + httpclient5 + ":");
    }

    @Test
    void anUnknownVersionIsNotGuessedAt() {
      assertThat(Compatibility.httpClient(null, null)).isEmpty();
    }
  }

  @Nested
  class Kotlin {

    @Test
    void springBoot33sKotlinIsNamedWithTheBomOrderThatFixesIt() {
      assertThat(Compatibility.kotlin("1.9.25"))
          .contains(
              "pact-jvm needs Kotlin's runtime 2.3 or later, but the classpath has kotlin-stdlib"
                  + " 1.9.25: import io.pactwire:pactwire-bom in <dependencyManagement> before any"
                  + " BOM that manages it (such as spring-boot-dependencies), or import"
                  + " org.jetbrains.kotlin:kotlin-bom:2.3.20.");
    }

    @ParameterizedTest
    @CsvSource({
      // What pact-jvm 4.7.5 declares.
      "2.3.20",
      "2.4.0",
    })
    void theRuntimePactJvmIsBuiltOnOrLaterIsFine(String kotlin) {
      assertThat(Compatibility.kotlin(kotlin)).isEmpty();
    }

    @Test
    void anUnknownVersionIsNotGuessedAt() {
      assertThat(Compatibility.kotlin(null)).isEmpty();
    }
  }

  @Nested
  class Jetty {

    @Test
    void theJetty11BuildOnSpringBootsJetty12PointsToWireMockJetty12() {
      assertThat(Compatibility.jetty(false, "12.0.23"))
          .contains(
              "WireMock (org.wiremock:wiremock) runs on Jetty 11, but the classpath has Jetty"
                  + " 12.0.23 (Spring Boot 3.2+ manages Jetty 12): use"
                  + " org.wiremock:wiremock-jetty12 instead - exclude org.wiremock:wiremock from"
                  + " io.pactwire:pactwire-consumer and add org.wiremock:wiremock-jetty12 (its"
                  + " version comes from io.pactwire:pactwire-bom).");
    }

    @Test
    void theJetty11BuildWithoutJettyIsNamed() {
      assertThat(Compatibility.jetty(false, null).orElseThrow())
          .startsWith(
              "WireMock (org.wiremock:wiremock) runs on Jetty 11, but the classpath has no"
                  + " Jetty: use org.wiremock:wiremock-jetty12");
    }

    @Test
    void theJetty12BuildOnJetty11IsNamed() {
      assertThat(Compatibility.jetty(true, "11.0.26").orElseThrow())
          .startsWith(
              "org.wiremock:wiremock-jetty12 needs Jetty 12, but the classpath has Jetty 11.0.26");
    }

    @ParameterizedTest
    @CsvSource({
      // WireMock's main artifact as it comes.
      "false, 11.0.26",
      // wiremock-jetty12 under Spring Boot 3.3's Jetty.
      "true, 12.0.23",
      "true, 12.0.30",
    })
    void eachBuildOnItsOwnJettyIsFine(boolean jetty12Build, String jetty) {
      assertThat(Compatibility.jetty(jetty12Build, jetty)).isEmpty();
    }
  }

  @Nested
  class JsonSchemaValidator {

    @Test
    void a2xOr3xLineIsNamedWithTheVersionThatFixesIt() {
      assertThat(Compatibility.jsonSchemaValidator("2.0.8", false))
          .contains(
              "WireMock's JSON schema matching (matchingJsonSchema) and pactwire-openapi need"
                  + " networknt json-schema-validator 1.x, but the classpath has"
                  + " json-schema-validator 2.0.8, whose API differs: import"
                  + " io.pactwire:pactwire-bom in <dependencyManagement> before any BOM that"
                  + " manages it (such as spring-boot-dependencies), or pin"
                  + " com.networknt:json-schema-validator to 1.5.9.");
      assertThat(Compatibility.jsonSchemaValidator("3.0.9", false).orElseThrow())
          .contains("the classpath has json-schema-validator 3.0.9,");
    }

    @ParameterizedTest
    @CsvSource({"1.5.9, true", "1.4.0, true", "1.5.9, false"})
    void the1xLineIsFine(String version, boolean oneXApi) {
      assertThat(Compatibility.jsonSchemaValidator(version, oneXApi)).isEmpty();
    }

    @Test
    void the1xApiPresentOrAnUnknownVersionIsNotGuessedAt() {
      // a repackaged jar without Maven metadata, or a 2.x jar beside the 1.x API
      assertThat(Compatibility.jsonSchemaValidator(null, false)).isEmpty();
      assertThat(Compatibility.jsonSchemaValidator("2.0.8", true)).isEmpty();
    }
  }

  @Nested
  class ThisClasspath {

    @Test
    void theBuildsOwnClasspathHasNoProblem() {
      // pactwire-core's tests run on the versions io.pactwire:pactwire-bom aligns.
      assertThat(Compatibility.problems(Compatibility.Side.PROVIDER)).isEmpty();
      Compatibility.require(Compatibility.Side.CONSUMER);
    }

    @Test
    void aJarsVersionIsReadFromItsMavenMetadata() {
      ClassLoader loader = getClass().getClassLoader();
      // AssertJ is built by Maven and ships its pom.properties
      assertThat(Compatibility.mavenVersion(loader, "org.assertj", "assertj-core"))
          .matches("3\\.\\d+\\.\\d+");
      assertThat(Compatibility.mavenVersion(loader, "com.networknt", "json-schema-validator"))
          .isNull();
    }

    @Test
    void theExceptionIsItsMessageWithoutAStackTrace() {
      assertThatThrownBy(
              () -> {
                throw new IncompatibleClasspathException("one line");
              })
          .hasMessage("one line")
          .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }
  }

  private static Map<String, String> versions(String... namesAndVersions) {
    Map<String, String> versions = new LinkedHashMap<>();
    for (int i = 0; i < namesAndVersions.length; i += 2) {
      versions.put(namesAndVersions[i], namesAndVersions[i + 1]);
    }
    return versions;
  }
}
