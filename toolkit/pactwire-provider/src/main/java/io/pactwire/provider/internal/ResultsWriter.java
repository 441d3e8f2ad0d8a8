package io.pactwire.provider.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactwire.core.internal.AtomicFiles;
import io.pactwire.core.internal.FileLocks;
import io.pactwire.core.internal.JsonText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Writes results files (target and store) and the three reports. */
final class ResultsWriter {

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final ReportSettings settings;

  ResultsWriter(ReportSettings settings) {
    this.settings = settings;
  }

  void write(List<VerificationRecorder.Recorded> recorded, Instant now) {
    Map<String, List<VerificationRecorder.Recorded>> byProvider =
        recorded.stream()
            .collect(
                Collectors.groupingBy(
                    VerificationRecorder.Recorded::provider,
                    LinkedHashMap::new,
                    Collectors.toList()));
    for (Map.Entry<String, List<VerificationRecorder.Recorded>> entry : byProvider.entrySet()) {
      Results.Provider run = results(entry.getKey(), entry.getValue(), now);
      Path resultsFile = settings.reportsDir().resolve("results").resolve(entry.getKey() + ".json");
      Results.Provider merged = mergeInto(resultsFile, run);
      String name = entry.getKey();
      writeText(settings.reportsDir().resolve(name + ".xml"), JunitXmlReport.render(merged));
      writeText(settings.reportsDir().resolve(name + ".md"), MarkdownReport.render(merged));
      writeText(settings.reportsDir().resolve(name + ".html"), HtmlReport.render(merged));
      if (settings.stepSummary() != null) {
        append(settings.stepSummary(), MarkdownReport.render(run));
      }
      if (settings.publish()) {
        Path store =
            settings
                .pactsDir()
                .get()
                .resolve("results")
                .resolve(name)
                .resolve(run.providerVersion() + ".json");
        mergeInto(store, forStore(run));
      }
    }
  }

  /** Groups one run's interactions by pact; reports list consumers and interactions sorted. */
  private Results.Provider results(
      String provider, List<VerificationRecorder.Recorded> recorded, Instant now) {
    Map<String, Map<String, Results.Interaction>> interactions = new LinkedHashMap<>();
    Map<String, VerificationRecorder.Recorded> firsts = new LinkedHashMap<>();
    for (VerificationRecorder.Recorded r : recorded) {
      String key = r.consumer() + "\n" + r.sha256() + "\n" + r.pactFile();
      firsts.putIfAbsent(key, r);
      interactions
          .computeIfAbsent(key, k -> new LinkedHashMap<>())
          .put(r.result().description(), r.result());
    }
    List<Results.Pact> pacts = new ArrayList<>();
    for (Map.Entry<String, VerificationRecorder.Recorded> first : firsts.entrySet()) {
      VerificationRecorder.Recorded r = first.getValue();
      pacts.add(
          pact(
              r.consumer(),
              r.pactFile() == null ? null : Display.path(r.pactFile()),
              r.sha256(),
              now.toString(),
              new ArrayList<>(interactions.get(first.getKey()).values())));
    }
    return provider(provider, settings.providerVersion(), settings.branch(), pacts);
  }

  private static Results.Provider forStore(Results.Provider run) {
    // The store keeps what can-i-deploy needs and people read; exchanges stay in target/.
    List<Results.Pact> pacts = new ArrayList<>();
    for (Results.Pact pact : run.pacts()) {
      pacts.add(
          new Results.Pact(
              pact.consumer(),
              pact.pactFile() == null ? null : Path.of(pact.pactFile()).getFileName().toString(),
              pact.pactSha256(),
              pact.verifiedAt(),
              pact.success(),
              pact.interactions().stream()
                  .map(
                      i ->
                          new Results.Interaction(
                              i.description(),
                              i.states(),
                              i.success(),
                              i.message(),
                              i.differences(),
                              null))
                  .toList()));
    }
    return new Results.Provider(
        run.provider(), run.providerVersion(), run.branch(), run.success(), pacts);
  }

  /** Merges {@code run} into the file's results under the file's lock; returns what it wrote. */
  static Results.Provider mergeInto(Path file, Results.Provider run) {
    Results.Provider[] written = new Results.Provider[1];
    AtomicFiles.update(
        file,
        current -> {
          Results.Provider merged = current.map(text -> merge(read(file, text), run)).orElse(run);
          written[0] = merged;
          return Optional.of(JsonText.render(merged));
        });
    return written[0];
  }

  private static Results.Provider read(Path file, String text) {
    try {
      return JSON.readValue(text, Results.Provider.class);
    } catch (JsonProcessingException e) {
      return null; // unreadable earlier results are replaced, not merged
    }
  }

  /**
   * Merges a run into earlier results of the same provider version: a pact verified again (same
   * consumer and bytes) has its interactions replaced by description; others are kept.
   */
  static Results.Provider merge(Results.Provider earlier, Results.Provider run) {
    if (earlier == null
        || !earlier.provider().equals(run.provider())
        || !earlier.providerVersion().equals(run.providerVersion())) {
      return run;
    }
    Map<String, Results.Pact> pacts = new LinkedHashMap<>();
    for (Results.Pact pact : earlier.pacts()) {
      pacts.put(pact.consumer() + " " + pact.pactSha256(), pact);
    }
    for (Results.Pact pact : run.pacts()) {
      String key = pact.consumer() + " " + pact.pactSha256();
      Results.Pact before = pacts.get(key);
      if (before == null) {
        pacts.put(key, pact);
        continue;
      }
      Map<String, Results.Interaction> interactions = new LinkedHashMap<>();
      before.interactions().forEach(i -> interactions.put(i.description(), i));
      pact.interactions().forEach(i -> interactions.put(i.description(), i));
      pacts.put(
          key,
          pact(
              pact.consumer(),
              pact.pactFile(),
              pact.pactSha256(),
              pact.verifiedAt(),
              new ArrayList<>(interactions.values())));
    }
    return provider(
        run.provider(), run.providerVersion(), run.branch(), new ArrayList<>(pacts.values()));
  }

  static Results.Pact pact(
      String consumer, String file, String sha, String at, List<Results.Interaction> interactions) {
    List<Results.Interaction> sorted = new ArrayList<>(interactions);
    sorted.sort(Comparator.comparing(Results.Interaction::description));
    return new Results.Pact(
        consumer, file, sha, at, sorted.stream().allMatch(Results.Interaction::success), sorted);
  }

  static Results.Provider provider(
      String provider, String version, String branch, List<Results.Pact> pacts) {
    List<Results.Pact> sorted = new ArrayList<>(pacts);
    sorted.sort(
        Comparator.comparing(Results.Pact::consumer)
            .thenComparing(p -> String.valueOf(p.pactFile())));
    return new Results.Provider(
        provider, version, branch, sorted.stream().allMatch(Results.Pact::success), sorted);
  }

  private static void writeText(Path file, String text) {
    FileLocks.withLock(file, () -> io.pactwire.core.internal.AtomicFiles.writeString(file, text));
  }

  private static void append(Path file, String text) {
    FileLocks.withLock(
        file,
        () -> {
          try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
              Files.createDirectories(parent);
            }
            Files.writeString(
                file,
                text + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
          }
        });
  }
}
