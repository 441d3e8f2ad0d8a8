package io.pactwire.hardening;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import io.pactwire.provider.PactwirePacts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/** A provider test that {@link ProviderCorpusTests} runs over a folder holding one bad pact. */
@Provider(Inputs.PROVIDER)
@PactwirePacts
class HardeningProviderTestCase {

  @BeforeEach
  void target(PactVerificationContext context) {
    if (context != null) {
      context.setTarget(new HttpTestTarget("127.0.0.1", 9));
    }
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void verify(PactVerificationContext context) {
    context.verifyInteraction();
  }
}
