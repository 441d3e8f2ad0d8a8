package io.pactwire.provider;

import au.com.dius.pact.provider.junitsupport.Provider;

/**
 * A provider verifying a Pact Broker's pacts with pending pacts asked for; run by {@link
 * BrokerPactsTests}.
 */
@Provider("inventory-service")
@PactwirePacts(broker = "${sys:" + BrokerProvider.BROKER_PROPERTY + "}", enablePending = true)
@PactwireReports
class PendingBrokerPactsTestCase extends BrokerProvider {}
