package io.pactwire.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.consumer.testcases.DslMessagesTestCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The interactions pact-jvm's DSL wrote for tests that are gone are taken out of its pacts at the
 * end of a run; those of tests that exist, of other builds' tests and of names in another form
 * stay.
 */
class DslPactPruningTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CASE = DslMessagesTestCase.class.getName();
  private static final FileTime ALWAYS = FileTime.fromMillis(0);

  private final Path folder = Path.of(DslMessagesTestCase.FOLDER).toAbsolutePath();
  private final Path pact = folder.resolve(DslMessagesTestCase.FILE);

  @BeforeEach
  void writeTheDslPact() throws IOException {
    Files.deleteIfExists(pact);
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(DslMessagesTestCase.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(2).failed(0));
    TestClasses.noteRoot(DslMessagesTestCase.class);
  }

  @Test
  void readsPactJvmsTestNames() {
    assertThat(DslPactPruning.testName("com.x.FooTests.readsIt(AsynchronousMessage)"))
        .contains("com.x.FooTests#readsIt");
    assertThat(DslPactPruning.testName("com.x.Outer$Inner.readsIt()"))
        .contains("com.x.Outer$Inner#readsIt");
    assertThat(DslPactPruning.testName("com.x.FooTests.reads an order")).isEmpty();
    assertThat(DslPactPruning.testName("com.x.FooTests.[1] SKU-1")).isEmpty();
    assertThat(DslPactPruning.testName("com.x.FooTests#readsIt")).isEmpty();
  }

  @Test
  void leavesAPactWhoseTestsAllExistAsItIs() throws IOException {
    byte[] before = Files.readAllBytes(pact);

    assertThat(DslPactPruning.pruneFolder(folder, ALWAYS, getClass().getClassLoader())).isEmpty();

    assertThat(Files.readAllBytes(pact)).isEqualTo(before);
  }

  @Test
  void takesOutTheInteractionsOfGoneTestsOnly() throws IOException {
    addInteractionsOf(
        CASE + ".readsRefunded(AsynchronousMessage)", // a method deleted from the class
        "io.pactwire.consumer.testcases.DeletedDslTestCase.readsIt(AsynchronousMessage)",
        "com.elsewhere.orders.OtherModuleTests.readsIt(AsynchronousMessage)", // not our package
        CASE + ".reads an order, as named by @DisplayName");

    assertThat(DslPactPruning.pruneFolder(folder, ALWAYS, getClass().getClassLoader()))
        .containsExactly(pact);

    assertThat(testNames())
        .containsExactlyInAnyOrder(
            CASE + ".readsCreated(AsynchronousMessage)",
            CASE + ".readsCancelled(AsynchronousMessage)",
            "com.elsewhere.orders.OtherModuleTests.readsIt(AsynchronousMessage)",
            CASE + ".reads an order, as named by @DisplayName");
    assertThat(DslPactPruning.pruneFolder(folder, ALWAYS, getClass().getClassLoader())).isEmpty();
  }

  @Test
  void leavesAPactNotWrittenSinceTheRunStartedForItsNextWrite() throws IOException {
    addInteractionsOf(CASE + ".readsRefunded(AsynchronousMessage)");
    Files.setLastModifiedTime(pact, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    byte[] before = Files.readAllBytes(pact);

    assertThat(
            DslPactPruning.pruneFolder(
                folder,
                FileTime.fromMillis(System.currentTimeMillis() - 2_000),
                getClass().getClassLoader()))
        .isEmpty();

    assertThat(Files.readAllBytes(pact)).isEqualTo(before);
  }

  @Test
  void aRunOfTheJUnitPlatformPrunesTheFolderPactJvmWritesToWhenItEnds() throws IOException {
    addInteractionsOf(CASE + ".readsRefunded(AsynchronousMessage)");
    String previous = System.getProperty(DslPactsDirectory.PACT_ROOT_DIR);
    System.setProperty(DslPactsDirectory.PACT_ROOT_DIR, folder.toString());
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    try {
      LauncherFactory.create()
          .execute(
              LauncherDiscoveryRequestBuilder.request()
                  .selectors(selectClass(DslMessagesTestCase.class))
                  .build(),
              summary);
    } finally {
      System.setProperty(DslPactsDirectory.PACT_ROOT_DIR, previous);
    }

    assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(2);
    assertThat(testNames())
        .containsExactlyInAnyOrder(
            CASE + ".readsCreated(AsynchronousMessage)",
            CASE + ".readsCancelled(AsynchronousMessage)");
  }

  /** Adds to the pact a copy of its first interaction for each test name, as earlier runs would. */
  private void addInteractionsOf(String... testNames) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(pact.toFile());
    ArrayNode interactions = (ArrayNode) root.get("interactions");
    JsonNode first = interactions.get(0);
    int n = 0;
    for (String testName : testNames) {
      ObjectNode copy = first.deepCopy();
      copy.put("description", "an earlier event " + n);
      copy.put("key", "earlier-" + n++);
      ((ObjectNode) copy.get("comments")).put("testname", testName);
      interactions.add(copy);
    }
    JSON.writerWithDefaultPrettyPrinter().writeValue(pact.toFile(), root);
  }

  private List<String> testNames() throws IOException {
    List<String> names = new ArrayList<>();
    for (JsonNode interaction : JSON.readTree(pact.toFile()).get("interactions")) {
      names.add(
          Optional.ofNullable(interaction.path("comments").path("testname").textValue())
              .orElse("(none)"));
    }
    return names;
  }
}
