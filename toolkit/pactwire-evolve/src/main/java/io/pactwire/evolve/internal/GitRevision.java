package io.pactwire.evolve.internal;

import io.pactwire.evolve.EvolveException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The pacts of a folder (or one pact) as they are at a git revision, read with the {@code git}
 * command: one {@code ls-tree} and one {@code cat-file --batch} whatever the number of files.
 */
public final class GitRevision {

  private final Path dir;
  private final String ref;

  private GitRevision(Path dir, String ref) {
    this.dir = dir;
    this.ref = ref;
  }

  /**
   * Opens a revision of the repository that holds {@code dir}.
   *
   * @throws EvolveException when git is missing, {@code dir} is in no repository or the revision
   *     names no commit
   */
  public static GitRevision of(Path dir, String ref) {
    GitRevision r = new GitRevision(dir, ref);
    if (ref.isBlank() || ref.startsWith("-")) {
      throw new EvolveException("unknown git revision '" + ref + "'", null);
    }
    Result top = r.git(null, "rev-parse", "--show-toplevel");
    if (top.status() != 0) {
      throw new EvolveException(dir + ": not in a git repository", null);
    }
    Result commit = r.git(null, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
    if (commit.status() != 0) {
      throw new EvolveException(
          "unknown git revision '" + ref + "' in " + top.text().strip(), null);
    }
    return r;
  }

  /**
   * The files at this revision: for a folder, its {@code *.json} files directly in it; for a file,
   * that file when the revision has it. Keys are file names relative to {@code dir}.
   */
  public Map<String, byte[]> files(String fileName) {
    String prefix = git(null, "rev-parse", "--show-prefix").text().strip();
    Result list =
        git(
            null,
            "ls-tree",
            "-r",
            "-z",
            "--full-name",
            "--name-only",
            ref,
            "--",
            fileName == null ? "." : fileName);
    if (list.status() != 0) {
      throw new EvolveException("git ls-tree " + ref + ": " + list.error().strip(), null);
    }
    List<String> names = new ArrayList<>();
    for (String full : list.text().split("\0")) {
      if (full.isEmpty() || !full.startsWith(prefix)) {
        continue;
      }
      String relative = full.substring(prefix.length());
      if (fileName == null && (relative.contains("/") || !relative.endsWith(".json"))) {
        continue;
      }
      names.add(full);
    }
    Map<String, byte[]> out = new LinkedHashMap<>();
    if (names.isEmpty()) {
      return out;
    }
    StringBuilder input = new StringBuilder();
    for (String full : names) {
      input.append(ref).append(':').append(full).append('\n');
    }
    Result batch = git(input.toString().getBytes(StandardCharsets.UTF_8), "cat-file", "--batch");
    if (batch.status() != 0) {
      throw new EvolveException("git cat-file " + ref + ": " + batch.error().strip(), null);
    }
    byte[] bytes = batch.bytes();
    int at = 0;
    for (String full : names) {
      int eol = indexOf(bytes, (byte) '\n', at);
      String header = new String(bytes, at, eol - at, StandardCharsets.UTF_8);
      String[] fields = header.split(" ");
      if (fields.length < 3 || !fields[1].equals("blob")) {
        throw new EvolveException(ref + ":" + full + ": not a file at that revision", null);
      }
      int size = Integer.parseInt(fields[2]);
      byte[] content = new byte[size];
      System.arraycopy(bytes, eol + 1, content, 0, size);
      out.put(full.substring(prefix.length()), content);
      at = eol + 1 + size + 1;
    }
    return out;
  }

  /** {@code REF:path/of/dir/} as messages name a file of this revision. */
  public String label(String relativeName) {
    String prefix = git(null, "rev-parse", "--show-prefix").text().strip();
    return ref + ":" + prefix + relativeName;
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new EvolveException("git cat-file: unexpected end of output", null);
  }

  private record Result(int status, byte[] bytes, String error) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private Result git(byte[] input, String... args) {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.add("-C");
    command.add(dir.toString());
    command.addAll(List.of(args));
    Process p;
    try {
      p = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new EvolveException("cannot run git: " + e.getMessage(), e);
    }
    CompletableFuture<byte[]> err =
        CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
    CompletableFuture<Void> in =
        CompletableFuture.runAsync(
            () -> {
              try (OutputStream o = p.getOutputStream()) {
                if (input != null) {
                  o.write(input);
                }
              } catch (IOException e) {
                // git stopped reading; its status says why
              }
            });
    byte[] out = readAll(p.getInputStream());
    try {
      int status = p.waitFor();
      in.join();
      return new Result(status, out, new String(err.join(), StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EvolveException("interrupted while running git", e);
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

  /** Writes files of this revision into {@code dir}, under their names. */
  public static void write(Map<String, byte[]> files, Path dir) {
    try {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Path target = dir.resolve(f.getKey());
        Files.createDirectories(target.getParent());
        Files.write(target, f.getValue());
      }
    } catch (IOException e) {
      throw new EvolveException(dir + ": cannot write: " + e.getMessage(), e);
    }
  }
}
