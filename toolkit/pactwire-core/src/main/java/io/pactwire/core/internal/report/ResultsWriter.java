package io.pactwire.core.internal.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactwire.core.internal.AtomicFiles;
import io.pactwire.core.internal.FileLocks;
import io.pactwire.core.internal.JsonText;
import io.pactwire.core.internal.store.PactVersions;
import io.pactwire.core.internal.store.VerificationRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Writes results files under the reports folder, the JUnit XML, Markdown and HTML reports and, when
 * publishing, one verification record per pact into the contract store, for any verifier that
 * records {@link VerifiedInteraction}s.
 */
public final class ResultsWriter {

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final ReportSettings settings;
  private final ResultsPublisher publisher;

  public ResultsWriter(ReportSettings settings) {
    this(settings, ResultsPublisher.NONE);
  }

  /** A writer that offers each pact's verification to {@code publisher} before the store. */
  public ResultsWriter(ReportSettings settings, ResultsPublisher publisher) {
    this.settings = settings;
    this.publisher = publisher;
  }

  /**
   * Writes one run's interactions, merged into earlier results of the same provider version.
   *
   * @return this run alone, one per provider, as the console summary shows it
   */
  public List<VerificationRun> write(List<VerifiedInteraction> recorded, Instant now) {
    List<VerificationRun> runs = new ArrayList<>();
    Map<String, List<VerifiedInteraction>> byProvider =
        recorded.stream()
            .collect(
                Collectors.groupingBy(
                    VerifiedInteraction::provider, LinkedHashMap::new, Collectors.toList()));
    for (Map.Entry<String, List<VerifiedInteraction>> entry : byProvider.entrySet()) {
      VerificationRun run = results(entry.getKey(), entry.getValue(), now);
      runs.add(run);
      Path resultsFile = settings.reportsDir().resolve("results").resolve(entry.getKey() + ".json");
      VerificationRun merged = mergeInto(resultsFile, run);
      String name = entry.getKey();
      writeText(settings.reportsDir().resolve(name + ".xml"), JunitXmlReport.render(merged));
      writeText(settings.reportsDir().resolve(name + ".md"), MarkdownReport.render(merged));
      writeText(settings.reportsDir().resolve(name + ".html"), HtmlReport.render(merged));
      if (settings.stepSummary() != null) {
        append(settings.stepSummary(), MarkdownReport.render(run));
      }
      if (settings.publish()) {
        record(settings.pactsDir(), publisher, run, entry.getValue());
      }
    }
    return runs;
  }

  /**
   * One provider's run as reports render it, without writing anything: for a verifier that prints a
   * report instead of, or before, writing the files.
   */
  public VerificationRun summarise(
      String provider, List<VerifiedInteraction> recorded, Instant now) {
    return results(provider, recorded, now);
  }

