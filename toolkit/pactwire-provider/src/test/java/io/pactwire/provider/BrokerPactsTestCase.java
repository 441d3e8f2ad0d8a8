package io.pactwire.provider;

import au.com.dius.pact.provider.junitsupport.Provider;

/**
 * A provider verifying a Pact Broker's pacts, as users write it; run by {@link BrokerPactsTests}.
 */
@Provider("inventory-service")
@PactwirePacts(
    broker = "${sys:" + BrokerProvider.BROKER_PROPERTY + "}",
    consumerVersionSelectors = {"{\"mainBranch\": true}", "{\"deployedOrReleased\": true}"})
@PactwireReports
class BrokerPactsTestCase extends BrokerProvider {}
