package io.pactwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.core.PactsDirectory;
import io.pactwire.core.internal.JsonText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pactwire diff}, {@code usage} and {@code impact}: exit codes, formats and bad input. */
class EvolveCommandsTests {

  static final Path PACTS = PactsDirectory.locate();
  static final Path CHECKOUT = PACTS.resolve("checkout-service-inventory-service.json");
  static final Path SPEC = PACTS.resolveSibling("provider/inventory-service/api/openapi.yaml");

  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  /** checkout-service's pact with one more response field, which the provider must now send. */
  Path withNewResponseField() throws IOException {
    ObjectNode pact = (ObjectNode) JsonText.MAPPER.readTree(CHECKOUT.toFile());
    ObjectNode response = (ObjectNode) pact.get("interactions").get(0).get("response");
    ((ObjectNode) response.get("body").get("content")).put("colour", "brown");
    return Files.writeString(dir.resolve("new.json"), JsonText.render(pact));
  }

  @Nested
  class Diff {

    @Test
    void aChangeBreakingForTheProviderExitsOne() throws IOException {
      Run run = run("diff", CHECKOUT.toString(), withNewResponseField().toString());

      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.out())
          .contains(
              "breaking  relaxing  added                response body $.colour: string,"
                  + " equality, \"brown\"");
      assertThat(run.err()).isEmpty();
    }

    @Test
    void theSamePactRewrittenIsNoChangeAndExitsZero() throws IOException {
      Path same =
          Files.writeString(
              dir.resolve("same.json"),
              JsonText.render(JsonText.MAPPER.readTree(CHECKOUT.toFile())));

      Run run = run("diff", CHECKOUT.toString(), same.toString(), "--format", "markdown");

      assertThat(run.exit()).isZero();
      assertThat(run.out())
          .startsWith("### Contract changes\n")
          .contains("**no changes** in 1 contract.");
    }

    @Test
    void jsonCarriesBothClassesOfEachChange() throws IOException {
      Run run =
          run("diff", "--format", "json", CHECKOUT.toString(), withNewResponseField().toString());

      assertThat(JsonText.MAPPER.readTree(run.out()).get("changes").get(0).toString())
          .contains("\"forProvider\":\"breaking\"", "\"forConsumer\":\"relaxing\"");
    }

