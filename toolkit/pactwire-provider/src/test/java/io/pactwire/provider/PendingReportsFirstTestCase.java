package io.pactwire.provider;

import au.com.dius.pact.provider.junitsupport.Provider;

/**
 * {@link PendingBrokerPactsTestCase} with its annotations the other way round, so that the
 * extensions see a failure in the other order; run by {@link BrokerPactsTests}.
 */
@Provider("inventory-service")
@PactwireReports
@PactwirePacts(broker = "${sys:" + BrokerProvider.BROKER_PROPERTY + "}", enablePending = true)
class PendingReportsFirstTestCase extends BrokerProvider {}
