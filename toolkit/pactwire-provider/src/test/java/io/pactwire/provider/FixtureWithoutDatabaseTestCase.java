package io.pactwire.provider;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;

/** State fixtures switched on, but no {@link StatesDataSource}; run by {@link NoDatabaseTests}. */
@Provider("inventory-service")
@PactFolder("${" + TestPacts.FOLDER_PROPERTY + "}")
@PactwireReports
@PactwireStates
class FixtureWithoutDatabaseTestCase extends InMemoryProviderCase {}
