// The build a user runs passed: the client's tests ran against the stubs, and none failed.
def reports = new File(basedir, 'target/surefire-reports')
def clientTests = new File(reports, 'TEST-org.example.storefront.ProductClientTests.xml').text
assert clientTests =~ /tests="3"/ : "ProductClientTests did not run its 3 tests"
assert clientTests =~ /failures="0"/ && clientTests =~ /errors="0"/ : 'ProductClientTests failed'

// The drifted client's test failed, and its failure says why without a log to dig through: the
// closest interaction, its pact file, and the header that differed.
def drift = new File(reports, 'org.example.storefront.DriftTests.txt').text
assert drift.contains('FAILURE') : "DriftTests did not fail:\n${drift}"
['Closest interaction: "a request for a product"', 'order-service-product-service.json', 'application/xml'].each {
  assert drift.contains(it) : "the drift failure does not say ${it}:\n${drift}"
}

// Stubs write no pact: the pacts folder holds the one pact it was given.
def pacts = new File(basedir, 'pacts').list().sort()
assert pacts == ['order-service-product-service.json'] : "pacts/ now holds ${pacts}"

// The project's hand-written WireMock mapping of the same service (in src/test/resources/mappings,
// where WireMock loads mapping files from) answered neither test, and is still there.
def byHand = new File(basedir, 'src/test/resources/mappings/product-service-by-hand.json')
assert byHand.isFile() : "the project's own mapping file is gone"
