package io.pactwire.consumer.testcases;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.annotations.PactDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two message tests in pact-jvm's DSL, which writes their pact into {@code target/dsl-pacts}. */
@ExtendWith(PactConsumerTestExt.class)
@PactDirectory(DslMessagesTestCase.FOLDER)
@PactTestFor(
    providerName = "order-events",
    providerType = ProviderType.ASYNCH,
    pactVersion = PactSpecVersion.V4)
public class DslMessagesTestCase {

  /** Where pact-jvm writes this class's pact, from the module's folder. */
  public static final String FOLDER = "target/dsl-pacts";

  /** The pact's file name. */
  public static final String FILE = "dsl-consumer-order-events.json";

  @Pact(consumer = "dsl-consumer")
  V4Pact created(MessagePactBuilder builder) {
    return builder
        .expectsToReceive("an order created event")
        .withContent(new PactDslJsonBody().stringType("orderId", "o-1"))
        .toPact(V4Pact.class);
  }

  @Pact(consumer = "dsl-consumer")
  V4Pact cancelled(MessagePactBuilder builder) {
    return builder
        .expectsToReceive("an order cancelled event")
        .withContent(new PactDslJsonBody().stringType("orderId", "o-2"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "created")
  void readsCreated(V4Interaction.AsynchronousMessage message) {
    assertThat(message.getContents().getContents().valueAsString()).contains("o-1");
  }

  @Test
  @PactTestFor(pactMethod = "cancelled")
  void readsCancelled(V4Interaction.AsynchronousMessage message) {
    assertThat(message.getContents().getContents().valueAsString()).contains("o-2");
  }
}
