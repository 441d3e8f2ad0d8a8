package io.pactwire.provider;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;

/** A provider without a database, its states set up by {@code @State} methods; no credentials. */
@Provider("inventory-service")
@PactFolder("${" + TestPacts.FOLDER_PROPERTY + "}")
@PactwireReports
class InMemoryStatesTestCase extends InMemoryProviderCase {}
