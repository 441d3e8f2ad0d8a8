package io.pactwire.provider.loader;

import au.com.dius.pact.provider.junitsupport.Provider;
import io.pactwire.provider.PactwirePacts;

/**
 * A provider test as a user writes it, reading the project's pacts folder; run only through
 * EngineTestKit by {@code PactwirePactsTests}.
 */
@Provider("stock-service")
@PactwirePacts
public class StockServiceTestCase extends StockServiceCase {}
