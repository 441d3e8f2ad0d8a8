package io.pactwire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.openapi.Finding;
import io.pactwire.openapi.OpenApiCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts a {@code check-openapi} run on a second thread before picocli has parsed the command line.
 *
 * <p>Picocli's own start-up (its classes cannot be kept in a CDS archive, and it reads its
 * annotations reflectively) costs about as much as a whole check, so on a machine with a spare core
 * the two are best run side by side. {@link #start} reads the few argument forms of {@code
 * check-openapi} and gives up on anything else; the command then takes the early result only when
 * the inputs picocli parsed are exactly the ones the early run used, and checks afresh otherwise.
 * Errors and output stay the command's: the early run only computes the findings.
 */
final class EarlyCheck {

  /** What a check depends on. */
  record Inputs(Path pact, List<Path> specs, boolean ignoreMatchingRules) {

    Inputs {
      specs = List.copyOf(specs);
    }

    /** Reads the pact on a pool thread while the specs are read; a bad spec is reported first. */
    List<Finding> check() {
      CompletableFuture<JsonNode> tree =
          CompletableFuture.supplyAsync(() -> OpenApiCheck.readPact(pact));
      OpenApiCheck.Builder builder = OpenApiCheck.newInstance();
      specs.forEach(builder::spec);
      if (ignoreMatchingRules) {
        builder.ignoreMatchingRules();
      }
      OpenApiCheck check = builder.build();
      try {
        return check.check(tree.join());
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
    }
  }

  private static final AtomicReference<EarlyCheck> STARTED = new AtomicReference<>();

  private final Inputs inputs;
  private final FutureTask<List<Finding>> task;

  private EarlyCheck(Inputs inputs) {
    this.inputs = inputs;
    this.task = new FutureTask<>(inputs::check);
  }

  /** Starts the check the arguments ask for, if they are a plain {@code check-openapi} call. */
  static void start(String[] args) {
    Optional<Inputs> inputs = inputs(args);
    if (inputs.isEmpty()) {
      return;
    }
    EarlyCheck early = new EarlyCheck(inputs.get());
    STARTED.set(early);
    Thread t = new Thread(early.task, "pactwire-early-check");
    t.setDaemon(true);
    t.start();
  }

  /**
   * The findings of the early run for exactly these inputs, waiting for it to finish, or empty when
   * none was started for them. A run is taken once.
   *
   * @throws RuntimeException what the early check threw (a {@code SpecException} for bad input)
   */
  static Optional<List<Finding>> take(Inputs inputs) {
    EarlyCheck early = STARTED.getAndSet(null);
    if (early == null || !early.inputs.equals(inputs)) {
      return Optional.empty();
    }
    try {
      return Optional.of(early.task.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * The inputs of {@code check-openapi --pact F --spec F... [--format X] [--ignore-matching-rules]}
   * (each option also as {@code --name=value}); empty for any other command line, which picocli
   * alone then reads.
   */
  static Optional<Inputs> inputs(String[] args) {
    if (args.length == 0 || !args[0].equals("check-openapi")) {
      return Optional.empty();
    }
    String pact = null;
    List<Path> specs = new ArrayList<>();
    boolean ignoreMatchingRules = false;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      String value;
      if (a.contains("=")) {
        value = a.substring(a.indexOf('=') + 1);
      } else if ((name.equals("--pact") || name.equals("--spec") || name.equals("--format"))
          && i + 1 < args.length) {
        value = args[++i];
      } else {
        value = null;
      }
      switch (name) {
        case "--pact" -> {
          if (pact != null || value == null) {
            return Optional.empty();
          }
          pact = value;
        }
        case "--spec" -> {
          if (value == null) {
            return Optional.empty();
          }
          specs.add(Path.of(value));
        }
        case "--format" -> {
          if (value == null) {
            return Optional.empty();
          }
        }
        case "--ignore-matching-rules" -> {
          if (a.contains("=")) {
            return Optional.empty();
          }
          ignoreMatchingRules = true;
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    if (pact == null || specs.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Inputs(Path.of(pact), specs, ignoreMatchingRules));
  }
}