    @Test
    void badInputIsOneLineAndExitsTwo() throws IOException {
      Path malformed = Files.writeString(dir.resolve("bad.json"), "{\"consumer\": ");
      Path catalog = PACTS.resolve("catalog-indexer-inventory-service.json");

      Run bad = run("diff", malformed.toString(), CHECKOUT.toString());
      Run pairs = run("diff", CHECKOUT.toString(), catalog.toString());
      Run ref = run("diff", "--git-ref", "no-such-revision-anywhere", CHECKOUT.toString());
      Run one = run("diff", CHECKOUT.toString());

      assertThat(bad.err()).startsWith("pactwire diff: " + malformed + ":1:").hasLineCount(1);
      assertThat(pairs.err())
          .startsWith("pactwire diff: " + catalog + ": a pact between catalog-indexer")
          .hasLineCount(1);
      assertThat(ref.err()).startsWith("pactwire diff: ").hasLineCount(1);
      assertThat(one.err()).isEqualTo("pactwire diff: give OLD and NEW, or --git-ref REF [PATH]\n");
      assertThat(java.util.List.of(bad, pairs, ref, one))
          .allSatisfy(
              r -> {
                assertThat(r.exit()).isEqualTo(2);
                assertThat(r.out()).isEmpty();
              });
    }
  }

  @Nested
  class UsageAndImpact {

    @Test
    void usageNamesTheConsumersOfAField() {
      Run run =
          run(
              "usage",
              "--provider",
              "inventory-service",
              "--field",
              "$.stock",
              "--pacts",
              PACTS.toString());

      assertThat(run.exit()).isZero();
      assertThat(run.out())
          .contains("body $.stock", "checkout-service \"a request for a product\" (integer)")
          .doesNotContain("catalog-indexer \"");
    }

    // the first run keeps what it reads, the next reads it back: the same report as --no-cache
    @Test
    void usageAndDiffReportTheSameWithTheCacheAndWithout() throws IOException {
      String[] usage = {"usage", "--provider", "inventory-service", "--pacts", PACTS.toString()};
      Path before = Files.createDirectories(dir.resolve("before"));
      Path after = Files.createDirectories(dir.resolve("after"));
      Files.copy(CHECKOUT, before.resolve("a.json"));
      Files.copy(withNewResponseField(), after.resolve("a.json"));
      String[] diff = {"diff", before.toString(), after.toString()};

      Run usageWithout = run(concat(usage, "--no-cache"));
      Run diffWithout = run(concat(diff, "--no-cache"));
      for (int round = 0; round < 2; round++) {
        assertThat(run(usage)).isEqualTo(usageWithout);
        assertThat(run(diff)).isEqualTo(diffWithout);
      }
      assertThat(usageWithout.exit()).isZero();
      assertThat(diffWithout.exit()).isEqualTo(1);
      assertThat(diffWithout.out()).contains("response body $.colour");
    }

    @Test
    void impactOfRenamingStockExitsOneAndOfTheSpecInUseZero() throws IOException {
      Path renamed =
          Files.writeString(
              dir.resolve("openapi.yaml"),
              Files.readString(SPEC)
                  .replace("[sku, name, price, stock]", "[sku, name, price, onHand]")
                  .replace("        stock:\n", "        onHand:\n"));
      String[] common = {"impact", "--provider", "inventory-service", "--pacts", PACTS.toString()};

      Run breaking =
          run(concat(common, "--spec", renamed.toString(), "--base-spec", SPEC.toString()));
      Run same = run(concat(common, "--spec", SPEC.toString(), "--format", "markdown"));

      assertThat(breaking.exit()).isEqualTo(1);
      assertThat(breaking.out())
          .contains("checkout-service (" + CHECKOUT + ")", "\"a request for a product\"")
          .doesNotContain("catalog-indexer");
      assertThat(same.exit()).isZero();
      assertThat(same.out()).contains("**no new findings**");
    }

    @Test
    void anUnreadableSpecIsOneLineAndExitsTwo() {
      Run run =
          run(
              "impact",
              "--provider",
              "inventory-service",
              "--spec",
              dir.resolve("missing.yaml").toString());

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err())
          .startsWith("pactwire impact: " + dir.resolve("missing.yaml"))
          .hasLineCount(1);
    }

    // a schema behind a URL is loaded as the check reaches it: one line and exit 2, not a stack
    // trace and not a verdict
    @Test
    void impactOfASpecWithARefToAUrlThatCannotBeFetchedIsOneLineAndExitsTwo() throws IOException {
      int closed;
      try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
        closed = s.getLocalPort();
      }
      Path spec =
          Files.writeString(
              dir.resolve("remote.yaml"),
              """
              openapi: 3.0.3
              info: {title: inventory, version: "1"}
              paths:
                /products/{sku}:
                  get:
                    parameters: [{name: sku, in: path, required: true, schema: {type: string}}]
                    responses:
                      "200":
                        description: a product
                        content:
                          application/json:
                            schema: {$ref: "http://127.0.0.1:%d/product.yaml"}
              """
                  .formatted(closed));

      Run run =
          run(
              "impact",
              "--provider",
              "inventory-service",
              "--pacts",
              PACTS.toString(),
              "--spec",
              spec.toString());

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err())
          .startsWith("pactwire impact: " + spec + ": a schema cannot be used: ")
          .contains("Connection refused")
          .hasLineCount(1);
    }

    // no new findings because the document describes none of the interactions is no pass
    @Test
    void impactOfADocumentThatDescribesNoneOfThePactsIsOneLineAndExitsTwo(@TempDir Path dir)
        throws IOException {
      Path pacts = Files.createDirectories(dir.resolve("pacts"));
      Files.copy(
          PACTS.resolve("catalog-indexer-inventory-service.json"),
          pacts.resolve("catalog-indexer-inventory-service.json"));

      Run run =
          run(
              "impact",
              "--provider",
              "inventory-service",
              "--pacts",
              pacts.toString(),
              "--spec",
              SPEC.toString());

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err())
          .isEqualTo(
              "pactwire impact: nothing to check: none of the 1 pact with inventory-service in "
                  + pacts
                  + " has an interaction of a kind the documents describe (HTTP interactions take"
                  + " an OpenAPI document, messages an AsyncAPI one)\n");
    }

    // a misspelt provider: one line and exit 2, as verify and stub, never an empty report
    @Test
    void usageAndImpactOfAProviderNoPactNamesExitTwo() {
      for (String command : new String[] {"usage", "impact"}) {
        String[] args = {command, "--provider", "inventory-servce", "--pacts", PACTS.toString()};
        Run run = run(command.equals("impact") ? concat(args, "--spec", SPEC.toString()) : args);

        assertThat(run.exit()).as(command).isEqualTo(2);
        assertThat(run.out()).as(command).isEmpty();
        assertThat(run.err())
            .as(command)
            .startsWith("pactwire " + command + ": no pact with provider 'inventory-servce' in ")
            .hasLineCount(1);
      }
    }

    // where the launcher keeps its cache, and nowhere without a home folder (the JVM's user.home
    // is then "?", a folder of that name in the working directory)
    @Test
    void theCacheFolderFollowsTheEnvironmentAsTheLaunchersAndIsNoneWithoutAHome() {
      java.util.Map<String, String> env = new java.util.HashMap<>();
      assertThat(EvolveCacheOption.dir(env::get, "?")).isNull();
      // no HOME, as on Windows: the JVM's home folder
      assertThat(EvolveCacheOption.dir(env::get, "/home/ci"))
          .isEqualTo(Path.of("/home/ci/.cache/pactwire/evolve"));
      env.put("HOME", "/home/ci");
      assertThat(EvolveCacheOption.dir(env::get, "?"))
          .isEqualTo(Path.of("/home/ci/.cache/pactwire/evolve"));
      env.put("XDG_CACHE_HOME", "/var/cache/ci");
      assertThat(EvolveCacheOption.dir(env::get, "?"))
          .isEqualTo(Path.of("/var/cache/ci/pactwire/evolve"));
      env.put("PACTWIRE_CACHE", "/tmp/pw");
      assertThat(EvolveCacheOption.dir(env::get, "?")).isEqualTo(Path.of("/tmp/pw/evolve"));
    }

    private String[] concat(String[] a, String... b) {
      String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, out, a.length, b.length);
      return out;
    }
  }
}
