package io.pactwire.record.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.recording.RecordSpecBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.pactwire.consumer.internal.CaptureSettings;
import io.pactwire.consumer.internal.ExactJson;
import io.pactwire.consumer.internal.PactWriter;
import io.pactwire.consumer.internal.RecordedInteraction;
import io.pactwire.core.ContractId;
import io.pactwire.core.internal.AtomicFiles;
import io.pactwire.core.internal.JsonDepth;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a recording WireMock server proxied into stubs and interactions, through WireMock's
 * own recorder (one snapshot per exchange, so each stub is known with the request it came from),
 * and writes them: each mapping to its own file, the interactions merged into the pact.
 */
public final class RecordingWriter {

  private RecordingWriter() {}

  /** The spec WireMock's recorder uses, for starting and for snapshots. */
  public static RecordSpecBuilder spec(String target, Set<String> captureHeaders) {
    RecordSpecBuilder spec =
        new RecordSpecBuilder()
            .forTarget(target)
            .makeStubsPersistent(false)
            .extractTextBodiesOver(Long.MAX_VALUE)
            .extractBinaryBodiesOver(Long.MAX_VALUE)
            .chooseBodyMatchTypeAutomatically();
    captureHeaders.forEach(spec::captureHeader);
    return spec;
  }

  /**
   * The exchanges the server proxied, in serving order, a repeated request once. An exchange with a
   * body nested deeper than pact-jvm reads is left out and its name added to {@code tooDeep}.
   */
  public static List<RecordedExchange> exchanges(
      WireMockServer server,
      String target,
      Set<String> captureHeaders,
      CaptureSettings settings,
      List<String> tooDeep) {
    List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
    java.util.Collections.reverse(events);
    List<RecordedExchange> exchanges = new ArrayList<>();
    Set<String> patterns = new HashSet<>();
    Map<String, Integer> names = new LinkedHashMap<>();
    for (ServeEvent event : events) {
      if (event.getResponseDefinition() == null
          || !event.getResponseDefinition().isProxyResponse()) {
        continue;
      }
      if (JsonDepth.tooDeep(event.getRequest().getBody())
          || event.getResponse() != null && JsonDepth.tooDeep(event.getResponse().getBody())) {
        // pact-jvm, which writes the pact, would overflow its stack on it, and every other
        // exchange would be lost with it
        tooDeep.add(RecordedExchange.describe(event.getRequest(), settings));
        continue;
      }
      List<StubMapping> stubs =
          server
              .snapshotRecord(spec(target, captureHeaders).onlyRequestIds(List.of(event.getId())))
              .getStubMappings();
      if (stubs.isEmpty()) {
        continue;
      }
      String name = RecordedExchange.describe(event.getRequest(), settings);
      RecordedExchange exchange =
          RecordedExchange.of(name, stubs.get(0), event.getRequest(), settings);
      if (!patterns.add(exchange.requestPattern().toString())) {
        continue; // the same request again: the first answer is the example, as WireMock's
      }
      int seen = names.merge(name, 1, Integer::sum);
      if (seen > 1) {
        exchange =
            RecordedExchange.of(name + " #" + seen, stubs.get(0), event.getRequest(), settings);
      }
      exchanges.add(exchange);
    }
    return exchanges;
  }

  /**
   * Merges the interactions into {@code pactFile}, then writes each exchange's mapping into {@code
   * mappingsDir} (one file each, replaced atomically); a new recording replaces what an earlier one
   * recorded under the same name.
   *
   * @return the mapping files written
   */
  public static List<Path> write(
      List<RecordedExchange> exchanges, Path mappingsDir, Path pactFile, ContractId contract) {
    // the pact first: one that cannot take the recording is refused before any mapping is written
    List<RecordedInteraction> interactions =
        exchanges.stream().map(RecordedExchange::interaction).toList();
    if (!interactions.isEmpty()) {
      PactWriter.merge(pactFile, contract, interactions);
    }
    List<Path> files = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (RecordedExchange exchange : exchanges) {
      String base = slug(exchange.name());
      String file = base;
      for (int n = 2; !used.add(file); n++) {
        file = base + "-" + n;
      }
      Path path = mappingsDir.resolve(file + ".json");
      try {
        AtomicFiles.writeString(
            path,
            ExactJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(exchange.mapping())
                + "\n");
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
      files.add(path);
    }
    return files;
  }

  /** {@code GET /v2/orders/5O1?x=1} → {@code get-v2-orders-5o1-x-1}. */
  static String slug(String name) {
    String slug =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 80) {
      slug = slug.substring(0, 80).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "root" : slug;
  }
}
