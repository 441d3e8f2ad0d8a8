// The test fails with Pactwire's explanation, one line per problem, instead of WireMock's
// NoSuchMethodError (httpclient5 5.3 under Boot 3.3) or "Jetty 11 is not present" (Jetty 12).
def log = new File(basedir, 'build.log').text
assert log.contains('WireMock needs Apache httpclient5 5.4 or later, but the classpath has httpclient5 5.3.')
assert log.contains('import io.pactwire:pactwire-bom in <dependencyManagement> before any BOM that manages it (such as spring-boot-dependencies)')
assert log.contains('WireMock (org.wiremock:wiremock) runs on Jetty 11, but the classpath has Jetty 12.0.')
assert log.contains('use org.wiremock:wiremock-jetty12 instead')
assert !log.contains('NoSuchMethodError')
assert !log.contains('Jetty 11 is not present')
assert log.contains("pact-jvm needs Kotlin's runtime 2.3 or later, but the classpath has kotlin-stdlib 1.9.")
