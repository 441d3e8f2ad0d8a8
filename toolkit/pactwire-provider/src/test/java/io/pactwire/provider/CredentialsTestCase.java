package io.pactwire.provider;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;

/** Credentials from a system property and an environment variable; run by CredentialsTests. */
@Provider("inventory-service")
@PactFolder("${" + TestPacts.FOLDER_PROPERTY + "}")
@PactwireReports
@Credential(
    header = "Authorization",
    value = "Bearer ${sys:" + CredentialsTests.TOKEN_PROPERTY + "}")
@Credential(query = "api_key", value = "${env:PACTWIRE_TEST_API_KEY}")
class CredentialsTestCase extends InMemoryProviderCase {}
