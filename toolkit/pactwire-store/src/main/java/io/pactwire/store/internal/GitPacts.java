package io.pactwire.store.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.core.PactFileException;
import io.pactwire.core.internal.PactReader;
import io.pactwire.core.internal.store.PactVersions;
import io.pactwire.store.Change;
import io.pactwire.store.PactVersion;
import io.pactwire.store.StoreException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The pacts of a folder now and at a git revision: which are new or changed. Git is run four times
 * whatever the number of pacts: {@code rev-parse} twice, {@code ls-tree} for the folder's files at
 * the revision, {@code cat-file --batch} for their text.
 */
public final class GitPacts {

  private GitPacts() {}

  public static List<Change> changed(Path pacts, String revision) {
    if (revision == null || revision.isBlank() || revision.startsWith("-")) {
      throw new StoreException("'" + revision + "' is not a git revision");
    }
    if (!Files.isDirectory(pacts)) {
      throw new StoreException(pacts + ": no such pacts folder");
    }
    Path top = Path.of(utf8(git(pacts, null, "rev-parse", "--show-toplevel")).strip());
    Path relative;
    try {
      relative = top.toRealPath().relativize(pacts.toRealPath());
    } catch (IOException e) {
      throw new StoreException("cannot resolve " + pacts + ": " + e.getMessage(), e);
    }
    String folder = relative.toString().isEmpty() ? "." : relative.toString().replace('\\', '/');
    git(top, null, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
    String tree = utf8(git(top, null, "ls-tree", "-z", revision, folder + "/"));
    Map<String, String> blobs = new LinkedHashMap<>();
    for (String line : tree.split("\0")) {
      int tab = line.indexOf('\t');
      if (tab < 0) {
        continue;
      }
      String[] meta = line.substring(0, tab).split(" ");
      String name = Path.of(line.substring(tab + 1)).getFileName().toString();
      if (meta.length == 3 && meta[1].equals("blob") && name.endsWith(".json")) {
        blobs.put(meta[2], name);
      }
    }
    Map<String, PactVersion> before = new LinkedHashMap<>();
    if (!blobs.isEmpty()) {
      byte[] bytes = git(top, String.join("\n", blobs.keySet()) + "\n", "cat-file", "--batch");
      int at = 0;
      while (at < bytes.length) {
        int eol = indexOf(bytes, (byte) '\n', at);
        String[] header = new String(bytes, at, eol - at, StandardCharsets.UTF_8).split(" ");
        int size = Integer.parseInt(header[2]);
        String text = new String(bytes, eol + 1, size, StandardCharsets.UTF_8);
        at = eol + 1 + size + 1;
        String version = PactVersions.ofText(text);
        JsonNode names = parties(text);
        if (version != null && names != null) {
          before.put(key(names), new PactVersion(version));
        }
      }
    }
    List<Change> changes = new ArrayList<>();
    for (Path file : pactFiles(pacts)) {
      JsonNode pact;
      try {
        pact = PactReader.read(file);
      } catch (PactFileException e) {
        throw new StoreException(e.getMessage(), e);
      }
      PactVersion now = PactVersion.of(pact);
      PactVersion then = before.get(key(pact));
      if (!now.equals(then)) {
        changes.add(
            new Change(
                pact.path("provider").path("name").textValue(),
                pact.path("consumer").path("name").textValue(),
                file.getFileName().toString(),
                then,
                now));
      }
    }
    changes.sort(Comparator.comparing(Change::provider).thenComparing(Change::consumer));
    return List.copyOf(changes);
  }

  private static String key(JsonNode pact) {
    return pact.path("consumer").path("name").asText()
        + "\n"
        + pact.path("provider").path("name").asText();
  }

  private static JsonNode parties(String text) {
    try {
      return io.pactwire.core.internal.JsonText.MAPPER.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return bytes.length;
  }

  private static List<Path> pactFiles(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new StoreException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Runs git in {@code dir}; its output, or one line why not. */
  private static byte[] git(Path dir, String input, String... args) {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.add("-C");
    command.add(dir.toString());
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new StoreException("cannot run git: " + e.getMessage(), e);
    }
    CompletableFuture<byte[]> out =
        CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    CompletableFuture<byte[]> err =
        CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
    try (OutputStream in = process.getOutputStream()) {
      if (input != null) {
        in.write(input.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // git stopped reading: its exit status says why
    }
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new StoreException("git " + args[0] + " did not finish in 60 s");
      }
      String error = new String(err.join(), StandardCharsets.UTF_8).strip();
      if (process.exitValue() != 0) {
        if (args[0].equals("rev-parse") && args.length > 1 && args[1].equals("--verify")) {
          throw new StoreException(
              "unknown git revision '"
                  + args[args.length - 1].replace("^{commit}", "")
                  + "' in "
                  + dir);
        }
        throw new StoreException(
            "git "
                + args[0]
                + " failed in "
                + dir
                + ": "
                + (error.isEmpty()
                    ? "exit " + process.exitValue()
                    : error.lines().findFirst().orElse("")));
      }
      return out.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while git ran", e);
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
