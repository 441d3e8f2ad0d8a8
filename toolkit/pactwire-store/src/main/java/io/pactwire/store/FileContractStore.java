package io.pactwire.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.core.PactFileException;
import io.pactwire.core.internal.FileLocks;
import io.pactwire.core.internal.PactReader;
import io.pactwire.core.internal.store.StoreLayout;
import io.pactwire.core.internal.store.StoreRecords;
import io.pactwire.core.internal.store.VerificationRecords;
import io.pactwire.store.internal.GitPacts;
import io.pactwire.store.internal.Records;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The contract store as plain JSON files, one file per event, fit to be committed with the code.
 *
 * <pre>
 * publications/&lt;consumer&gt;/&lt;consumerVersion&gt;/&lt;provider&gt;@&lt;time&gt;-&lt;nonce&gt;.json
 * verifications/&lt;provider&gt;/&lt;providerVersion&gt;/&lt;consumer&gt;/&lt;pact&gt;-&lt;time&gt;-&lt;nonce&gt;.json
 * deployments/&lt;environment&gt;/&lt;pacticipant&gt;/&lt;time&gt;-&lt;nonce&gt;.json
 * releases/&lt;environment&gt;/&lt;pacticipant&gt;/&lt;time&gt;-&lt;nonce&gt;.json
 * </pre>
 *
 * <p>A record is written once, atomically, under a name no other event has, and never rewritten:
 * two CI jobs on one checkout never write the same file, and two branches that each add records
 * merge without a conflict. Every question is answered by reading the few folders its names lead
 * to, so can-i-deploy costs the same in a store of ten records or a hundred thousand.
 *
 * @since 0.1.0
 */
public final class FileContractStore implements ContractStore {

  private final Path store;
  private final Path pacts;
  private final Clock clock;

  private FileContractStore(Path store, Path pacts, Clock clock) {
    this.store = store;
    this.pacts = pacts;
    this.clock = clock;
  }

  /** The store in {@code store}, whose pacts (for {@link #changed}) are in the same folder. */
  public static FileContractStore open(Path store) {
    return open(store, store);
  }

  /** The store in {@code store}; {@link #changed} compares the pacts of {@code pacts}. */
  public static FileContractStore open(Path store, Path pacts) {
    return new FileContractStore(
        store.toAbsolutePath().normalize(), pacts.toAbsolutePath().normalize(), Clock.systemUTC());
  }

  /** A copy that stamps records with {@code clock}'s time (to the millisecond). */
  public FileContractStore withClock(Clock clock) {
    return new FileContractStore(store, pacts, Objects.requireNonNull(clock));
  }

