package io.pactwire.example.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inventory service: products, stock reservations and {@link StockChanged} events over HTTP, on
 * PostgreSQL.
 *
 * <p>{@link #builder()} migrates the schema, then serves on the given port ({@code 0} for any free
 * one):
 *
 * <pre>{@code
 * try (InventoryService service =
 *     InventoryService.builder().dataSource(dataSource).events(publisher).port(0).start()) {
 *   URI base = service.baseUri();
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class InventoryService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(InventoryService.class);

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private final Javalin app;
  private final InventoryStore store;
  private final StockEventPublisher events;
  private final ProviderStates states;

  /** What the service published, for {@code POST /_pact/messages}; null when that is off. */
  private final InMemoryStockEventPublisher recorded;

  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "inventory-expiry-sweep");
            thread.setDaemon(true);
            return thread;
          });

  private InventoryService(Builder builder) {
    this.store = new InventoryStore(builder.dataSource, builder.clock);
    this.recorded = builder.contractMessages ? new InMemoryStockEventPublisher() : null;
    this.events =
        recorded == null
            ? builder.events
            : message -> {
              recorded.publish(message);
              builder.events.publish(message);
            };
    this.states = builder.states;
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jetty.port = builder.port;
              config.jetty.host = builder.host;
              routes(config);
            });
  }

  /**
   * Starts a service on {@code port} ({@code 0} for any free one) after migrating the schema.
   *
   * @see #builder()
   */
  public static InventoryService start(
      DataSource dataSource, StockEventPublisher events, int port) {
    return builder().dataSource(dataSource).events(events).port(port).start();
  }

  /** Returns a builder; a data source and an event publisher are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Applies the schema migrations to {@code dataSource}; {@link Builder#start()} calls this. */
  public static void migrate(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }

  /**
   * Releases every reservation whose hold has lapsed, returning its stock and publishing one
   * StockChanged per product; the service does this every {@link Builder#expirySweep(Duration)}.
   *
   * @return the changes published
   */
  public List<StockChanged> releaseExpired() {
    try {
      List<StockChanged> changes = store.releaseExpired();
      changes.forEach(change -> events.publish(StockEvents.toMessage(change)));
      return changes;
    } catch (SQLException e) {
      throw new IllegalStateException("could not release expired reservations", e);
    }
  }

  /** Returns the port the service listens on. */
  public int port() {
    return app.port();
  }

  /** Returns {@code http://localhost:<port>}. */
  public URI baseUri() {
    return URI.create("http://localhost:" + port());
  }

  /** Stops serving; the data source and publisher stay open, they belong to the caller. */
  @Override
  public void close() {
    sweeper.shutdownNow();
    app.stop();
  }

  private void routes(JavalinConfig config) {
    config.routes.get("/products/{sku}", this::getProduct);
    config.routes.post("/reservations", this::postReservation);
    config.routes.get("/reservations/{id}", this::getReservation);
    config.routes.delete("/reservations/{id}", this::deleteReservation);
    if (states != null) {
      config.routes.post("/_pact/state", this::changeState);
    }
    if (recorded != null) {
      config.routes.post("/_pact/messages", this::produceMessage);
    }
    // Javalin's own answers (no such route, method not allowed) as problems too.
    config.routes.exception(
        HttpResponseException.class,
        (e, ctx) ->
            problem(
                ctx,
                Problem.of(
                    e.getStatus(),
                    HttpStatus.forStatus(e.getStatus()).getMessage(),
                    e.getMessage())));
    config.routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
          problem(ctx, Problem.of(500, "Internal error", "the inventory could not be read"));
        });
  }

  /** {@code {"state", "params", "action"}}, as {@code pactwire verify} and pact-jvm send it. */
  private void changeState(Context ctx) {
    JsonNode body;
    try {
      body = JSON.readTree(ctx.body());
    } catch (JsonProcessingException e) {
      problem(ctx, malformed("the body is not JSON: " + e.getOriginalMessage()));
      return;
    }
    String action = body == null ? "" : body.path("action").asText("setup");
    if ("teardown".equals(action)) {
      states.tearDown();
      ctx.status(200);
      return;
    }
    String state = body == null ? "" : body.path("state").asText("");
    if (state.isEmpty() || !"setup".equals(action)) {
      problem(
          ctx,
          malformed(
              "a state change is {\"state\": name, \"params\": {...}, \"action\": \"setup\""
                  + " | \"teardown\"}"));
      return;
    }
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> params =
        body.has("params") && body.get("params").isObject()
            ? JSON.convertValue(body.get("params"), java.util.Map.class)
            : java.util.Map.of();
    try {
      states.setUp(state, params);
    } catch (RuntimeException e) {
      problem(ctx, Problem.of(400, "State not set up", String.valueOf(e.getMessage())));
      return;
    }
    ctx.status(200);
  }

  /**
   * {@code {"description", "providerStates"}}, as {@code pactwire verify --messages-url} sends it:
   * runs the code that publishes the described message and answers with what it published, the
   * value as the body and the Kafka metadata as base64 JSON in {@code Pact-Message-Metadata}.
   */
  private void produceMessage(Context ctx) throws Exception {
    JsonNode body;
    try {
      body = JSON.readTree(ctx.body());
    } catch (JsonProcessingException e) {
      problem(ctx, malformed("the body is not JSON: " + e.getOriginalMessage()));
      return;
    }
    String description = body == null ? "" : body.path("description").asText("");
    if (!ContractMessages.STOCK_CHANGED.equals(description)) {
      problem(
          ctx,
          Problem.of(
              404,
              "No such message",
              "no message '"
                  + description
                  + "': this service produces '"
                  + ContractMessages.STOCK_CHANGED
                  + "'"));
      return;
    }
    // a reservation is what publishes StockChanged: make the one the states describe
    java.util.Map<String, JsonNode> params = new java.util.LinkedHashMap<>();
    for (JsonNode state : body.path("providerStates")) {
      state.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue()));
    }
    JsonNode sku = params.get("sku");
    JsonNode quantity = params.get("quantity");
    if (sku == null || !sku.isTextual() || quantity == null || !quantity.canConvertToInt()) {
      problem(
          ctx,
          malformed(
              "'"
                  + description
                  + "' needs a state with the params sku and quantity, not "
                  + params));
      return;
    }
    recorded.clear();
    InventoryStore.ReserveOutcome outcome = reserve(sku.asText(), quantity.intValue());
    java.util.List<StockEvents.Message> sent = recorded.messages();
    if (sent.size() != 1) {
      problem(
          ctx,
          Problem.of(
              409,
              "Message not produced",
              "reserving "
                  + quantity
                  + " of "
                  + sku.asText()
                  + " published "
                  + sent.size()
                  + " messages, not one: "
                  + outcome));
      return;
    }
    io.pactwire.provider.ProducedMessage message = ContractMessages.of(sent.get(0));
    ctx.status(200)
        .header(
            "Pact-Message-Metadata",
            java.util.Base64.getEncoder()
                .encodeToString(JSON.writeValueAsBytes(message.metadata())))
        .contentType(message.contentType())
        .result(message.payload());
  }

  /** Reserves through the store and publishes the change: the one path every reservation takes. */
  private InventoryStore.ReserveOutcome reserve(String sku, int quantity) throws SQLException {
    InventoryStore.ReserveOutcome outcome = store.reserve(sku, quantity);
    if (outcome instanceof InventoryStore.ReserveOutcome.Reserved reserved) {
      events.publish(StockEvents.toMessage(reserved.change()));
    }
    return outcome;
  }

  private void getProduct(Context ctx) throws Exception {
    String sku = ctx.pathParam("sku");
    Optional<Product> product = store.product(sku);
    if (product.isEmpty()) {
      problem(ctx, productNotFound(sku));
      return;
    }
    json(ctx, 200, product.get());
  }

  private void postReservation(Context ctx) throws Exception {
    JsonNode body;
    try {
      body = JSON.readTree(ctx.body());
    } catch (JsonProcessingException e) {
      problem(ctx, malformed("the body is not JSON: " + e.getOriginalMessage()));
      return;
    }
    if (body == null || !body.isObject()) {
      problem(ctx, malformed("the body must be a JSON object with sku and quantity"));
      return;
    }
    JsonNode sku = body.get("sku");
    if (sku == null || !sku.isTextual() || sku.asText().isBlank()) {
      problem(ctx, malformed("sku is required and must be a non-empty string"));
      return;
    }
    JsonNode quantity = body.get("quantity");
    if (quantity == null
        || !quantity.isIntegralNumber()
        || !quantity.canConvertToInt()
        || quantity.intValue() < 1) {
      problem(ctx, malformed("quantity is required and must be an integer of at least 1"));
      return;
    }
    InventoryStore.ReserveOutcome outcome = reserve(sku.asText(), quantity.intValue());
    if (outcome instanceof InventoryStore.ReserveOutcome.Reserved reserved) {
      ctx.header("Location", "/reservations/" + reserved.reservation().id());
      json(ctx, 201, reserved.reservation());
    } else if (outcome instanceof InventoryStore.ReserveOutcome.UnknownProduct unknown) {
      problem(ctx, productNotFound(unknown.sku()));
    } else if (outcome instanceof InventoryStore.ReserveOutcome.InsufficientStock shortfall) {
      problem(
          ctx,
          Problem.of(
              409,
              "Insufficient stock",
              shortfall.sku()
                  + " has "
                  + shortfall.available()
                  + " in stock, "
                  + shortfall.requested()
                  + " requested"));
    }
  }

  private void getReservation(Context ctx) throws Exception {
    String id = ctx.pathParam("id");
    Optional<Reservation> reservation = parseId(id).flatMap(this::findReservation);
    if (reservation.isEmpty()) {
      problem(ctx, reservationNotFound(id));
      return;
    }
    json(ctx, 200, reservation.get());
  }

  private void deleteReservation(Context ctx) throws Exception {
    String id = ctx.pathParam("id");
    Optional<UUID> uuid = parseId(id);
    if (uuid.isEmpty()) {
      problem(ctx, reservationNotFound(id));
      return;
    }
    InventoryStore.ReleaseOutcome outcome = store.release(uuid.get());
    if (outcome instanceof InventoryStore.ReleaseOutcome.Released released) {
      events.publish(StockEvents.toMessage(released.change()));
      ctx.status(204);
    } else {
      problem(ctx, reservationNotFound(id));
    }
  }

  private Optional<Reservation> findReservation(UUID id) {
    try {
      return store.reservation(id);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<UUID> parseId(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Problem productNotFound(String sku) {
    return Problem.of(404, "Product not found", "no product with sku " + sku);
  }

  private static Problem reservationNotFound(String id) {
    return Problem.of(404, "Reservation not found", "no reservation with id " + id);
  }

  private static Problem malformed(String detail) {
    return Problem.of(400, "Malformed request", detail);
  }

  private static void json(Context ctx, int status, Object body) throws JsonProcessingException {
    ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
  }

  private static void problem(Context ctx, Problem problem) {
    try {
      ctx.status(problem.status())
          .contentType(Problem.MEDIA_TYPE)
          .result(JSON.writeValueAsString(problem));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Configures and starts an {@link InventoryService}. */
  public static final class Builder {
    private DataSource dataSource;
    private StockEventPublisher events;
    private int port = 0;
    private String host = "localhost";
    private Clock clock = Clock.systemUTC();
    private Duration expirySweep = Duration.ofSeconds(30);
    private ProviderStates states;
    private boolean contractMessages;

    private Builder() {}

    /** Sets the PostgreSQL database; required. */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /** Sets where {@link StockChanged} events go; required. */
    public Builder events(StockEventPublisher events) {
      this.events = Objects.requireNonNull(events, "events");
      return this;
    }

    /** Sets the port; {@code 0}, the default, takes any free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Sets the interface to listen on; {@code localhost} by default. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** Sets the clock that stamps reservations and events; the system UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how often lapsed reservations are released; every 30 seconds by default, {@link
     * Duration#ZERO} for never (call {@link InventoryService#releaseExpired()} instead).
     */
    public Builder expirySweep(Duration every) {
      if (every.isNegative()) {
        throw new IllegalArgumentException("expirySweep must not be negative: " + every);
      }
      this.expirySweep = every;
      return this;
    }

    /**
     * Serves {@code POST /_pact/state} with these provider states, for contract verification; off
     * by default.
     */
    public Builder providerStates(ProviderStates states) {
      this.states = states;
      return this;
    }

    /**
     * Serves {@code POST /_pact/messages} for contract verification: for {@code {"description": "a
     * StockChanged event", "providerStates": [{"params": {"sku", "quantity"}}]}} it reserves
     * through the service's own code and answers with the StockChanged it published (see {@link
     * ContractMessages}); off by default.
     */
    public Builder contractMessages() {
      this.contractMessages = true;
      return this;
    }

    /** Migrates the schema and starts serving. */
    public InventoryService start() {
      if (dataSource == null) {
        throw new IllegalStateException("InventoryService needs a dataSource(...)");
      }
      if (events == null) {
        throw new IllegalStateException("InventoryService needs an events(...) publisher");
      }
      migrate(dataSource);
      InventoryService service = new InventoryService(this);
      service.app.start();
      if (!expirySweep.isZero()) {
        long millis = expirySweep.toMillis();
        service.sweeper.scheduleWithFixedDelay(
            () -> {
              try {
                service.releaseExpired();
              } catch (RuntimeException e) {
                LOG.error("expiry sweep failed", e);
              }
            },
            millis,
            millis,
            TimeUnit.MILLISECONDS);
      }
      return service;
    }
  }
}
