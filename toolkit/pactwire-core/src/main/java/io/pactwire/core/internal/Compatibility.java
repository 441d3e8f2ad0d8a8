package io.pactwire.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Checks, once per JVM and side, that the libraries Pactwire runs on were resolved to versions that
 * work together, and fails with one actionable line per problem when not.
 *
 * <p>The usual cause is a BOM imported by the user's build (Spring Boot's, or a Jackson pin) that
 * wins over the versions Pactwire was built with. Each check below is split into what is read from
 * the classpath (versions, as the libraries report them) and a decision on those version strings,
 * which is what the tests exercise.
 */
public final class Compatibility {

  /** Which Pactwire entry point is starting. */
  public enum Side {
    /** {@code PactwireWireMockExtension}: WireMock's server and client, Jackson. */
    CONSUMER,
    /** The provider extensions: pact-jvm, Jackson with YAML for state fixtures. */
    PROVIDER
  }

  /** The httpclient5 release whose API WireMock 3.13 calls ({@code setProtocolUpgradeEnabled}). */
  static final String HTTPCLIENT5_NEEDED = "5.4";

  /** What io.pactwire:pactwire-bom aligns httpclient5 and httpcore5 to (WireMock 3.13.2's). */
  static final String HTTPCLIENT5_ALIGNED = "5.5.1";

  static final String HTTPCORE5_ALIGNED = "5.3.6";

  /**
   * The networknt json-schema-validator line whose API WireMock 3.13's {@code matchingJsonSchema}
   * and pactwire-openapi call; 2.x and later renamed it (SchemaRegistry, Schema, Error).
   */
  static final int JSON_SCHEMA_VALIDATOR_MAJOR = 1;

  /** What io.pactwire:pactwire-bom aligns json-schema-validator to (WireMock 3.13.2's). */
  static final String JSON_SCHEMA_VALIDATOR_ALIGNED = "1.5.9";

  /** The Kotlin runtime pact-jvm 4.7.5 is built on and declares. */
  static final String KOTLIN_NEEDED = "2.3";

  private static final String BOM_FIRST =
      "import io.pactwire:pactwire-bom in <dependencyManagement> before any BOM that manages"
          + " it (such as spring-boot-dependencies)";

  // Jackson modules, by artifact, and the class each reports its own version from.
  private static final Map<String, String> JACKSON = new LinkedHashMap<>();

  static {
    JACKSON.put("jackson-core", "com.fasterxml.jackson.core.json.PackageVersion");
    JACKSON.put("jackson-databind", "com.fasterxml.jackson.databind.cfg.PackageVersion");
    JACKSON.put("jackson-dataformat-yaml", "com.fasterxml.jackson.dataformat.yaml.PackageVersion");
    JACKSON.put("jackson-datatype-jsr310", "com.fasterxml.jackson.datatype.jsr310.PackageVersion");
    JACKSON.put("jackson-datatype-jdk8", "com.fasterxml.jackson.datatype.jdk8.PackageVersion");
    JACKSON.put(
        "jackson-module-parameter-names", "com.fasterxml.jackson.module.paramnames.PackageVersion");
  }

  private static final Map<Side, List<String>> CHECKED = new EnumMap<>(Side.class);

  private Compatibility() {}

  /**
   * Throws {@link IncompatibleClasspathException} naming every problem found for {@code side}; the
   * classpath is read once per side, later calls repeat the first answer.
   */
  public static void require(Side side) {
    List<String> problems;
    synchronized (CHECKED) {
      problems = CHECKED.computeIfAbsent(side, Compatibility::problems);
    }
    if (!problems.isEmpty()) {
      throw new IncompatibleClasspathException(String.join(System.lineSeparator(), problems));
    }
  }

  /** Every problem on this JVM's classpath for {@code side}, one line each. */
  static List<String> problems(Side side) {
    ClassLoader loader = Compatibility.class.getClassLoader();
    List<String> problems = new ArrayList<>();
    jackson(jacksonVersions(loader)).ifPresent(problems::add);
    kotlin(staticString(loader, "kotlin.KotlinVersion", "CURRENT")).ifPresent(problems::add);
    if (side == Side.CONSUMER
        && present(loader, "com.github.tomakehurst.wiremock.WireMockServer")) {
      httpClient(
              resourceVersion(loader, "org/apache/hc/client5/version.properties"),
              resourceVersion(loader, "org/apache/hc/core5/version.properties"))
          .ifPresent(problems::add);
      jetty(
              present(loader, "com.github.tomakehurst.wiremock.jetty12.Jetty12HttpServerFactory"),
              staticString(loader, "org.eclipse.jetty.util.Jetty", "VERSION"))
          .ifPresent(problems::add);
      jsonSchemaValidator(
              mavenVersion(loader, "com.networknt", "json-schema-validator"),
              present(loader, "com.networknt.schema.SchemaValidatorsConfig"))
          .ifPresent(problems::add);
    }
    return problems;
  }

