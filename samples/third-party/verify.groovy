import groovy.json.JsonSlurper

// The tests wrote the contract, and the integration test held it to the carrier's spec.
def pactFile = new File(basedir, 'pacts/shop-parcelpost-rates.json')
assert pactFile.isFile() : 'no pact written'
def pact = new JsonSlurper().parse(pactFile)
assert pact.interactions*.description.sort() == ['a quote for a parcel', 'a quote for a parcel to Antarctica']
def it = new File(basedir, 'target/failsafe-reports/TEST-org.example.shop.ParcelPostSpecIT.xml').text
assert it =~ /tests="1"/ && it =~ /failures="0"/ && it =~ /errors="0"/ : 'the spec check did not pass'

// The stub's JSON schema is the request's matching rules: the pattern stays a regex, and a
// range no Pact matcher says keeps the example exactly rather than admit any integer.
def quote = pact.interactions.find { it.description == 'a quote for a parcel' }
def rules = quote.request.matchingRules.body
assert rules['$.destination'].matchers[0] == [match: 'regex', regex: '^[A-Z]{2}$'] : "rules: ${rules}"
assert !rules.containsKey('$.weightGrams') : "rules: ${rules}"

// No secret in the pact: the developer's API key never reaches it.
assert !pactFile.text.contains('dev-key-not-for-pacts')
