package io.pactwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A finished run of a program (the launcher, or a shell that finds it): exit code, out, err. */
record LauncherRun(int exit, String out, String err) {

  /** Runs {@code program} with {@code args} in the environment {@code environment} sets. */
  static LauncherRun run(Consumer<Map<String, String>> environment, String program, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(program));
    command.addAll(List.of(args));
    ProcessBuilder b = new ProcessBuilder(command);
    environment.accept(b.environment());
    Process p = b.start();
    CompletableFuture<byte[]> err =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return p.getErrorStream().readAllBytes();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new LauncherRun(p.exitValue(), out, new String(err.get(), StandardCharsets.UTF_8));
  }
}