  /**
   * Jackson modules newer than jackson-core (or, for the format and datatype modules, newer than
   * jackson-databind) call methods the older one lacks: the {@code NoSuchMethodError
   * YAMLParser._updateToken} of a jackson-dataformat-yaml 2.20 on a jackson-core 2.17. An older
   * module on a newer core works, as Jackson keeps its API within a major version.
   *
   * @param versions artifact id to version, for the modules present
   */
  static Optional<String> jackson(Map<String, String> versions) {
    String core = versions.get("jackson-core");
    if (core == null) {
      return Optional.empty();
    }
    String databind = versions.get("jackson-databind");
    for (Map.Entry<String, String> module : versions.entrySet()) {
      String name = module.getKey();
      String version = module.getValue();
      String older = null;
      String olderVersion = null;
      if (!name.equals("jackson-core") && newerMinor(version, core)) {
        older = "jackson-core";
        olderVersion = core;
      } else if (databind != null
          && !name.equals("jackson-core")
          && !name.equals("jackson-databind")
          && newerMinor(version, databind)) {
        older = "jackson-databind";
        olderVersion = databind;
      }
      if (older != null) {
        return Optional.of(
            "Jackson modules are mixed: "
                + name
                + " "
                + version
                + " is newer than "
                + older
                + " "
                + olderVersion
                + " and calls methods it lacks ("
                + describe(versions)
                + "). Put all of Jackson on one version: import"
                + " com.fasterxml.jackson:jackson-bom:"
                + olderVersion
                + " in <dependencyManagement> (before io.pactwire:pactwire-bom), or pin "
                + name
                + " to "
                + olderVersion
                + ".");
      }
    }
    return Optional.empty();
  }

  /**
   * pact-jvm is written in Kotlin; an older runtime than the one it is built on (Spring Boot 3.3's
   * BOM, for one, manages Kotlin 1.9) fails inside pact-jvm or kotlin-reflect.
   *
   * @param kotlin the version kotlin-stdlib reports, or null when unknown
   */
  static Optional<String> kotlin(String kotlin) {
    if (kotlin == null || !older(kotlin, KOTLIN_NEEDED)) {
      return Optional.empty();
    }
    return Optional.of(
        "pact-jvm needs Kotlin's runtime "
            + KOTLIN_NEEDED
            + " or later, but the classpath has kotlin-stdlib "
            + kotlin
            + ": "
            + BOM_FIRST
            + ", or import org.jetbrains.kotlin:kotlin-bom:2.3.20.");
  }

  /**
   * WireMock 3.13 builds its proxy client with httpclient5 5.4's API; Spring Boot 3.3's BOM, for
   * one, manages 5.3.
   *
   * @param httpclient5 the version httpclient5 reports, or null when unknown
   * @param httpcore5 the version httpcore5 reports, or null when unknown
   */
  static Optional<String> httpClient(String httpclient5, String httpcore5) {
    if (httpclient5 == null || !older(httpclient5, HTTPCLIENT5_NEEDED)) {
      return Optional.empty();
    }
    return Optional.of(
        "WireMock needs Apache httpclient5 "
            + HTTPCLIENT5_NEEDED
            + " or later, but the classpath has httpclient5 "
            + httpclient5
            + (httpcore5 == null ? "" : " (httpcore5 " + httpcore5 + ")")
            + ": "
            + BOM_FIRST
            + ", or pin org.apache.httpcomponents.client5:httpclient5 to "
            + HTTPCLIENT5_ALIGNED
            + " and org.apache.httpcomponents.core5:httpcore5 and httpcore5-h2 to "
            + HTTPCORE5_ALIGNED
            + ".");
  }

  /**
   * WireMock's main artifact runs on Jetty 11; {@code org.wiremock:wiremock-jetty12} on Jetty 12. A
   * Spring Boot 3.2+ BOM manages Jetty 12, which the Jetty 11 build cannot start on ("Jetty 11 is
   * not present").
   *
   * @param jetty12Build whether {@code wiremock-jetty12} is on the classpath
   * @param jetty the version Jetty reports, or null when there is no Jetty
   */
  static Optional<String> jetty(boolean jetty12Build, String jetty) {
    String found = jetty == null ? "no Jetty" : "Jetty " + jetty;
    if (jetty12Build) {
      if (jetty != null && major(jetty) == 12) {
        return Optional.empty();
      }
      return Optional.of(
          "org.wiremock:wiremock-jetty12 needs Jetty 12, but the classpath has "
              + found
              + ": remove the Jetty 11 pin, or import org.eclipse.jetty:jetty-bom and"
              + " org.eclipse.jetty.ee10:jetty-ee10-bom 12.0.x in <dependencyManagement>.");
    }
    if (jetty != null && major(jetty) == 11) {
      return Optional.empty();
    }
    return Optional.of(
        "WireMock (org.wiremock:wiremock) runs on Jetty 11, but the classpath has "
            + found
            + (jetty != null && major(jetty) == 12 ? " (Spring Boot 3.2+ manages Jetty 12)" : "")
            + ": use org.wiremock:wiremock-jetty12 instead - exclude org.wiremock:wiremock from"
            + " io.pactwire:pactwire-consumer and add org.wiremock:wiremock-jetty12 (its version"
            + " comes from io.pactwire:pactwire-bom).");
  }

