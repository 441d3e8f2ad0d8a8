package io.pactwire.store.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.core.PactFileException;
import io.pactwire.core.internal.JsonText;
import io.pactwire.core.internal.PactReader;
import io.pactwire.core.internal.store.StoreLayout;
import io.pactwire.store.Deployment;
import io.pactwire.store.PactVersion;
import io.pactwire.store.Publication;
import io.pactwire.store.Release;
import io.pactwire.store.StoreException;
import io.pactwire.store.Verification;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Store records to and from their JSON text; a record that cannot be read is named, whole. */
public final class Records {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Records() {}

  public static String render(Publication p) {
    ObjectNode r = NODES.objectNode();
    r.put("consumer", p.consumer());
    r.put("consumerVersion", p.consumerVersion());
    if (p.branch() != null) {
      r.put("branch", p.branch());
    }
    r.put("provider", p.provider());
    r.put("pactVersion", p.pactVersion().hash());
    if (p.pactFile() != null) {
      r.put("pactFile", p.pactFile());
    }
    r.put("publishedAt", p.publishedAt().toString());
    if (!p.interactions().isEmpty()) {
      p.interactions().forEach(r.putArray("interactions")::add);
    }
    return JsonText.render(r);
  }

  public static String render(Deployment d) {
    ObjectNode r = NODES.objectNode();
    r.put("pacticipant", d.pacticipant());
    r.put("version", d.version());
    r.put("environment", d.environment());
    r.put("deployedAt", d.deployedAt().toString());
    return JsonText.render(r);
  }

  public static String render(Release d) {
    ObjectNode r = NODES.objectNode();
    r.put("pacticipant", d.pacticipant());
    r.put("version", d.version());
    r.put("environment", d.environment());
    r.put("releasedAt", d.releasedAt().toString());
    return JsonText.render(r);
  }

  public static Publication publication(Path file) {
    Fields f = new Fields(file);
    f.placed(StoreLayout.PUBLICATIONS, "consumer", "consumerVersion");
    String provider = StoreLayout.publicationProvider(file.getFileName().toString());
    if (provider != null && !provider.equals(f.text("provider"))) {
      throw f.misplaced("provider", provider);
    }
    return new Publication(
        f.text("consumer"),
        f.text("consumerVersion"),
        f.optionalText("branch"),
        f.text("provider"),
        f.pactVersion("pactVersion"),
        f.optionalText("pactFile"),
        f.instant("publishedAt"),
        f.texts("interactions"));
  }

  public static Verification verification(Path file) {
    Fields f = new Fields(file);
    f.placed(StoreLayout.VERIFICATIONS, "provider", "providerVersion", "consumer");
    List<Verification.InteractionVerdict> verdicts = new ArrayList<>();
    JsonNode interactions = f.tree.get("interactions");
    if (interactions != null) {
      if (!interactions.isArray()) {
        throw f.corrupt("$.interactions", "is an array of verdicts, not " + interactions);
      }
      for (int i = 0; i < interactions.size(); i++) {
        JsonNode verdict = interactions.get(i);
        JsonNode description = verdict.get("description");
        JsonNode success = verdict.get("success");
        if (description == null
            || !description.isTextual()
            || success == null
            || !success.isBoolean()) {
          throw f.corrupt(
              "$.interactions[" + i + "]", "a verdict has a description and a true/false success");
        }
        verdicts.add(
            new Verification.InteractionVerdict(description.textValue(), success.booleanValue()));
      }
    }
    return new Verification(
        f.text("provider"),
        f.text("providerVersion"),
        f.optionalText("branch"),
        f.text("consumer"),
        f.pactVersion("pactVersion"),
        f.bool("success"),
        f.instant("verifiedAt"),
        List.copyOf(verdicts));
  }

