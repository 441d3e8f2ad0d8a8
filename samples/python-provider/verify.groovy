import groovy.xml.XmlSlurper

// Two builds ran (invoker.properties): the service as it is, which must verify, and the service
// drifted from the contract on purpose, which must fail, naming what drifted and where.
def out = new File(basedir, 'target/pactwire')
def version = new XmlSlurper().parse(new File(basedir, 'pom.xml')).properties.'pactwire.version'.text()

// The CLI is the distribution archive this build installed into the samples' private repository
// (never one found in the developer's repository), unpacked with its launcher executable.
def installed = new File(basedir, "../../local-repo/io/pactwire/pactwire-cli/${version}/pactwire-cli-${version}-dist.tar.gz")
assert installed.isFile() : "the dist archive is not in the samples' repository: ${installed}"
assert new File(basedir, 'build.log').text.contains("local-repo/io/pactwire/pactwire-cli/${version}/pactwire-cli-${version}-dist.tar.gz into") :
    'the build did not unpack the archive from the samples\' repository'
def launcher = new File(basedir, "target/pactwire-cli/pactwire-${version}/pactwire")
assert launcher.isFile() && launcher.canExecute() : "no executable launcher at ${launcher}"

def text = { String name -> new File(out, name).getText('UTF-8') }
def junit = { String name -> new XmlSlurper().parse(new File(out, name)) }
def interactions = [
  "a request for a product's price",
  'a request for a quote',
  'a request for the price of an unknown product',
  'a request for the running promotions',
]

// The service stopped after each run, whatever verify said, and served every request without
// an error of its own.
['verified', 'drifted'].each { run ->
  def pid = text("${run}.provider.pid").trim().toLong()
  assert !ProcessHandle.of(pid).map { it.isAlive() }.orElse(false) : "the ${run} run left the service running (pid ${pid})"
  assert !text("${run}.provider.log").contains('Traceback') : "the service failed:\n${text("${run}.provider.log")}"
}

// 1. As it is: every interaction verified, exit 0, nothing on stderr (no JVM or CDS noise).
assert text('verified.exit').trim() == '0' : "verify exited ${text('verified.exit').trim()}:\n${text('verified.stderr')}"
assert text('verified.stderr').isEmpty() : "stderr:\n${text('verified.stderr')}"
def verified = junit('verified.junit.xml')
assert verified.@tests.toInteger() == 4 && verified.@failures.toInteger() == 0 && verified.@errors.toInteger() == 0 :
    "JUnit XML: tests ${verified.@tests}, failures ${verified.@failures}, errors ${verified.@errors}"
assert verified.'**'.findAll { it.name() == 'testcase' }*.@name*.text().sort() == interactions
['pricing-service.xml', 'pricing-service.md', 'pricing-service.html', 'results/pricing-service.json'].each {
  assert new File(out, "verified/${it}").isFile() : "--out wrote no verified/${it}"
}
// each provider state was set up, then torn down, which put the service's data back
def states = text('verified.provider.log').readLines().findAll { it.startsWith('setup ') || it.startsWith('teardown ') }
assert states.size() == 6 : "state changes:\n${states.join('\n')}"
states.collate(2).each { pair ->
  assert pair[0].startsWith('setup ') && pair[1].startsWith('teardown ') : "state changes:\n${states.join('\n')}"
  assert pair[1].endsWith('-> prices SKU-2001,SKU-2002') : "a teardown left other data: ${pair[1]}"
}

// 2. Drifted: exit 1, and each failure names its interaction and the JSON path that drifted;
// the interactions that did not drift still pass.
assert text('drifted.exit').trim() == '1' : "the drifted run exited ${text('drifted.exit').trim()}:\n${text('drifted.stderr')}"
assert text('drifted.stderr').isEmpty() : "stderr:\n${text('drifted.stderr')}"
def drifted = junit('drifted.junit.xml')
assert drifted.@tests.toInteger() == 4 && drifted.@failures.toInteger() == 2 && drifted.@errors.toInteger() == 0 :
    "JUnit XML: tests ${drifted.@tests}, failures ${drifted.@failures}, errors ${drifted.@errors}"
def failures = drifted.'**'.findAll { it.name() == 'testcase' && it.failure.size() > 0 }.collectEntries {
  [(it.@name.text()): it.failure.text()]
}
assert failures.keySet().sort() == ["a request for a product's price", 'a request for the running promotions']
[
  "a request for a product's price": ["interaction: 'a request for a product's price'", "body \$.amount:", 'the response has price'],
  'a request for the running promotions': ["interaction: 'a request for the running promotions'", "body \$.promotions[0].percentOff:", '10%'],
].each { interaction, expected ->
  expected.each { assert failures[interaction].contains(it) : "the failure of '${interaction}' does not say ${it}:\n${failures[interaction]}" }
  assert failures[interaction].contains('pacts/web-shop-pricing-service.json') : failures[interaction]
}
// the build log showed the report with the same failures
def markdown = text('drifted/pricing-service.md')
assert markdown.contains("body \$.amount:") && markdown.contains("body \$.promotions[0].percentOff:") : markdown
