package io.pactwire.provider;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A token callback that gives nothing; run by CredentialsTests. */
@Provider("inventory-service")
@PactFolder("${" + TestPacts.FOLDER_PROPERTY + "}")
@PactwireReports
class EmptyCallbackTestCase extends InMemoryProviderCase {

  @RegisterExtension
  static final ProviderCredentials credentials =
      ProviderCredentials.newInstance().header("Authorization", () -> "").build();
}
