package io.pactwire.example.inventory;

import io.pactwire.provider.StateFixtures;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Runs the inventory service on its own.
 *
 * <pre>
 * java -jar inventory-service.jar [--host H] [--port N] [--jdbc-url URL --user U --password P]
 *                                 [--kafka-bootstrap HOST:PORT] [--state-change DIR]
 * </pre>
 *
 * <p>It listens on loopback ({@code 127.0.0.1}) unless {@code --host} names another interface
 * ({@code --host 0.0.0.0} for every one, as in a container).
 *
 * <p>Without {@code --jdbc-url} it starts an embedded PostgreSQL; without {@code --kafka-bootstrap}
 * it logs each StockChanged event instead of publishing it. {@code --state-change DIR}, for
 * contract verification only, serves {@code POST /_pact/state} with the provider-state fixtures in
 * {@code DIR} (those the JUnit contract tests use, {@code src/test/resources/states}), so that
 * {@code pactwire verify --state-change-url http://host:port/_pact/state} can verify the running
 * service, and {@code POST /_pact/messages}, where the service's own code produces the messages its
 * message contracts describe ({@code --messages-url http://host:port/_pact/messages}); both are off
 * unless it is given.
 *
 * @since 0.1.0
 */
public final class InventoryMain {

  private static final List<String> OPTIONS =
      List.of(
          "--host",
          "--port",
          "--jdbc-url",
          "--user",
          "--password",
          "--kafka-bootstrap",
          "--state-change");

  /** The interface listened on without {@code --host}: loopback only. */
  static final String DEFAULT_HOST = "127.0.0.1";

  private InventoryMain() {}

  /** Starts the service and serves until the JVM is stopped. */
  public static void main(String[] args) throws Exception {
    Map<String, String> options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("inventory-service: " + e.getMessage());
      System.err.println(
          "usage: java -jar inventory-service.jar [--host H] [--port N] [--jdbc-url URL --user U"
              + " --password P] [--kafka-bootstrap HOST:PORT] [--state-change DIR]");
      System.exit(2);
      return;
    }
    Deque<AutoCloseable> resources = new ArrayDeque<>();
    DataSource dataSource;
    if (options.containsKey("--jdbc-url")) {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(options.get("--jdbc-url"));
      pg.setUser(options.getOrDefault("--user", ""));
      pg.setPassword(options.getOrDefault("--password", ""));
      dataSource = pg;
    } else {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      resources.push(closing(postgres));
      dataSource = postgres.getPostgresDatabase();
      System.out.println("inventory-service: embedded PostgreSQL on port " + postgres.getPort());
    }
    StockEventPublisher events;
    if (options.containsKey("--kafka-bootstrap")) {
      KafkaStockEventPublisher kafka =
          new KafkaStockEventPublisher(options.get("--kafka-bootstrap"));
      resources.push(kafka);
      events = kafka;
    } else {
      events =
          message ->
              System.out.println(
                  "StockChanged " + message.key() + " -> " + message.valueAsString());
    }
    InventoryService.Builder builder = service(options, dataSource, events);
    if (options.containsKey("--state-change")) {
      builder.providerStates(fixtureStates(dataSource, Path.of(options.get("--state-change"))));
      builder.contractMessages();
      System.out.println(
          "inventory-service: provider states from "
              + options.get("--state-change")
              + " at POST /_pact/state, messages at POST /_pact/messages (contract verification"
              + " only)");
    }
    InventoryService service = builder.start();
    resources.push(service);
    System.out.println(
        "inventory-service: listening on port "
            + service.port()
            + " of "
            + options.getOrDefault("--host", DEFAULT_HOST));

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (AutoCloseable resource : resources) {
                    try {
                      resource.close();
                    } catch (Exception e) {
                      System.err.println("inventory-service: while stopping: " + e);
                    }
                  }
                  stopped.countDown();
                }));
    stopped.await();
  }

  /**
   * The service as {@code options} configure it: on {@code --host} (loopback unless given) and
   * {@code --port} (8080 unless given).
   */
  static InventoryService.Builder service(
      Map<String, String> options, DataSource dataSource, StockEventPublisher events) {
    return InventoryService.builder()
        .dataSource(dataSource)
        .events(events)
        .host(options.getOrDefault("--host", DEFAULT_HOST))
        .port(Integer.parseInt(options.getOrDefault("--port", "8080")));
  }

  /** The provider-state fixtures of the contract tests, applied as {@code @PactwireStates} does. */
  static ProviderStates fixtureStates(DataSource dataSource, Path folder) {
    StateFixtures fixtures = StateFixtures.open(dataSource, folder);
    return new ProviderStates() {
      @Override
      public void setUp(String state, Map<String, Object> params) {
        fixtures.setUp(state, params);
      }

      @Override
      public void tearDown() {
        fixtures.tearDown();
      }
    };
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (!OPTIONS.contains(name)) {
        throw new IllegalArgumentException("unknown option " + name);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      options.put(name, args[++i]);
    }
    if (options.containsKey("--port")) {
      try {
        Integer.parseInt(options.get("--port"));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--port must be a number, not " + options.get("--port"));
      }
    }
    return options;
  }

  private static AutoCloseable closing(Closeable closeable) {
    return () -> {
      try {
        closeable.close();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    };
  }
}