  /**
   * WireMock's {@code matchingJsonSchema} (and pactwire-openapi) call networknt
   * json-schema-validator's 1.x API; its 2.x and 3.x lines renamed it, and a build that resolves
   * one of those (another library's, nearer than WireMock's) fails with {@code
   * NoClassDefFoundError: com/networknt/schema/SchemaValidatorsConfig} at the first schema stub.
   *
   * @param version the version the jar's Maven metadata names, or null when unknown
   * @param oneXApi whether the 1.x API's {@code SchemaValidatorsConfig} is on the classpath
   */
  static Optional<String> jsonSchemaValidator(String version, boolean oneXApi) {
    if (version == null || oneXApi || major(version) == JSON_SCHEMA_VALIDATOR_MAJOR) {
      return Optional.empty();
    }
    return Optional.of(
        "WireMock's JSON schema matching (matchingJsonSchema) and pactwire-openapi need networknt"
            + " json-schema-validator "
            + JSON_SCHEMA_VALIDATOR_MAJOR
            + ".x, but the classpath has json-schema-validator "
            + version
            + ", whose API differs: "
            + BOM_FIRST
            + ", or pin com.networknt:json-schema-validator to "
            + JSON_SCHEMA_VALIDATOR_ALIGNED
            + ".");
  }

  private static String describe(Map<String, String> versions) {
    List<String> parts = new ArrayList<>();
    versions.forEach((name, version) -> parts.add(name + " " + version));
    return String.join(", ", parts);
  }

  // ---- versions as text

  /** Whether {@code version}'s major.minor is above {@code other}'s. */
  static boolean newerMinor(String version, String other) {
    int[] a = numbers(version);
    int[] b = numbers(other);
    return a[0] > b[0] || (a[0] == b[0] && a[1] > b[1]);
  }

  /** Whether {@code version} is below {@code minimum}, comparing major, minor and patch. */
  static boolean older(String version, String minimum) {
    int[] a = numbers(version);
    int[] b = numbers(minimum);
    for (int i = 0; i < 3; i++) {
      if (a[i] != b[i]) {
        return a[i] < b[i];
      }
    }
    return false;
  }

  private static int major(String version) {
    return numbers(version)[0];
  }

  /** The leading major, minor and patch numbers of a version ("5.4-beta1" is 5, 4, 0). */
  private static int[] numbers(String version) {
    int[] numbers = new int[3];
    String[] parts = version.trim().split("[.-]");
    for (int i = 0; i < 3 && i < parts.length; i++) {
      String digits = parts[i].replaceFirst("^(\\d*).*$", "$1");
      if (digits.isEmpty()) {
        break;
      }
      numbers[i] = Integer.parseInt(digits);
    }
    return numbers;
  }

  // ---- reading the classpath

  private static Map<String, String> jacksonVersions(ClassLoader loader) {
    Map<String, String> versions = new LinkedHashMap<>();
    JACKSON.forEach(
        (artifact, className) -> {
          String version = staticString(loader, className, "VERSION");
          if (version != null) {
            versions.put(artifact, version);
          }
        });
    return versions;
  }

  private static boolean present(ClassLoader loader, String className) {
    try {
      Class.forName(className, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** A static field's value as text, or null when the class is absent or cannot load. */
  private static String staticString(ClassLoader loader, String className, String field) {
    try {
      Object value = Class.forName(className, true, loader).getField(field).get(null);
      return value == null ? null : value.toString();
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null;
    }
  }

  /** The version in a jar's {@code META-INF/maven/<group>/<artifact>/pom.properties}, or null. */
  static String mavenVersion(ClassLoader loader, String group, String artifact) {
    return properties(
        loader, "META-INF/maven/" + group + "/" + artifact + "/pom.properties", "version");
  }

  /** {@code info.release} of an Apache HttpComponents version.properties, or null. */
  private static String resourceVersion(ClassLoader loader, String resource) {
    return properties(loader, resource, "info.release");
  }

  private static String properties(ClassLoader loader, String resource, String key) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty(key);
    } catch (IOException e) {
      return null;
    }
  }
}
