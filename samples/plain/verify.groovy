import groovy.json.JsonSlurper

// The README's "Use Pactwire in your build" shows this sample's two poms: keep them the same.
def readme = new File(basedir, '../../../../README.md').text
['consumer', 'provider'].each { module ->
  def pom = new File(basedir, "${module}/pom.xml").text.trim()
  assert readme.contains(pom) : "README.md no longer shows samples/plain/${module}/pom.xml as it is"
}

// The pact is in this project's own pacts/, although this repository's pacts/ is above it.
def pactFile = new File(basedir, 'pacts/order-service-product-service.json')
def pact = new JsonSlurper().parse(pactFile)

// Pruned: the committed pact held two interactions of tests that are gone (a deleted method, a
// deleted class); the full run leaves exactly what the suite records.
assert pact.interactions*.description.sort() ==
    ['a request for a product', 'a request for an unknown product'] :
    "interactions after the full run: ${pact.interactions*.description}"

// The ISO-8601 date-time in the stub's response is a timestamp matcher with its format.
def product = pact.interactions.find { it.description == 'a request for a product' }
def rule = product.response.matchingRules.body['$.updatedAt'].matchers[0]
assert rule.match == 'timestamp' && rule.format == "yyyy-MM-dd'T'HH:mm:ssXXX" : "rule: ${rule}"

// No secret in the pact (the consumer's token) nor in the provider's reports (the real one).
assert !pactFile.text.contains('dev-token-not-for-pacts')
def reports = new File(basedir, 'provider/target/pactwire')
assert reports.isDirectory()
reports.eachFileRecurse(groovy.io.FileType.FILES) { file ->
  assert !file.text.contains('sample-products-token') : "the provider's token is in ${file}"
}

// Every artifact a user adds ships its sources and javadoc beside its jar: each toolkit module
// this build packaged (all of them in a full build; at least those the samples use).
def toolkit = new File(basedir, '../../../../toolkit')
def packaged = []
toolkit.eachDir { module ->
  def target = new File(module, 'target')
  def files = target.listFiles() ?: []
  def jar = files.find { it.name.endsWith('.jar') && !(it.name =~ /-(sources|javadoc|tests)\.jar$/) && !it.name.startsWith('original-') }
  // what is not deployed (the test support, the hardening tests) ships no sources
  def deployed = !new File(module, 'pom.xml').text.contains('<maven.deploy.skip>true</maven.deploy.skip>')
  if (jar == null || !deployed) {
    return
  }
  packaged << module.name
  ['sources', 'javadoc'].each { classifier ->
    def jars = files.findAll { it.name.endsWith("-${classifier}.jar") }
    assert jars.size() == 1 : "${module.name}: no ${classifier} jar in ${target}"
    def entries = new java.util.zip.ZipFile(jars[0]).withCloseable { zip -> zip.size() }
    assert entries > 3 : "${module.name}: ${jars[0].name} is empty"
  }
}
assert packaged.containsAll(['pactwire-core', 'pactwire-consumer', 'pactwire-provider']) : "packaged: ${packaged}"