  public static Deployment deployment(Path file) {
    Fields f = new Fields(file);
    f.placed(StoreLayout.DEPLOYMENTS, "environment", "pacticipant");
    return new Deployment(
        f.text("pacticipant"), f.text("version"), f.text("environment"), f.instant("deployedAt"));
  }

  public static Release release(Path file) {
    Fields f = new Fields(file);
    f.placed(StoreLayout.RELEASES, "environment", "pacticipant");
    return new Release(
        f.text("pacticipant"), f.text("version"), f.text("environment"), f.instant("releasedAt"));
  }

  /** The fields of one record, each failing with the file and the field's path. */
  private static final class Fields {
    final Path file;
    final JsonNode tree;

    Fields(Path file) {
      this.file = file;
      JsonNode read;
      try {
        read = PactReader.readTree(file);
      } catch (PactFileException e) {
        throw new StoreException("corrupt store record " + e.getMessage(), e);
      }
      if (!read.isObject()) {
        throw corrupt("$", "a record is a JSON object");
      }
      this.tree = read;
    }

    String text(String name) {
      JsonNode value = tree.get(name);
      if (value == null || !value.isTextual() || value.textValue().isBlank()) {
        throw corrupt("$." + name, value == null ? "missing" : "is text, not " + value);
      }
      return value.textValue();
    }

    String optionalText(String name) {
      JsonNode value = tree.get(name);
      return value == null || value.isNull() ? null : text(name);
    }

    /** An optional array of text; empty when absent. */
    List<String> texts(String name) {
      JsonNode value = tree.get(name);
      if (value == null || value.isNull()) {
        return List.of();
      }
      List<String> texts = new ArrayList<>();
      for (int i = 0; value.isArray() && i < value.size(); i++) {
        if (!value.get(i).isTextual()) {
          break;
        }
        texts.add(value.get(i).textValue());
      }
      if (!value.isArray() || texts.size() != value.size()) {
        throw corrupt("$." + name, "is an array of text, not " + value);
      }
      return List.copyOf(texts);
    }

    boolean bool(String name) {
      JsonNode value = tree.get(name);
      if (value == null || !value.isBoolean()) {
        throw corrupt("$." + name, value == null ? "missing" : "is true or false, not " + value);
      }
      return value.booleanValue();
    }

    PactVersion pactVersion(String name) {
      String text = text(name);
      try {
        return new PactVersion(text);
      } catch (IllegalArgumentException e) {
        throw corrupt("$." + name, e.getMessage());
      }
    }

    Instant instant(String name) {
      String text = text(name);
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw corrupt(
            "$." + name, "is a UTC time such as 2026-12-06T04:05:00Z, not '" + text + "'");
      }
    }

    /**
     * Checks that a record in a store's folders is where the store puts it, each folder below
     * {@code root} named by one of {@code fields}' values in turn: a record moved or edited by hand
     * to say another version would be counted for the folder's version and reported as its own. A
     * file not in such folders (read on its own) is not checked.
     */
    void placed(String root, String... fields) {
      Path dir = file.toAbsolutePath().getParent();
      Path[] folders = new Path[fields.length];
      for (int i = fields.length - 1; i >= 0; i--) {
        if (dir == null) {
          return;
        }
        folders[i] = dir;
        dir = dir.getParent();
      }
      if (dir == null || dir.getFileName() == null || !dir.getFileName().toString().equals(root)) {
        return;
      }
      for (int i = 0; i < fields.length; i++) {
        String folder = folders[i].getFileName().toString();
        if (!folder.equals(text(fields[i]))) {
          throw misplaced(fields[i], folder);
        }
      }
    }

    StoreException misplaced(String field, String expected) {
      return corrupt(
          "$." + field,
          "is '"
              + text(field)
              + "', but the record is filed under '"
              + expected
              + "' (moved or edited by hand: the store files a record by what it says)");
    }

    StoreException corrupt(String at, String problem) {
      return new StoreException("corrupt store record " + file + ":" + at + ": " + problem);
    }
  }
}
