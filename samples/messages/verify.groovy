import groovy.json.JsonSlurper

// The consumer's pact, written by pact-jvm's message DSL, is in the project's pacts/ (where the
// provider's @PactwirePacts reads it), not in the consumer module's target/pacts.
def pactFile = new File(basedir, 'pacts/search-indexer-price-service.json')
assert pactFile.isFile() : "no pact at ${pactFile}"
assert !new File(basedir, 'consumer/target/pacts').exists() : 'a pact was also written to consumer/target/pacts'
def pact = new JsonSlurper().parse(pactFile)
assert pact.metadata.pactSpecification.version == '4.0'
// The committed pact also held an event of a consumer test that has since been deleted: pact-jvm
// merges and never removes, so Pactwire takes it out when the run ends (the provider, which no
// longer publishes it, would otherwise fail to verify it).
assert pact.interactions*.description == ['a PriceChanged event'] : "interactions: ${pact.interactions*.description}"
def message = pact.interactions.find { it.description == 'a PriceChanged event' }
assert message != null && message.type == 'Asynchronous/Messages' : "interactions: ${pact.interactions}"
assert message.providerStates*.name == ['a product is on sale']

// The provider verified it: one passing test per interaction in Surefire's report.
def report = new File(basedir, 'provider/target/surefire-reports/TEST-org.example.prices.PriceEventsContractTests.xml')
def suite = new groovy.xml.XmlSlurper().parse(report)
assert suite.@tests.toInteger() == 1 && suite.@failures.toInteger() == 0 && suite.@errors.toInteger() == 0 :
    "provider report: tests ${suite.@tests}, failures ${suite.@failures}, errors ${suite.@errors}"
