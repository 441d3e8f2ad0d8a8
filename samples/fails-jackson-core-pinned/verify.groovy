// The provider test fails with Pactwire's explanation before any YAML fixture is read, instead
// of NoSuchMethodError YAMLParser._updateToken.
def log = new File(basedir, 'build.log').text
assert log.contains('Jackson modules are mixed: jackson-dataformat-yaml 2.20.1 is newer than jackson-core 2.17.2')
assert log.contains('import com.fasterxml.jackson:jackson-bom:2.17.2 in <dependencyManagement> (before io.pactwire:pactwire-bom)')
assert !log.contains("NoSuchMethodError")
assert log.contains("ProductServiceContractTests.verify(PactVerificationContext) » IncompatibleClasspath Jackson modules are mixed")