  /** The store's folder. */
  public Path folder() {
    return store;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  // ---------------------------------------------------------------------------------- writing

  @Override
  public List<Publication> publish(String consumerVersion, String branch, List<Path> pactFiles) {
    checkVersion("consumer version", consumerVersion);
    if (branch != null && (branch.isBlank() || branch.lines().count() > 1)) {
      throw new StoreException("branch '" + branch + "' is one line of text");
    }
    if (pactFiles.isEmpty()) {
      throw new StoreException("no pacts to publish");
    }
    Instant at = now();
    // every pact is read and checked before anything is written
    Map<Path, Publication> planned = new LinkedHashMap<>();
    Map<Path, Path> plannedFrom = new LinkedHashMap<>();
    // where each planned publication is in the result, which a parallel job's record replaces
    Map<Path, List<Integer>> plannedAt = new LinkedHashMap<>();
    List<Publication> result = new ArrayList<>();
    for (Path file : pactFiles) {
      JsonNode pact;
      try {
        pact = PactReader.read(file);
      } catch (PactFileException e) {
        throw new StoreException(e.getMessage(), e);
      }
      String consumer = pact.path("consumer").path("name").textValue();
      String provider = pact.path("provider").path("name").textValue();
      checkName(file, consumer);
      checkName(file, provider);
      Publication publication =
          new Publication(
              consumer,
              consumerVersion,
              branch,
              provider,
              PactVersion.of(pact),
              file.getFileName().toString(),
              at,
              descriptions(pact));
      Path dir = StoreLayout.publications(store, consumer, consumerVersion);
      Path record = dir.resolve(provider + ".json"); // the plan's key; the record's name differs
      Publication earlier = planned.get(record);
      if (earlier != null && !earlier.pactVersion().equals(publication.pactVersion())) {
        throw new StoreException(
            plannedFrom.get(record)
                + " and "
                + file
                + " are different pacts of "
                + consumer
                + " for "
                + provider
                + ": a consumer version publishes one pact for each provider (nothing was"
                + " published)");
      }
      Path earlierRecord = publicationRecords(dir).get(provider);
      if (earlier == null && earlierRecord != null) {
        earlier = Records.publication(earlierRecord);
        record = earlierRecord;
      }
      if (earlier != null && !earlier.pactVersion().equals(publication.pactVersion())) {
        throw conflict(earlier, publication, record);
      }
      if (earlier != null) {
        if (plannedAt.containsKey(record)) {
          plannedAt.get(record).add(result.size()); // the same pact named twice
        }
        result.add(earlier);
        continue;
      }
      planned.put(record, publication);
      plannedFrom.put(record, file);
      plannedAt.put(record, new ArrayList<>(List.of(result.size())));
      result.add(publication);
    }
    StoreRecords.ignoreTemporaryFiles(store);
    for (Map.Entry<Path, Publication> entry : planned.entrySet()) {
      Path dir = entry.getKey().getParent();
      Publication publication = entry.getValue();
      // jobs on one checkout publish one version's pact once; branches merged later may each
      // have a record, and the earliest counts
      FileLocks.withLock(
          entry.getKey(),
          () -> {
            Path first = publicationRecords(dir).get(publication.provider());
            if (first == null) {
              String text = Records.render(publication);
              while (StoreRecords.create(
                      dir.resolve(StoreLayout.publicationName(publication.provider(), at)), text)
                  != StoreRecords.Outcome.CREATED) {
                // the same millisecond and nonce as another writer: draw again
              }
              return;
            }
            // a parallel job published this version first: the same pact is no conflict, and
            // what is reported is its record (its branch, its time), as a later run reports it
            Publication earlier = Records.publication(first);
            if (!earlier.pactVersion().equals(publication.pactVersion())) {
              throw conflict(earlier, publication, first);
            }
            plannedAt.get(entry.getKey()).forEach(i -> result.set(i, earlier));
          });
    }
    return List.copyOf(result);
  }

  /**
   * A consumer version's publication records by provider, the earliest of each: two branches that
   * each published the version leave a record each, and merge without a conflict.
   */
  private static Map<String, Path> publicationRecords(Path versionDir) {
    Map<String, Path> records = new java.util.TreeMap<>();
    for (Path file : list(versionDir)) {
      String provider = StoreLayout.publicationProvider(file.getFileName().toString());
      if (provider != null) {
        records.putIfAbsent(provider, file);
      }
    }
    return records;
  }

  /** The descriptions of a pact's interactions and messages, each once, in the pact's order. */
  private static List<String> descriptions(JsonNode pact) {
    Set<String> descriptions = new LinkedHashSet<>();
    for (String kind : new String[] {"interactions", "messages"}) {
      for (JsonNode interaction : pact.path(kind)) {
        String description = interaction.path("description").textValue();
        if (description != null) {
          descriptions.add(description);
        }
      }
    }
    return List.copyOf(descriptions);
  }

  private static StoreException conflict(Publication earlier, Publication now, Path record) {
    return new StoreException(
        earlier.consumer()
            + " "
            + earlier.consumerVersion()
            + " already published pact "
            + earlier.pactVersion()
            + " for "
            + earlier.provider()
            + " ("
            + record
            + "), not "
            + now.pactVersion()
            + ": a changed pact is published by a new consumer version");
  }

  @Override
  public Verification recordVerification(Verification v) {
    checkPacticipant(v.provider());
    checkPacticipant(v.consumer());
    checkVersion("provider version", v.providerVersion());
    VerificationRecords.write(
        store,
        new VerificationRecords.Verification(
            v.provider(),
            v.providerVersion(),
            v.branch(),
            v.consumer(),
            v.pactVersion().hash(),
            null,
            v.verifiedAt().truncatedTo(ChronoUnit.MILLIS),
            v.success(),
            v.interactions().stream()
                .map(i -> new VerificationRecords.Verdict(i.description(), List.of(), i.success()))
                .toList()));
    return v;
  }

  @Override
  public Deployment recordDeployment(String pacticipant, String version, String environment) {
    checkKnown(pacticipant, version);
    checkVersion("environment", environment);
    // the version's pacts are read, as can-i-deploy will read them: a corrupt record is named now,
    // not after the deployment it would have gated is recorded
    publications(pacticipant, version);
    Deployment deployment = new Deployment(pacticipant, version, environment, now());
    StoreRecords.ignoreTemporaryFiles(store);
    Path dir = StoreLayout.deployments(store, environment, pacticipant);
    String text = Records.render(deployment);
    while (StoreRecords.create(
            dir.resolve(StoreLayout.deploymentName(deployment.deployedAt())), text)
        != StoreRecords.Outcome.CREATED) {
      // the same millisecond and nonce as another writer: draw again
    }
    return deployment;
  }

  @Override
  public Release recordRelease(String pacticipant, String version, String environment) {
    checkKnown(pacticipant, version);
    checkVersion("environment", environment);
    // the version's pacts are read, as can-i-deploy will read them: a corrupt record is named now,
    // not after the deployment it would have gated is recorded
    publications(pacticipant, version);
    Path dir = StoreLayout.releases(store, environment, pacticipant);
    for (Path file : list(dir)) {
      Release earlier = Records.release(file);
      if (earlier.version().equals(version)) {
        return earlier; // released before: the first record stands
      }
    }
    Release release = new Release(pacticipant, version, environment, now());
    StoreRecords.ignoreTemporaryFiles(store);
    String text = Records.render(release);
    while (StoreRecords.create(dir.resolve(StoreLayout.releaseName(release.releasedAt())), text)
        != StoreRecords.Outcome.CREATED) {
      // the same millisecond and nonce as another writer: draw again
    }
    return release;
  }

  // ---------------------------------------------------------------------------------- reading

  @Override
  public CanIDeployResult canIDeploy(
      String pacticipant, String version, Target target, Set<String> ignored) {
    checkKnown(pacticipant, version);
    if (!target.isLatest()) {
      checkVersion("environment", target.environment());
    }
    List<MatrixRow> rows = new ArrayList<>();
    // as consumer: each pact this version published, against the provider's versions in target
    for (Publication pact : publications(pacticipant, version)) {
      List<String> providerVersions = versionsIn(pact.provider(), target);
      if (providerVersions.isEmpty()) {
        rows.add(
            new MatrixRow(
                pacticipant,
                version,
                pact.provider(),
                null,
                pact.pactVersion(),
                MatrixRow.Status.MISSING,
                null,
                false,
                missing(pact.provider(), target)));
      }
      for (String providerVersion : providerVersions) {
        rows.add(row(pact, providerVersion, ""));
      }
    }
    // as provider: each consumer version in target that published a pact for this pacticipant
    for (String consumer : consumersIn(pacticipant, target)) {
      if (!Files.isDirectory(store.resolve(StoreLayout.PUBLICATIONS).resolve(consumer))) {
        continue; // it never published a pact: none of its versions has one for this provider
      }
      for (String consumerVersion : versionsIn(consumer, target)) {
        Path record =
            publicationRecords(StoreLayout.publications(store, consumer, consumerVersion))
                .get(pacticipant);
        if (record != null) {
          Publication pact = Records.publication(record);
          rows.add(
              row(
                  pact,
                  version,
                  " (" + consumer + " " + consumerVersion + " is in " + target.describe() + ")"));
        }
      }
    }
    if (!ignored.isEmpty()) {
      rows.replaceAll(r -> r.ignoring(pacticipant, ignored));
    }
    long blocked = rows.stream().filter(r -> !r.allowed()).count();
    String subject = pacticipant + " " + version;
    String where = target.isLatest() ? "with the latest versions" : "to " + target.environment();
    String summary;
    if (rows.isEmpty()) {
      summary =
          subject
              + " can be deployed "
              + where
              + ": it has no integration with "
              + (target.isLatest()
                  ? "any recorded version"
                  : "a version in " + target.environment());
    } else if (blocked == 0) {
      summary =
          subject
              + " can be deployed "
              + where
              + ": "
              + (rows.size() == 1
                  ? "its one integration is"
                  : "all " + rows.size() + " integrations are")
              + (rows.stream().anyMatch(r -> r.status() != MatrixRow.Status.VERIFIED)
                  ? " verified or ignored"
                  : " verified");
    } else {
      summary =
          subject
              + " cannot be deployed "
              + where
              + ": "
              + blocked
              + " of "
              + rows.size()
              + (rows.size() == 1 ? " integration" : " integrations")
              + (blocked == 1 ? " is" : " are")
              + " not verified";
    }
    if (blocked == 0 && !target.isLatest()) {
      // a yes for an environment nothing was ever recorded to: a typo, most likely; a no stands,
      // naming what is missing there
      checkEnvironment(target.environment());
    }
    return new CanIDeployResult(
        pacticipant, version, target, blocked == 0, List.copyOf(rows), summary);
  }

  private static String missing(String provider, Target target) {
    return target.isLatest()
        ? "no version of " + provider + " has verified a pact"
        : "no version of " + provider + " is deployed to or released in " + target.environment();
  }

  /** The row of one pact against one provider version, with its verification. */
  private MatrixRow row(Publication pact, String providerVersion, String context) {
    Verdict verdict = verdict(pact, providerVersion);
    String pactName = "pact " + pact.pactVersion() + context;
    String by = pact.provider() + " " + providerVersion;
    String reason =
        switch (verdict.status) {
          case VERIFIED -> pactName + " verified by " + by;
          case UNVERIFIED ->
              verdict.unverified > 0
                  ? verdict.unverified
                      + " of "
                      + verdict.total
                      + " interactions of "
                      + pactName
                      + " never verified by "
                      + by
                      + " ("
                      + quoted(verdict.failed)
                      + ")"
                  : "no verification of "
                      + pactName
                      + " by "
                      + by
                      + (verdict.other != null
                          ? " (it verified "
                              + pact.consumer()
                              + "'s pact "
                              + verdict.other
                              + " instead)"
                          : "");
          case FAILED ->
              pactName
                  + " failed verification by "
                  + by
                  + ": "
                  + verdict.failed.size()
                  + " of "
                  + verdict.total
                  + " interactions failed ("
                  + quoted(verdict.failed)
                  + ")";
          default -> throw new IllegalStateException("a verdict is never " + verdict.status);
        };
    return new MatrixRow(
        pact.consumer(),
        pact.consumerVersion(),
        pact.provider(),
        providerVersion,
        pact.pactVersion(),
        verdict.status,
        verdict.at,
        verdict.status == MatrixRow.Status.VERIFIED,
        reason);
  }

  private static String quoted(List<String> descriptions) {
    return descriptions.stream().map(d -> "'" + d + "'").reduce((a, b) -> a + ", " + b).orElse("");
  }

  /**
   * What a provider version's records say of one pact version.
   *
   * @param failed the interactions that failed; when UNVERIFIED with {@code unverified > 0}, those
   *     that no record verified
   * @param unverified how many of the pact's interactions no record verified
   */
  private record Verdict(
      MatrixRow.Status status,
      Instant at,
      List<String> failed,
      int total,
      PactVersion other,
      int unverified) {}

  /**
   * Merges the provider version's records of the pact version: by interaction, the latest verdict
   * counts (several test classes each verify part of a pact; a rerun replaces a verdict). When the
   * publication knows the pact's interactions, the pact is verified only once each has passed.
   */
  private Verdict verdict(Publication publication, String providerVersion) {
    PactVersion pact = publication.pactVersion();
    String provider = publication.provider();
    String consumer = publication.consumer();
    Path dir = StoreLayout.verifications(store, provider, providerVersion, consumer);
    List<Path> files = list(dir);
    String prefix = pact.hash().substring(0, StoreLayout.NAME_HASH) + "-";
    Map<String, Boolean> interactions = new LinkedHashMap<>();
    boolean recordsSuccess = true;
    Instant at = null;
    Path otherFile = null;
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (!name.startsWith(prefix)) {
        if (otherFile == null
            || stamp(name).compareTo(stamp(otherFile.getFileName().toString())) > 0) {
          otherFile = file;
        }
        continue;
      }
      Verification v = Records.verification(file);
      if (!v.pactVersion().equals(pact)) {
        continue;
      }
      for (Verification.InteractionVerdict i : v.interactions()) {
        interactions.remove(i.description());
        interactions.put(i.description(), i.success());
      }
      if (v.interactions().isEmpty()) {
        recordsSuccess = v.success();
      }
      at = at == null || v.verifiedAt().isAfter(at) ? v.verifiedAt() : at;
    }
    if (at == null) {
      PactVersion other = otherFile == null ? null : Records.verification(otherFile).pactVersion();
      return new Verdict(MatrixRow.Status.UNVERIFIED, null, List.of(), 0, other, 0);
    }
    List<String> expected = publication.interactions();
    if (!expected.isEmpty()) {
      // a verdict on an interaction the pact does not have verifies nothing of it
      interactions.keySet().retainAll(Set.copyOf(expected));
    }
    List<String> failed =
        interactions.entrySet().stream()
            .filter(e -> !e.getValue())
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    int total = expected.isEmpty() ? interactions.size() : expected.size();
    if (failed.isEmpty() && !expected.isEmpty()) {
      List<String> never = expected.stream().filter(d -> !interactions.containsKey(d)).toList();
      if (!never.isEmpty()) {
        return new Verdict(MatrixRow.Status.UNVERIFIED, at, never, total, null, never.size());
      }
    }
    boolean success = failed.isEmpty() && (!interactions.isEmpty() || recordsSuccess);
    return new Verdict(
        success ? MatrixRow.Status.VERIFIED : MatrixRow.Status.FAILED, at, failed, total, null, 0);
  }

