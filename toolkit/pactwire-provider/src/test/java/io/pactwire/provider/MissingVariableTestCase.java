package io.pactwire.provider;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;

/** A credential from an environment variable nobody set; run by CredentialsTests. */
@Provider("inventory-service")
@PactFolder("${" + TestPacts.FOLDER_PROPERTY + "}")
@PactwireReports
@PactwireCredentials({
  @Credential(header = "Authorization", value = "Bearer ${env:PACTWIRE_TEST_NO_SUCH_TOKEN}")
})
class MissingVariableTestCase extends InMemoryProviderCase {}
