package io.pactwire.provider;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A token minted per interaction by a callback; run by CredentialsTests. */
@Provider("inventory-service")
@PactFolder("${" + TestPacts.FOLDER_PROPERTY + "}")
@PactwireReports
class MintedCredentialsTestCase extends InMemoryProviderCase {

  static final List<String> minted = new CopyOnWriteArrayList<>();

  @RegisterExtension
  static final ProviderCredentials credentials =
      ProviderCredentials.newInstance()
          .header(
              "Authorization",
              () -> {
                String token = provider.mint();
                minted.add(token);
                return "Bearer " + token;
              })
          .query("api_key", "${env:PACTWIRE_TEST_API_KEY}")
          .build();
}