  /** The time part of a verification record's name: names sort by time after the hash. */
  private static String stamp(String name) {
    int from = StoreLayout.NAME_HASH + 1;
    return name.length() > from ? name.substring(from) : name;
  }

  /** The pacts a consumer version published, by provider. */
  private List<Publication> publications(String consumer, String version) {
    List<Publication> result = new ArrayList<>();
    for (Path file :
        publicationRecords(StoreLayout.publications(store, consumer, version)).values()) {
      result.add(Records.publication(file));
    }
    result.sort(Comparator.comparing(Publication::provider));
    return result;
  }

  /**
   * The versions of a pacticipant in the target: the one last deployed to the environment and those
   * released there; or its latest version.
   */
  private List<String> versionsIn(String pacticipant, Target target) {
    if (target.isLatest()) {
      String latest = latestVersion(pacticipant);
      return latest == null ? List.of() : List.of(latest);
    }
    Set<String> versions = new LinkedHashSet<>();
    List<Path> deployments =
        list(StoreLayout.deployments(store, target.environment(), pacticipant));
    if (!deployments.isEmpty()) {
      versions.add(Records.deployment(deployments.get(deployments.size() - 1)).version());
    }
    Path released =
        store.resolve(StoreLayout.RELEASES).resolve(target.environment()).resolve(pacticipant);
    for (Path file : list(released)) {
      versions.add(Records.release(file).version());
    }
    return List.copyOf(versions);
  }

