package io.pactwire.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Builds stores through the API, with pacts written as files and a clock that ticks a second. */
final class StoreFixture {

  static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

  final Path dir;
  final Path pacts;
  final TickingClock clock = new TickingClock();
  final FileContractStore store;

  StoreFixture(Path dir) {
    this.dir = dir;
    this.pacts = dir.resolve("pact-files");
    this.store = FileContractStore.open(dir.resolve("store"), pacts).withClock(clock);
  }

  /** An HTTP pact with one interaction per description, each answering {"field": 1}. */
  Path pact(String consumer, String provider, String... descriptions) {
    String interactions =
        Arrays.stream(descriptions)
            .map(
                d ->
                    """
                    {"description": "%s", "request": {"method": "GET", "path": "/%s"},
                     "response": {"status": 200, "body": {"field": 1}}}"""
                        .formatted(d, d.replace(' ', '-')))
            .collect(Collectors.joining(",\n"));
    return write(
        consumer + "-" + provider + ".json",
        """
        {"consumer": {"name": "%s"}, "provider": {"name": "%s"},
         "interactions": [%s],
         "metadata": {"pactSpecification": {"version": "3.0.0"}}}
        """
            .formatted(consumer, provider, interactions));
  }

  /** A message pact (V3 messages) with one message per description. */
  Path messagePact(String consumer, String provider, String... descriptions) {
    String messages =
        Arrays.stream(descriptions)
            .map(d -> "{\"description\": \"%s\", \"contents\": {\"sku\": \"A-1\"}}".formatted(d))
            .collect(Collectors.joining(",\n"));
    return write(
        consumer + "-" + provider + ".json",
        """
        {"consumer": {"name": "%s"}, "provider": {"name": "%s"}, "messages": [%s],
         "metadata": {"pactSpecification": {"version": "3.0.0"}}}
        """
            .formatted(consumer, provider, messages));
  }

  Path write(String name, String text) {
    try {
      Files.createDirectories(pacts);
      return Files.writeString(pacts.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Publishes the pact files as this consumer version; returns the first pact's version. */
  PactVersion publish(String consumerVersion, Path... files) {
    List<Publication> published = store.publish(consumerVersion, "main", List.of(files));
    published.forEach(p -> descriptions.put(p.pactVersion(), p.interactions()));
    return published.get(0).pactVersion();
  }

  private final Map<PactVersion, List<String>> descriptions = new HashMap<>();

  /**
   * Records a verification with the given verdicts (true passes), one for each of the pact's
   * interactions in order; give as many verdicts as the pact has interactions to verify it whole.
   */
  void verify(
      String provider, String version, String consumer, PactVersion pact, boolean... passes) {
    List<String> names = descriptions.getOrDefault(pact, List.of());
    List<Verification.InteractionVerdict> verdicts =
        java.util.stream.IntStream.range(0, passes.length)
            .mapToObj(
                i ->
                    new Verification.InteractionVerdict(
                        i < names.size() ? names.get(i) : "interaction " + i, passes[i]))
            .toList();
    boolean success = verdicts.stream().allMatch(Verification.InteractionVerdict::success);
    store.recordVerification(
        new Verification(
            provider, version, "main", consumer, pact, success, clock.instant(), verdicts));
  }

  void deploy(String pacticipant, String version, String environment) {
    store.recordDeployment(pacticipant, version, environment);
  }

  /**
   * Every record of the store, relative, sorted: to show that nothing was written. The store's
   * {@code .gitignore} (written with its first record) is no record.
   */
  List<String> files() {
    Path root = store.folder();
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .filter(name -> !name.equals(".gitignore"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A clock one second further on each time it is read. */
  static final class TickingClock extends Clock {
    private Instant now = START;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public synchronized Instant instant() {
      now = now.plusSeconds(1);
      return now;
    }
  }
}