  /** Groups one run's interactions by pact; reports list consumers and interactions sorted. */
  private VerificationRun results(
      String provider, List<VerifiedInteraction> recorded, Instant now) {
    Map<String, Map<String, InteractionResult>> interactions = new LinkedHashMap<>();
    Map<String, VerifiedInteraction> firsts = new LinkedHashMap<>();
    for (VerifiedInteraction r : recorded) {
      String key = r.consumer() + "\n" + r.sha256() + "\n" + r.pactFile();
      firsts.putIfAbsent(key, r);
      interactions
          .computeIfAbsent(key, k -> new LinkedHashMap<>())
          .put(r.result().description(), r.result());
    }
    List<PactResult> pacts = new ArrayList<>();
    for (Map.Entry<String, VerifiedInteraction> first : firsts.entrySet()) {
      VerifiedInteraction r = first.getValue();
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

  /**
   * Adds one immutable verification record per pact to the contract store: the verdicts people and
   * deployment gates read, without exchanges or messages (those stay in the reports folder).
   */
  private static void record(
      Supplier<Path> store,
      ResultsPublisher publisher,
      VerificationRun run,
      List<VerifiedInteraction> recorded) {
    Map<String, Path> files = new HashMap<>();
    for (VerifiedInteraction r : recorded) {
      if (r.pactFile() != null && r.sha256() != null) {
        files.putIfAbsent(r.consumer() + "\n" + r.sha256(), r.pactFile());
      }
    }
    Instant at = Instant.now();
    for (PactResult pact : run.pacts()) {
      Path file = files.get(pact.consumer() + "\n" + pact.pactSha256());
      // the store folder is looked for only when a pact is left to it: a provider that verifies
      // a Broker's pacts may have no pacts/ folder at all
      if (file != null && publisher.publish(run, pact, file)) {
        continue;
      }
      String version = file == null ? null : pactVersion(file, pact.pactSha256());
      if (version == null) {
        System.err.println(
            "pactwire: the verification of "
                + pact.consumer()
                + "'s pact by "
                + run.provider()
                + " is not recorded in the store: "
                + (file == null
                    ? "it was not read from a pact file"
                    : file + " changed while it was verified"));
        continue;
      }
      if (run.providerVersion() == null || "unknown".equals(run.providerVersion())) {
        // as the Broker refuses it: a record under 'unknown' would let any build's results stand
        // for any other's
        throw new IllegalStateException(
            "the verification of "
                + pact.consumer()
                + "'s pact by "
                + run.provider()
                + " is not recorded in the contract store at "
                + store.get()
                + ": the provider version is unknown (give --provider-version, or"
                + " pactwire.provider.version)");
      }
      VerificationRecords.write(
          store.get(),
          new VerificationRecords.Verification(
              run.provider(),
              run.providerVersion(),
              run.branch(),
              pact.consumer(),
              version,
              file.getFileName().toString(),
              at,
              pact.success(),
              pact.interactions().stream()
                  .map(
                      i ->
                          new VerificationRecords.Verdict(i.description(), i.states(), i.success()))
                  .toList()));
    }
  }

  /** The version of the pact verified; null when the file's bytes are no longer those verified. */
  private static String pactVersion(Path file, String sha256) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      String now = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      return now.equals(sha256) ? PactVersions.of(file) : null;
    } catch (IOException e) {
      return null;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Merges {@code run} into the file's results under the file's lock; returns what it wrote. */
  static VerificationRun mergeInto(Path file, VerificationRun run) {
    VerificationRun[] written = new VerificationRun[1];
    AtomicFiles.update(
        file,
        current -> {
          VerificationRun merged = current.map(text -> merge(read(file, text), run)).orElse(run);
          written[0] = merged;
          return Optional.of(JsonText.render(merged));
        });
    return written[0];
  }

  private static VerificationRun read(Path file, String text) {
    try {
      return JSON.readValue(text, VerificationRun.class);
    } catch (JsonProcessingException e) {
      return null; // unreadable earlier results are replaced, not merged
    }
  }

  /**
   * Merges a run into earlier results of the same provider version: a pact verified again (same
   * consumer and bytes) has its interactions replaced by description; others are kept.
   */
  static VerificationRun merge(VerificationRun earlier, VerificationRun run) {
    if (earlier == null
        || !earlier.provider().equals(run.provider())
        || !earlier.providerVersion().equals(run.providerVersion())) {
      return run;
    }
    Map<String, PactResult> pacts = new LinkedHashMap<>();
    for (PactResult pact : earlier.pacts()) {
      pacts.put(pact.consumer() + " " + pact.pactSha256(), pact);
    }
    for (PactResult pact : run.pacts()) {
      String key = pact.consumer() + " " + pact.pactSha256();
      PactResult before = pacts.get(key);
      if (before == null) {
        pacts.put(key, pact);
        continue;
      }
      Map<String, InteractionResult> interactions = new LinkedHashMap<>();
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

  static PactResult pact(
      String consumer, String file, String sha, String at, List<InteractionResult> interactions) {
    List<InteractionResult> sorted = new ArrayList<>(interactions);
    sorted.sort(Comparator.comparing(InteractionResult::description));
    return new PactResult(
        consumer, file, sha, at, sorted.stream().allMatch(InteractionResult::success), sorted);
  }

  static VerificationRun provider(
      String provider, String version, String branch, List<PactResult> pacts) {
    List<PactResult> sorted = new ArrayList<>(pacts);
    sorted.sort(
        Comparator.comparing(PactResult::consumer)
            .thenComparing(p -> String.valueOf(p.pactFile())));
    return new VerificationRun(
        provider, version, branch, sorted.stream().allMatch(PactResult::success), sorted);
  }

  private static void writeText(Path file, String text) {
    FileLocks.withLock(file, () -> AtomicFiles.writeString(file, text));
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