  /** The pacticipants that might consume {@code provider} in the target. */
  private List<String> consumersIn(String provider, Target target) {
    Set<String> names = new LinkedHashSet<>();
    if (target.isLatest()) {
      for (Path consumer : list(store.resolve(StoreLayout.PUBLICATIONS))) {
        for (Path version : list(consumer)) {
          if (publicationRecords(version).containsKey(provider)) {
            names.add(consumer.getFileName().toString());
            break;
          }
        }
      }
    } else {
      for (String kind : new String[] {StoreLayout.DEPLOYMENTS, StoreLayout.RELEASES}) {
        for (Path p : list(store.resolve(kind).resolve(target.environment()))) {
          names.add(p.getFileName().toString());
        }
      }
    }
    names.remove(provider);
    return names.stream().sorted().toList();
  }

  /** A pacticipant's latest version: the one with the newest publication or verification record. */
  private String latestVersion(String pacticipant) {
    String latest = null;
    Instant latestAt = null;
    for (Path version : list(store.resolve(StoreLayout.PUBLICATIONS).resolve(pacticipant))) {
      List<Path> files = list(version);
      if (!files.isEmpty()) {
        Instant at = Records.publication(files.get(0)).publishedAt();
        if (latestAt == null || at.isAfter(latestAt)) {
          latest = version.getFileName().toString();
          latestAt = at;
        }
      }
    }
    String verifiedStamp = null;
    String verified = null;
    for (Path version : list(store.resolve(StoreLayout.VERIFICATIONS).resolve(pacticipant))) {
      for (Path consumer : list(version)) {
        for (Path file : list(consumer)) {
          String stamp = stamp(file.getFileName().toString());
          if (verifiedStamp == null || stamp.compareTo(verifiedStamp) > 0) {
            verifiedStamp = stamp;
            verified = file.toString();
          }
        }
      }
    }
    if (verified != null) {
      Verification v = Records.verification(Path.of(verified));
      if (latestAt == null || v.verifiedAt().isAfter(latestAt)) {
        latest = v.providerVersion();
      }
    }
    return latest;
  }

