package io.pactwire.example.inventory.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.core.PactsDirectory;
import io.pactwire.example.inventory.ListeningSockets;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@code pactwire verify} (the CLI jar, as a process) against inventory-service (its jar, as a
 * process, with {@code --state-change} over the contract tests' fixtures and its messages endpoint)
 * gives, interaction by interaction, HTTP and message alike, the verdicts that the JUnit 5
 * verification {@link InventoryContractTests} gives on the same pacts, and records results of the
 * same shape in the pacts store. Failsafe runs it after {@code package}, so both jars are this
 * build's.
 */
class VerifyCommandIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SERVICE_JAR = Path.of("target/inventory-service.jar");
  private static final Path CLI_JAR = Path.of("../../toolkit/pactwire-cli/target/pactwire.jar");
  private static final String PROVIDER = "inventory-service";

  private static Process service;
  private static String baseUrl;

  @BeforeAll
  static void startService(@TempDir Path logs) throws Exception {
    assertThat(SERVICE_JAR).as("the jar built by this module's package phase").exists();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = logs.resolve("inventory-service.log");
    service =
        new ProcessBuilder(
                java(),
                "-jar",
                SERVICE_JAR.toString(),
                "--port",
                String.valueOf(port),
                "--state-change",
                "src/test/resources/states")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    baseUrl = "http://127.0.0.1:" + port;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!Files.readString(log).contains("listening on port")) {
      assertThat(service.isAlive())
          .as("inventory-service exited: %s", Files.readString(log))
          .isTrue();
      assertThat(System.nanoTime())
          .as("inventory-service started within 90 s")
          .isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  @AfterAll
  static void stopService() throws InterruptedException {
    if (service != null) {
      service.destroy(); // its shutdown hook stops the embedded PostgreSQL
      if (!service.waitFor(30, TimeUnit.SECONDS)) {
        service.destroyForcibly();
      }
    }
  }

  @Test
  void theServiceListensOnLoopbackOnly() {
    int port = java.net.URI.create(baseUrl).getPort();

    assertThat(ListeningSockets.on(port))
        .as("addresses inventory-service's port is bound to, started without --host")
        .isNotEmpty()
        .allMatch(java.net.InetAddress::isLoopbackAddress);
  }

  @Test
  void onTheRealPactsTheCliAndJunitGiveTheSameVerdictsAndStoreRecordsOfTheSameShape(
      @TempDir Path dir) throws Exception {
    Path cliPacts = copyPacts(dir.resolve("cli-pacts"));
    Path junitPacts = copyPacts(dir.resolve("junit-pacts"));

    Map<String, Boolean> cli = cliVerdicts(verify(cliPacts, dir.resolve("cli"), "1.0.0", 0));
    Map<String, Boolean> junit = junitVerdicts(junitPacts, dir.resolve("junit"), "1.0.0");

    assertThat(cli).hasSize(5).doesNotContainValue(false);
    assertThat(cli)
        .as("the message, produced by the jar's own publishing code, verified through the CLI")
        .containsKey("catalog-indexer: a StockChanged event");
    assertThat(cli).isEqualTo(junit);

    JsonNode cliRecord = JSON.readTree(storeRecord(cliPacts).toFile());
    JsonNode junitRecord = JSON.readTree(storeRecord(junitPacts).toFile());
    assertThat(keys(cliRecord, "$"))
        .as("the keys of the CLI's record in the contract store and of the JUnit run's")
        .isNotEmpty()
        .isEqualTo(keys(junitRecord, "$"));
    assertThat(cliRecord.get("pactVersion"))
        .as("both name the pact they verified by the same pact version")
        .isEqualTo(junitRecord.get("pactVersion"));
    assertThat(cliRecord.get("success")).isEqualTo(junitRecord.get("success"));
    assertThat(keys(JSON.readTree(dir.resolve("cli/results/inventory-service.json").toFile()), "$"))
        .as("and of the results each writes in its reports folder")
        .isEqualTo(
            keys(JSON.readTree(dir.resolve("junit/results/inventory-service.json").toFile()), "$"));
  }

  @Test
  void onBrokenPactsTheSameInteractionsFailInBoth(@TempDir Path dir) throws Exception {
    Path pacts = copyPacts(dir.resolve("pacts"));
    Path checkout = pacts.resolve("checkout-service-inventory-service.json");
    ObjectNode pact = (ObjectNode) JSON.readTree(checkout.toFile());
    for (JsonNode interaction : pact.get("interactions")) {
      ObjectNode response = (ObjectNode) interaction.get("response");
      switch (interaction.get("description").asText()) {
        // the consumer now expects a field the provider does not have
        case "a request for a product" -> {
          ObjectNode content = (ObjectNode) response.get("body").get("content");
          content.set("quantityOnHand", content.remove("stock"));
          ObjectNode rules = (ObjectNode) response.get("matchingRules").get("body");
          rules.set("$.quantityOnHand", rules.remove("$.stock"));
        }
        // and another status than the provider answers
        case "a request for an unknown product" -> response.put("status", 410);
        default -> {}
      }
    }
    Files.writeString(checkout, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(pact));
    // and the indexer now wants the event's sku as a number
    Path catalog = pacts.resolve("catalog-indexer-inventory-service.json");
    ObjectNode events = (ObjectNode) JSON.readTree(catalog.toFile());
    for (JsonNode message : events.get("interactions")) {
      ((ObjectNode) message.get("contents").get("content")).put("sku", 1001);
      ((ObjectNode) message.get("matchingRules").get("body").get("$.sku").get("matchers").get(0))
          .put("match", "integer");
    }
    Files.writeString(catalog, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(events));

    Map<String, Boolean> cli = cliVerdicts(verify(pacts, dir.resolve("cli"), "1.0.1", 1));
    Map<String, Boolean> junit = junitVerdicts(pacts, dir.resolve("junit"), "1.0.1");

    assertThat(failed(cli))
        .containsExactly(
            "catalog-indexer: a StockChanged event",
            "checkout-service: a request for a product",
            "checkout-service: a request for an unknown product");
    assertThat(cli).isEqualTo(junit);
  }

  @Test
  void theJarRefusesAStateWithoutAFixtureNamingTheFileToAdd() throws Exception {
    java.net.http.HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + "/_pact/state"))
                    .header("Content-Type", "application/json")
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"state\": \"a warehouse exists\", \"action\": \"setup\"}"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("detail").asText())
        .isEqualTo(
            "no fixture for state 'a warehouse exists': add"
                + " src/test/resources/states/a warehouse exists.sql");
  }

  /** Runs the CLI jar; returns what it printed with {@code --format json}. */
  private static JsonNode verify(Path pacts, Path out, String version, int exit) throws Exception {
    Path stdout = Files.createDirectories(out).resolve("stdout.json");
    Path stderr = out.resolve("stderr.txt");
    Process cli =
        new ProcessBuilder(
                java(),
                "-jar",
                CLI_JAR.toString(),
                "verify",
                "--provider",
                PROVIDER,
                "--base-url",
                baseUrl,
                "--state-change-url",
                baseUrl + "/_pact/state",
                "--pacts",
                pacts.toString(),
                "--provider-version",
                version,
                "--branch",
                "main",
                "--format",
                "json",
                "--out",
                out.toString(),
                "--messages-url",
                baseUrl + "/_pact/messages",
                "--publish")
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    assertThat(cli.waitFor(120, TimeUnit.SECONDS)).as("pactwire verify finished").isTrue();
    String err = Files.readString(stderr);
    assertThat(err).as("no message left unverified").doesNotContain("not verified");
    assertThat(cli.exitValue()).as("exit status; stderr: %s", err).isEqualTo(exit);
    return JSON.readTree(stdout.toFile());
  }

  /** Runs {@link InventoryContractTests} on {@code pacts}; returns its results' verdicts. */
  private static Map<String, Boolean> junitVerdicts(Path pacts, Path reports, String version)
      throws IOException {
    String before = System.getProperty(PactsDirectory.PROPERTY);
    System.setProperty(PactsDirectory.PROPERTY, pacts.toString());
    try {
      EngineTestKit.engine("junit-jupiter")
          .configurationParameter("pactwire.reportsDir", reports.toString())
          .configurationParameter("pactwire.results.publish", "true")
          .configurationParameter("pactwire.provider.version", version)
          .configurationParameter("pactwire.provider.branch", "main")
          .selectors(selectClass(InventoryContractTests.class))
          .execute();
    } finally {
      if (before == null) {
        System.clearProperty(PactsDirectory.PROPERTY);
      } else {
        System.setProperty(PactsDirectory.PROPERTY, before);
      }
    }
    return cliVerdicts(JSON.readTree(reports.resolve("results/inventory-service.json").toFile()));
  }

  /** {@code "consumer: description" -> passed} from a results document. */
  private static Map<String, Boolean> cliVerdicts(JsonNode results) {
    Map<String, Boolean> verdicts = new TreeMap<>();
    for (JsonNode pact : results.get("pacts")) {
      for (JsonNode interaction : pact.get("interactions")) {
        verdicts.put(
            pact.get("consumer").asText() + ": " + interaction.get("description").asText(),
            interaction.get("success").asBoolean());
      }
    }
    return verdicts;
  }

  private static List<String> failed(Map<String, Boolean> verdicts) {
    return verdicts.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
  }

  /** Every JSON path of a document's object keys, arrays collapsed to {@code []}. */
  /** The one verification record of checkout-service's pact by version 1.0.0 in a store. */
  private static Path storeRecord(Path store) throws IOException {
    Path dir =
        store
            .resolve("verifications")
            .resolve(PROVIDER)
            .resolve("1.0.0")
            .resolve("checkout-service");
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> records = files.toList();
      assertThat(records).as("verification records in " + dir).hasSize(1);
      return records.get(0);
    }
  }

  private static TreeSet<String> keys(JsonNode node, String path) {
    TreeSet<String> keys = new TreeSet<>();
    if (node.isObject()) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        keys.add(path + "." + name);
        keys.addAll(keys(node.get(name), path + "." + name));
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        keys.addAll(keys(element, path + "[]"));
      }
    }
    return keys;
  }

  private static Path copyPacts(Path to) throws IOException {
    Files.createDirectories(to);
    Path from = PactsDirectory.locate();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(from)) {
      list.filter(p -> p.getFileName().toString().endsWith(".json")).forEach(files::add);
    }
    for (Path file : files) {
      Files.writeString(
          to.resolve(file.getFileName()),
          Files.readString(file, StandardCharsets.UTF_8),
          StandardCharsets.UTF_8);
    }
    return to;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
