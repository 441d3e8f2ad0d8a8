package io.pactwire.core.internal.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.core.internal.JsonText;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The verification record of the contract store: one provider version's verdict on one pact
 * version, one file per verification run. The JUnit provider module and {@code pactwire verify}
 * both write it through here, so their records are the same.
 */
public final class VerificationRecords {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** One interaction's verdict as the store keeps it: no exchanges, no message texts. */
  public record Verdict(String description, List<String> states, boolean success) {}

  /** What one record says. */
  public record Verification(
      String provider,
      String providerVersion,
      String branch,
      String consumer,
      String pactVersion,
      String pactFile,
      Instant verifiedAt,
      boolean success,
      List<Verdict> interactions) {}

  private VerificationRecords() {}

  /** The record's text. */
  public static String render(Verification v) {
    ObjectNode record = NODES.objectNode();
    record.put("provider", v.provider());
    record.put("providerVersion", v.providerVersion());
    if (v.branch() != null) {
      record.put("branch", v.branch());
    }
    record.put("consumer", v.consumer());
    record.put("pactVersion", v.pactVersion());
    if (v.pactFile() != null) {
      record.put("pactFile", v.pactFile());
    }
    record.put("verifiedAt", v.verifiedAt().toString());
    record.put("success", v.success());
    ArrayNode interactions = record.putArray("interactions");
    for (Verdict verdict : v.interactions()) {
      ObjectNode i = interactions.addObject();
      i.put("description", verdict.description());
      if (verdict.states() != null && !verdict.states().isEmpty()) {
        ArrayNode states = i.putArray("states");
        verdict.states().forEach(states::add);
      }
      i.put("success", verdict.success());
    }
    return JsonText.render(record);
  }

  /**
   * Writes one verification as a new record of the store at {@code store}, named by its time;
   * returns its file.
   *
   * @throws IllegalArgumentException when a name cannot name a store file
   */
  public static Path write(Path store, Verification v) {
    String problem = StoreLayout.checkPacticipant(v.provider());
    if (problem == null) {
      problem = StoreLayout.checkPacticipant(v.consumer());
    }
    if (problem == null) {
      problem = StoreLayout.checkVersion("provider version", v.providerVersion());
    }
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    StoreRecords.ignoreTemporaryFiles(store);
    Path dir = StoreLayout.verifications(store, v.provider(), v.providerVersion(), v.consumer());
    String text = render(v);
    while (true) {
      Path file = dir.resolve(StoreLayout.verificationName(v.pactVersion(), v.verifiedAt()));
      if (StoreRecords.create(file, text) == StoreRecords.Outcome.CREATED) {
        return file;
      }
      // another writer drew the same millisecond and nonce: draw again
    }
  }
}