  @Override
  public Matrix matrix(MatrixQuery query) {
    if (query.pacticipant() != null) {
      checkPacticipant(query.pacticipant());
      if (query.version() != null) {
        checkKnown(query.pacticipant(), query.version());
      } else if (!known(query.pacticipant())) {
        throw unknown(query.pacticipant());
      }
    }
    if (query.environment() != null) {
      checkVersion("environment", query.environment());
      // a misspelt environment showed no rows, as if nothing were deployed there
      checkEnvironment(query.environment());
    }
    Target env = query.environment() == null ? null : Target.environment(query.environment());
    List<Publication> pactsToShow = new ArrayList<>();
    for (Path consumer : list(store.resolve(StoreLayout.PUBLICATIONS))) {
      for (Path version : list(consumer)) {
        for (Map.Entry<String, Path> record : publicationRecords(version).entrySet()) {
          Path file = record.getValue();
          String consumerName = consumer.getFileName().toString();
          String provider = record.getKey();
          String x = query.pacticipant();
          if (x != null && !x.equals(consumerName) && !x.equals(provider)) {
            continue;
          }
          if (x != null
              && query.version() != null
              && x.equals(consumerName)
              && !x.equals(provider)
              && !query.version().equals(version.getFileName().toString())) {
            continue;
          }
          pactsToShow.add(Records.publication(file));
        }
      }
    }
    Map<String, List<String>> inEnv = new LinkedHashMap<>();
    List<MatrixRow> rows = new ArrayList<>();
    for (Publication pact : pactsToShow) {
      if (env != null
          && !inEnv
              .computeIfAbsent(pact.consumer(), c -> versionsIn(c, env))
              .contains(pact.consumerVersion())) {
        continue;
      }
      List<String> providerVersions = new ArrayList<>();
      String prefix = pact.pactVersion().hash().substring(0, StoreLayout.NAME_HASH) + "-";
      for (Path version : list(store.resolve(StoreLayout.VERIFICATIONS).resolve(pact.provider()))) {
        String providerVersion = version.getFileName().toString();
        if (query.version() != null
            && pact.provider().equals(query.pacticipant())
            && !pact.consumer().equals(query.pacticipant())
            && !query.version().equals(providerVersion)) {
          continue;
        }
        if (env != null
            && !inEnv
                .computeIfAbsent(pact.provider(), p -> versionsIn(p, env))
                .contains(providerVersion)) {
          continue;
        }
        if (list(version.resolve(pact.consumer())).stream()
            .anyMatch(f -> f.getFileName().toString().startsWith(prefix))) {
          providerVersions.add(providerVersion);
        }
      }
      if (providerVersions.isEmpty()) {
        if (query.version() == null || !pact.provider().equals(query.pacticipant())) {
          rows.add(
              new MatrixRow(
                  pact.consumer(),
                  pact.consumerVersion(),
                  pact.provider(),
                  null,
                  pact.pactVersion(),
                  MatrixRow.Status.UNVERIFIED,
                  null,
                  false,
                  "no provider version has verified pact " + pact.pactVersion()));
        }
      }
      for (String providerVersion : providerVersions) {
        rows.add(row(pact, providerVersion, ""));
      }
    }
    Map<String, Instant> publishedAt = new LinkedHashMap<>();
    for (Publication pact : pactsToShow) {
      publishedAt.put(
          pact.consumer() + "\n" + pact.consumerVersion() + "\n" + pact.provider(),
          pact.publishedAt());
    }
    Comparator<MatrixRow> newestFirst =
        Comparator.comparing(
                (MatrixRow r) ->
                    publishedAt.get(
                        r.consumer() + "\n" + r.consumerVersion() + "\n" + r.provider()),
                Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(MatrixRow::verifiedAt, Comparator.nullsFirst(Comparator.reverseOrder()))
            .thenComparing(MatrixRow::consumer)
            .thenComparing(MatrixRow::provider);
    rows.sort(newestFirst);
    int limit = Math.max(query.limit(), 0);
    int truncated = Math.max(rows.size() - limit, 0);
    return new Matrix(List.copyOf(rows.subList(0, rows.size() - truncated)), truncated);
  }

  @Override
  public List<Change> changed(String sinceRevision) {
    return GitPacts.changed(pacts, sinceRevision);
  }

  // ---------------------------------------------------------------------------------- checks

  private void checkKnown(String pacticipant, String version) {
    checkPacticipant(pacticipant);
    checkVersion("version", version);
    if (!known(pacticipant)) {
      throw unknown(pacticipant);
    }
    boolean knownVersion =
        Files.isDirectory(
                store.resolve(StoreLayout.PUBLICATIONS).resolve(pacticipant).resolve(version))
            || Files.isDirectory(
                store.resolve(StoreLayout.VERIFICATIONS).resolve(pacticipant).resolve(version));
    if (!knownVersion) {
      for (Path env : list(store.resolve(StoreLayout.RELEASES))) {
        for (Path file : list(env.resolve(pacticipant))) {
          knownVersion |= Records.release(file).version().equals(version);
        }
      }
    }
    if (!knownVersion) {
      throw new StoreException(
          pacticipant
              + " version "
              + version
              + " was never published or verified: the store at "
              + store
              + " has no record of it (publish its pacts, or verify, first)");
    }
  }

  /**
   * An environment is known by the deployments and releases recorded to it. In a store that knows
   * some, a name none was recorded to is a typo far more often than a new environment, and would
   * let through a version whose partners are looked for there (none are there): refused, as a Pact
   * Broker refuses an environment it does not know. A store that knows none is new: any name is its
   * first.
   */
  private void checkEnvironment(String environment) {
    Set<String> known = new TreeSet<>();
    for (Path env : environmentFolders()) {
      if (Files.isDirectory(env)) {
        known.add(env.getFileName().toString());
      }
    }
    if (!known.isEmpty() && !known.contains(environment)) {
      throw new StoreException(
          "unknown environment '"
              + environment
              + "': the store at "
              + store
              + " has deployments or releases to "
              + String.join(", ", known)
              + " only (a new environment is known once a deployment or release to it is"
              + " recorded)");
    }
  }

  private boolean known(String pacticipant) {
    if (Files.isDirectory(store.resolve(StoreLayout.PUBLICATIONS).resolve(pacticipant))
        || Files.isDirectory(store.resolve(StoreLayout.VERIFICATIONS).resolve(pacticipant))) {
      return true;
    }
    for (Path env : environmentFolders()) {
      if (Files.isDirectory(env.resolve(pacticipant))) {
        return true;
      }
    }
    return false;
  }

  // each environment's folder of deployments, then each one's of releases
  private List<Path> environmentFolders() {
    List<Path> out = new ArrayList<>(list(store.resolve(StoreLayout.DEPLOYMENTS)));
    out.addAll(list(store.resolve(StoreLayout.RELEASES)));
    return out;
  }

  private StoreException unknown(String pacticipant) {
    if (!Files.isDirectory(store)) {
      // a mistyped --store: say so, not that the pacticipant is unknown
      return new StoreException(store + ": no such store folder");
    }
    return new StoreException(
        "unknown pacticipant '"
            + pacticipant
            + "': the store at "
            + store
            + " has no publication, verification, deployment or release of it");
  }

  private static void checkPacticipant(String name) {
    String problem = StoreLayout.checkPacticipant(name);
    if (problem != null) {
      throw new StoreException(problem);
    }
  }

  private static void checkName(Path pactFile, String name) {
    String problem = StoreLayout.checkPacticipant(name);
    if (problem != null) {
      throw new StoreException(pactFile + ": " + problem);
    }
  }

  private static void checkVersion(String what, String value) {
    String problem = StoreLayout.checkVersion(what, value);
    if (problem != null) {
      throw new StoreException(problem);
    }
  }

  /** A folder's entries sorted by name, without hidden (temporary) ones; none when it is absent. */
  private static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
